using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServantLeader.Domain.People;

namespace ServantLeader.Domain.Feedback;

internal sealed class ParticipationConfiguration : IEntityTypeConfiguration<Participation>
{
    public void Configure(EntityTypeBuilder<Participation> builder)
    {
        builder.ToTable("FeedbackParticipation");
        // The key is also what makes a second answer impossible: one row per round, respondent and leader.
        builder.HasKey(p => new { p.RoundId, p.RespondentId, p.SubjectId });
        builder.HasOne<FeedbackRound>().WithMany().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.RespondentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.SubjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.RespondentId, p.HasAnswered });
    }
}
