using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServantLeader.Domain.Common;

namespace ServantLeader.Domain.Growth;

internal sealed class PeerRequestConfiguration : IEntityTypeConfiguration<PeerRequest>
{
    public void Configure(EntityTypeBuilder<PeerRequest> builder)
    {
        builder.ToTable("PeerRequests");
        builder.Property(r => r.Message).HasMaxLength(TextRules.StorageLength(PeerRequest.MessageLength)).IsRequired();
        builder.Property(r => r.Answer).HasMaxLength(TextRules.StorageLength(TextRules.ReasonLength)).IsRequired();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.Asker).WithMany().HasForeignKey(r => r.AskerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Peer).WithMany().HasForeignKey(r => r.PeerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Skill).WithMany().HasForeignKey(r => r.SkillId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<GrowthGoal>().WithMany().HasForeignKey(r => r.GoalId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(r => new { r.PeerId, r.Status });
        builder.HasIndex(r => new { r.AskerId, r.Status });
    }
}
