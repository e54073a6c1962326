using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.People;

namespace ServantLeader.Domain.OneOnOnes;

internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> builder)
    {
        builder.ToTable("ActionItems");
        builder.Property(a => a.Text).HasMaxLength(TextRules.StorageLength(TextRules.ReasonLength)).IsRequired();
        builder.HasOne(a => a.Owner).WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.LeaderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OneOnOne>().WithMany().HasForeignKey(a => a.CreatedInMeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.LeaderId, a.MemberId, a.DoneAt });
    }
}
