using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServantLeader.Domain.Common;

namespace ServantLeader.Domain.OneOnOnes;

internal sealed class OneOnOneConfiguration : IEntityTypeConfiguration<OneOnOne>
{
    public void Configure(EntityTypeBuilder<OneOnOne> builder)
    {
        builder.ToTable("OneOnOnes");
        builder.Property(m => m.SharedNotes).HasMaxLength(TextRules.StorageLength(TextRules.DetailsLength)).IsRequired();
        builder.Property(m => m.PrivateNotes).HasMaxLength(TextRules.StorageLength(TextRules.DetailsLength)).IsRequired();
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasOne(m => m.Leader).WithMany().HasForeignKey(m => m.LeaderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Member).WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.LeaderId, m.MemberId, m.Status });
        builder.HasIndex(m => new { m.MemberId, m.HeldAt }, "IX_OneOnOnes_GrowthConversations").HasFilter("\"IsGrowthConversation\"");
    }
}
