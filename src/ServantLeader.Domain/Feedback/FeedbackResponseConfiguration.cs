using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.People;

namespace ServantLeader.Domain.Feedback;

internal sealed class FeedbackResponseConfiguration : IEntityTypeConfiguration<FeedbackResponse>
{
    public void Configure(EntityTypeBuilder<FeedbackResponse> builder)
    {
        builder.ToTable("FeedbackResponses");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Comment).HasMaxLength(TextRules.StorageLength(TextRules.NoteLength));
        builder.HasOne<FeedbackRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.SubjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Scores).WithOne().HasForeignKey(s => s.ResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Scores).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(r => new { r.RoundId, r.SubjectId, r.IsSelfView });
    }
}
