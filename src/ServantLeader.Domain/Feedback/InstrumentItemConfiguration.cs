using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServantLeader.Domain.Common;

namespace ServantLeader.Domain.Feedback;

internal sealed class InstrumentItemConfiguration : IEntityTypeConfiguration<InstrumentItem>
{
    public void Configure(EntityTypeBuilder<InstrumentItem> builder)
    {
        builder.ToTable("InstrumentItems");
        builder.Property(i => i.Text).HasMaxLength(TextRules.StorageLength(TextRules.TitleLength * 2)).IsRequired();
        builder.Property(i => i.Dimension).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(i => new { i.InstrumentId, i.Order });
    }
}
