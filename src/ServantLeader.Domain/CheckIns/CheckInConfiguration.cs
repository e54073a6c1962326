using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.People;

namespace ServantLeader.Domain.CheckIns;

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> builder)
    {
        builder.ToTable("CheckIns", t => t.HasCheckConstraint("CK_CheckIns_Pulse", "\"Pulse\" IS NULL OR \"Pulse\" BETWEEN 1 AND 5"));
        builder.Property(c => c.Wins).HasMaxLength(TextRules.StorageLength(TextRules.NoteLength)).IsRequired();
        builder.Property(c => c.Challenges).HasMaxLength(TextRules.StorageLength(TextRules.NoteLength)).IsRequired();
        builder.Property(c => c.Need).HasMaxLength(TextRules.StorageLength(TextRules.NoteLength)).IsRequired();
        builder.Property(c => c.HelpToGrow).HasMaxLength(TextRules.StorageLength(TextRules.NoteLength)).IsRequired().HasDefaultValue("");
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.HasBlocker);
        builder.Ignore(c => c.Period);

        builder.HasOne(c => c.Team).WithMany().HasForeignKey(c => c.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Member).WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Request).WithMany().HasForeignKey(c => c.RequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.ReviewedById).OnDelete(DeleteBehavior.Restrict);

        // One check-in per member, team and period; the leader's week view reads a team's period at once.
        builder.HasIndex(c => new { c.TeamId, c.MemberId, c.PeriodDue }).IsUnique();
        builder.HasIndex(c => new { c.TeamId, c.PeriodDue, c.Status, c.Pulse, c.MemberId });
        // The dashboard: pulse by period for every team, review times by submission, and open blockers.
        builder.HasIndex(c => new { c.PeriodDue, c.TeamId, c.Status, c.Pulse, c.MemberId });
        builder.HasIndex(c => new { c.TeamId, c.SubmittedAt, c.ReviewedAt, c.MemberId });
        builder.HasIndex(c => new { c.SubmittedAt, c.TeamId, c.ReviewedAt, c.MemberId });
        builder.HasIndex(c => new { c.TeamId, c.MemberId, c.PeriodDue, c.Status }, "IX_CheckIns_Participation");
        builder.HasIndex(c => c.RequestId, "IX_CheckIns_LinkedBlockers").HasFilter("\"RequestId\" IS NOT NULL AND \"Challenges\" <> ''");
        builder.HasIndex(c => new { c.TeamId, c.MemberId, c.SubmittedAt }, "IX_CheckIns_OpenBlockers")
            .HasFilter("\"Status\" = 'Submitted' AND \"Challenges\" <> ''");
    }
}
