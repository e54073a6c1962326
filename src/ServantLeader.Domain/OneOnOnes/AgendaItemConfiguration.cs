using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Growth;

namespace ServantLeader.Domain.OneOnOnes;

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.ToTable("AgendaItems");
        builder.Property(a => a.Text).HasMaxLength(TextRules.StorageLength(TextRules.ReasonLength)).IsRequired();
        builder.HasOne<OneOnOne>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Author).WithMany().HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CheckIn>().WithMany().HasForeignKey(a => a.CheckInId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<GrowthGoal>().WithMany().HasForeignKey(a => a.GoalId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => a.MeetingId);
    }
}
