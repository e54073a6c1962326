using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Growth;

namespace ServantLeader.Domain.Tests.Growth;

/// <summary>
/// Plans and goals written straight through the entities, so the rhythm's tests (check-ins, support, 1:1s) do not
/// depend on the plan editor's service.
/// </summary>
internal static class RhythmGoals
{
    public static async Task<int> GoalAsync(TestDatabase db, Actor person, string what, GoalState state = GoalState.Active,
        string ambition = "Lead a team of my own in three years")
    {
        await using var ctx = db.NewDb();
        var now = db.Clock.GetUtcNow();
        var plan = await ctx.GrowthPlans.SingleOrDefaultAsync(p => p.PersonId == person.PersonId);
        if (plan is null)
        {
            plan = new GrowthPlan(person.PersonId, now);
            plan.Write(ambition, "", now);
            ctx.GrowthPlans.Add(plan);
        }
        var goal = new GrowthGoal(plan, what, "", "", null, now);
        ctx.GrowthGoals.Add(goal);
        if (state == GoalState.Achieved)
        {
            goal.Achieve(now);
        }
        else if (state == GoalState.SetAside)
        {
            goal.SetAside("Smaller steps work better for me.", now);
        }
        await ctx.SaveChangesAsync();
        return goal.Id;
    }

    /// <summary>An active mentoring pair in which the mentee shares (or not) the plan.</summary>
    public static async Task MentorAsync(TestDatabase db, Actor mentor, Actor mentee, bool planShared)
    {
        await using var ctx = db.NewDb();
        var now = db.Clock.GetUtcNow();
        var pair = new MentoringPair(mentor.PersonId, mentee.PersonId, mentee.PersonId, "Public speaking", now);
        pair.Accept(now);
        pair.SharePlan(planShared);
        ctx.MentoringPairs.Add(pair);
        await ctx.SaveChangesAsync();
    }
}
