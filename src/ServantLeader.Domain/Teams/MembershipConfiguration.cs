using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServantLeader.Domain.Teams;

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.ToTable("Memberships");
        // One current membership per person and team; ended ones stay beside it as history.
        builder.HasIndex(m => new { m.TeamId, m.PersonId }).IsUnique().HasFilter("\"Until\" IS NULL");
        builder.HasQueryFilter(m => m.Until == null);
        builder.HasIndex(m => new { m.PersonId, m.Role });
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.EndedBecause).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
