using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServantLeader.Domain.Common;

namespace ServantLeader.Domain.Feedback;

internal sealed class InstrumentConfiguration : IEntityTypeConfiguration<Instrument>
{
    public void Configure(EntityTypeBuilder<Instrument> builder)
    {
        builder.ToTable("Instruments");
        builder.Property(i => i.Name).HasMaxLength(TextRules.StorageLength(TextRules.NameLength)).IsRequired();
        builder.Property(i => i.OpenQuestion).HasMaxLength(TextRules.StorageLength(TextRules.TitleLength * 2));
        builder.HasMany(i => i.Items).WithOne().HasForeignKey(i => i.InstrumentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(i => i.Name).IsUnique();
        builder.Property(i => i.SeedKey).HasMaxLength(40);
        builder.HasIndex(i => i.SeedKey).IsUnique().HasFilter("\"SeedKey\" IS NOT NULL");
    }
}
