using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServantLeader.Domain.Feedback;

internal sealed class FeedbackScoreConfiguration : IEntityTypeConfiguration<FeedbackScore>
{
    public void Configure(EntityTypeBuilder<FeedbackScore> builder)
    {
        builder.ToTable("FeedbackScores", t => t.HasCheckConstraint("CK_FeedbackScores_Score", "\"Score\" BETWEEN 1 AND 7"));
        builder.HasKey(s => new { s.ResponseId, s.ItemId });
        builder.HasOne<InstrumentItem>().WithMany().HasForeignKey(s => s.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
