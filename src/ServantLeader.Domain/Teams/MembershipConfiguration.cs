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
        // The dashboard's "team as it was": a team's memberships of a role, past and present, with the columns of the
        // overlap rule, read without touching the table (the unique index above holds only the current ones).
        builder.HasIndex(m => new { m.TeamId, m.Role, m.Since, m.Until, m.PersonId });
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.EndedBecause).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
