using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Growth;

namespace ServantLeader.Domain.Support;

internal sealed class SupportEntryConfiguration : IEntityTypeConfiguration<SupportEntry>
{
    public void Configure(EntityTypeBuilder<SupportEntry> builder)
    {
        builder.ToTable("SupportEntries", t => t.HasCheckConstraint("CK_SupportEntries_Minutes", "\"Minutes\" BETWEEN 1 AND 1440"));
        builder.Property(s => s.Note).HasMaxLength(TextRules.StorageLength(TextRules.NoteLength)).IsRequired();
        builder.Property(s => s.Category).HasConversion<string>().HasMaxLength(32);
        builder.Ignore(s => s.IsProactive);

        builder.HasOne(s => s.Leader).WithMany().HasForeignKey(s => s.LeaderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Member).WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Team).WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Request).WithMany().HasForeignKey(s => s.RequestId).OnDelete(DeleteBehavior.Restrict);

        // The support log is one leader's history by date. The dashboard reads a team's by date, or every team's for
        // a period: both indexes carry the columns the figures need, so the aggregates never touch the table.
        builder.HasIndex(s => new { s.LeaderId, s.Date });
        builder.HasIndex(s => new { s.TeamId, s.Date, s.MemberId, s.Minutes, s.RequestId, s.Category });
        builder.HasIndex(s => new { s.Date, s.TeamId, s.MemberId, s.Minutes, s.RequestId });
        builder.HasIndex(s => new { s.MemberId, s.TeamId, s.Date });
        builder.HasIndex(s => s.RequestId);
        builder.HasOne<GrowthGoal>().WithMany().HasForeignKey(s => s.GoalId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(s => new { s.GoalId, s.Date }).HasFilter("\"GoalId\" IS NOT NULL");
    }
}
