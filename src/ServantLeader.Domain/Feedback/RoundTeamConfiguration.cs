using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Feedback;

internal sealed class RoundTeamConfiguration : IEntityTypeConfiguration<RoundTeam>
{
    public void Configure(EntityTypeBuilder<RoundTeam> builder)
    {
        builder.ToTable("FeedbackRoundTeams");
        builder.HasKey(t => new { t.RoundId, t.TeamId });
        builder.HasOne<Team>().WithMany().HasForeignKey(t => t.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}
