using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Dashboard;
using ServantLeader.Domain.Growth;
using ServantLeader.Domain.Support;

namespace ServantLeader.Domain.Tests.Growth;

[Trait("Area", "Growth")]
public sealed class SupportGrowthTests : OrganisationTests
{
    private LogSupport ForMia(int? goalId, SupportCategory category = SupportCategory.Coaching) => new()
    {
        TeamId = Org.Product, MemberId = Org.Mia.PersonId, GoalId = goalId, Category = category, Minutes = 60,
        Date = Db.Clock.Today, Note = "Rehearsed the talk together.",
    };

    [Fact]
    public async Task Support_can_be_tied_to_one_of_the_members_active_goals()
    {
        var goal = await RhythmGoals.GoalAsync(Db, Org.Mia, "Speak at a conference");

        var id = await Org.Support.LogAsync(Org.Lea, ForMia(goal), default);

        await using var db = Db.NewDb();
        Assert.Equal(goal, (await db.SupportEntries.SingleAsync(s => s.Id == id)).GoalId);
    }

    [Fact]
    public async Task Support_tied_to_another_members_goal_or_a_closed_goal_is_refused_and_nothing_is_saved()
    {
        var maxs = await RhythmGoals.GoalAsync(Db, Org.Max, "Learn Rust");
        var pias = await RhythmGoals.GoalAsync(Db, Org.Pia, "Own the on-call rota");
        var achieved = await RhythmGoals.GoalAsync(Db, Org.Mia, "Finish the course", GoalState.Achieved);

        foreach (var goal in new[] { maxs, pias, achieved, 999_999 })
        {
            var error = await Assert.ThrowsAsync<RuleViolationException>(() => Org.Support.LogAsync(Org.Lea, ForMia(goal), default));
            Assert.Equal([nameof(LogSupport.GoalId)], error.Errors.Keys);
        }
        // A leader who may not log for the member hears about the member, never about the member's plan.
        var notMine = await Assert.ThrowsAsync<RuleViolationException>(() => Org.Support.LogAsync(Org.Otto, ForMia(maxs), default));
        Assert.Equal([nameof(LogSupport.MemberId)], notMine.Errors.Keys);

        await using var db = Db.NewDb();
        Assert.Equal(0, await db.SupportEntries.CountAsync());
    }

    [Fact]
    public async Task Mentoring_and_a_stretch_opportunity_are_kinds_of_support_the_log_filter_and_the_dashboard_count()
    {
        Assert.Contains(SupportCategory.Mentoring, SupportCategoryText.All);
        Assert.Equal("A stretch opportunity", SupportCategory.StretchOpportunity.Label());
        await Org.Support.LogAsync(Org.Lea, ForMia(null, SupportCategory.Mentoring), default);
        await Org.Support.LogAsync(Org.Lea, ForMia(null, SupportCategory.StretchOpportunity), default);

        var stretch = await Org.Support.LogAsync(Org.Lea, new SupportLogFilter(Category: SupportCategory.StretchOpportunity), default);
        Assert.Equal(SupportCategory.StretchOpportunity, Assert.Single(stretch.Rows).Category);
        var dashboards = Db.Get<DashboardService>();
        var dashboard = await dashboards.TeamAsync(Org.Lea, Org.Product, dashboards.LastWeeks(4), 4, default);
        Assert.Equal([SupportCategory.Mentoring, SupportCategory.StretchOpportunity], dashboard.Categories.Select(c => c.Category).Order());
    }
}
