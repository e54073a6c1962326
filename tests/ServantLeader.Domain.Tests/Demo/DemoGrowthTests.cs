using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Demo;
using ServantLeader.Domain.Growth;
using ServantLeader.Domain.OneOnOnes;
using ServantLeader.Domain.Support;

namespace ServantLeader.Domain.Tests.Demo;

[Trait("Area", "Growth")]
public sealed class DemoGrowthTests : DatabaseTests
{
    [Fact]
    public async Task The_demo_organisation_starts_with_growth_at_every_state()
    {
        Assert.True(await Db.Get<DemoOrganisation>().SeedAsync(default));

        await using var db = Db.NewDb();
        Assert.InRange(await db.GrowthPlans.CountAsync(p => p.Ambition != ""), 8, 14);
        foreach (var state in Enum.GetValues<GoalState>())
        {
            Assert.True(await db.GrowthGoals.AnyAsync(g => g.State == state), $"a goal {state}");
        }
        Assert.True(await db.GrowthGoals.AllAsync(g => g.State != GoalState.SetAside || g.Learned != ""), "a goal set aside says what was learned");
        Assert.Equal(1, await db.GrowthGoals.CountAsync(g => g.MadePublicAt != null));
        Assert.True(await db.GrowthGoals.AllAsync(g => g.MadePublicAt == null || g.State == GoalState.Achieved));

        foreach (var level in Enum.GetValues<SkillLevel>())
        {
            Assert.True(await db.Skills.AnyAsync(s => s.ConfirmedLevel == level), $"a skill confirmed at {level}");
        }
        Assert.True(await db.Skills.AnyAsync(s => s.ConfirmedLevel != s.ProposedLevel), "a proposed level waits for confirmation");
        Assert.True(await db.SkillLevelChanges.AnyAsync(c => c.FromLevel != null && c.ToLevel > c.FromLevel), "a skill moved up a level");

        Assert.True(await db.SupportEntries.AnyAsync(s => s.GoalId != null && s.Category == SupportCategory.StretchOpportunity
            || s.GoalId != null && s.Category == SupportCategory.Mentoring || s.GoalId != null && s.Category == SupportCategory.Training));
        var stuckOrMoved = await db.GoalProgress.Select(p => p.Movement).Distinct().ToListAsync();
        Assert.Contains(GoalMovement.MovedForward, stuckOrMoved);
        Assert.Contains(GoalMovement.Stuck, stuckOrMoved);
        // Progress is only ever reported in the person's own check-ins, on their own goals.
        Assert.False(await db.GoalProgress.AnyAsync(p => p.CheckIn.MemberId != p.Goal.PersonId));

        Assert.True(await db.OneOnOnes.AnyAsync(m => m.IsGrowthConversation && m.Status == MeetingStatus.Held));
        Assert.True(await db.PeerSupport.AnyAsync(p => p.ConfirmedAt != null));
        Assert.True(await db.PeerSupport.AnyAsync(p => p.ConfirmedAt == null));
        // Peer help is only between people who share the team it is logged in.
        Assert.True(await db.PeerSupport.AllAsync(p =>
            db.Memberships.Any(m => m.TeamId == p.TeamId && m.PersonId == p.GiverId)
            && db.Memberships.Any(m => m.TeamId == p.TeamId && m.PersonId == p.ReceiverId)));
        Assert.Equal(2, await db.MentoringPairs.CountAsync(p => p.Status == MentoringStatus.Active));
        Assert.Equal(1, await db.MentoringPairs.CountAsync(p => p.Status == MentoringStatus.Proposed));
        // One active pair crosses teams: mentor and mentee share no team.
        Assert.True(await db.MentoringPairs.AnyAsync(p => p.Status == MentoringStatus.Active
            && !db.Memberships.Any(a => a.PersonId == p.MentorId && db.Memberships.Any(b => b.PersonId == p.MenteeId && b.TeamId == a.TeamId))));
        Assert.Equal(1, await db.PeerRequests.CountAsync());
    }
}
