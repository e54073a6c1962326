using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServantLeader.Domain.Common;

namespace ServantLeader.Domain.Growth;

internal sealed class PeerSupportConfiguration : IEntityTypeConfiguration<PeerSupport>
{
    public void Configure(EntityTypeBuilder<PeerSupport> builder)
    {
        builder.ToTable("PeerSupport", t => t.HasCheckConstraint("CK_PeerSupport_Minutes", "\"Minutes\" BETWEEN 1 AND 1440"));
        builder.Property(s => s.Note).HasMaxLength(TextRules.StorageLength(TextRules.NoteLength)).IsRequired();
        builder.Property(s => s.Category).HasConversion<string>().HasMaxLength(32);
        builder.Ignore(s => s.IsConfirmed);
        builder.HasOne(s => s.Giver).WithMany().HasForeignKey(s => s.GiverId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Receiver).WithMany().HasForeignKey(s => s.ReceiverId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Team).WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<GrowthGoal>().WithMany().HasForeignKey(s => s.GoalId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(s => new { s.TeamId, s.Date, s.GiverId, s.ReceiverId, s.Minutes, s.ConfirmedAt });
        builder.HasIndex(s => new { s.Date, s.TeamId, s.GiverId, s.ConfirmedAt });
        builder.HasIndex(s => new { s.ReceiverId, s.ConfirmedAt });
        builder.HasIndex(s => new { s.GiverId, s.Date });
    }
}
