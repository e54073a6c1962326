using ServantLeader.Domain.Common;
using ServantLeader.Domain.Growth;

namespace ServantLeader.Domain.Tests.Growth;

/// <summary>
/// Goals and skills written straight into the database: the peer tests need them to exist, not the plan editor's
/// rules, which have their own tests.
/// </summary>
internal static class PeerSeeds
{
    public static async Task<int> GoalAsync(this TestDatabase db, Actor owner, string what)
    {
        await using var context = db.NewDb();
        var plan = context.GrowthPlans.SingleOrDefault(p => p.PersonId == owner.PersonId) ?? new GrowthPlan(owner.PersonId, db.Clock.Now);
        var goal = new GrowthGoal(plan, what, "", "", null, db.Clock.Now);
        if (plan.Id == 0)
        {
            context.GrowthPlans.Add(plan);
        }
        context.GrowthGoals.Add(goal);
        await context.SaveChangesAsync();
        return goal.Id;
    }

    public static async Task<int> SkillAsync(this TestDatabase db, Actor person, string name, SkillLevel level, Actor? confirmedBy = null)
    {
        await using var context = db.NewDb();
        var skill = new Skill(person.PersonId, name, level, db.Clock.Now);
        context.Skills.Add(skill);
        if (confirmedBy is not null)
        {
            context.SkillLevelChanges.Add(skill.Confirm(confirmedBy.PersonId, db.Clock.Now));
        }
        await context.SaveChangesAsync();
        return skill.Id;
    }
}
