using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.People;

namespace ServantLeader.Domain.Growth;

internal sealed class MentoringPairConfiguration : IEntityTypeConfiguration<MentoringPair>
{
    public void Configure(EntityTypeBuilder<MentoringPair> builder)
    {
        builder.ToTable("MentoringPairs");
        builder.Property(p => p.Focus).HasMaxLength(TextRules.StorageLength(MentoringPair.FocusLength)).IsRequired();
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.InviteeId);
        builder.HasOne(p => p.Mentor).WithMany().HasForeignKey(p => p.MentorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Mentee).WithMany().HasForeignKey(p => p.MenteeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.ProposedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.MentorId, p.Status });
        builder.HasIndex(p => new { p.MenteeId, p.Status });
        // One live pair (proposed or active) per mentor and mentee.
        builder.HasIndex(p => new { p.MentorId, p.MenteeId }, "IX_MentoringPairs_Live").IsUnique()
            .HasFilter("\"Status\" IN ('Proposed', 'Active')");
        builder.HasIndex(p => new { p.StartedAt, p.EndedAt, p.MentorId });
    }
}
