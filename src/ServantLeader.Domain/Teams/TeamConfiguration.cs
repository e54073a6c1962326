using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServantLeader.Domain.Common;

namespace ServantLeader.Domain.Teams;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.ToTable("Teams");
        builder.Property(t => t.Name).HasMaxLength(TextRules.StorageLength(TextRules.NameLength)).IsRequired();
        builder.Property(t => t.Purpose).HasMaxLength(TextRules.StorageLength(TextRules.PurposeLength)).IsRequired();
        builder.HasIndex(t => t.Name).IsUnique();
        builder.Property(t => t.CheckInCadence).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.CheckInDueDay).HasConversion<string>().HasMaxLength(16);
        builder.HasMany(t => t.Memberships).WithOne(m => m.Team).HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Memberships).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
