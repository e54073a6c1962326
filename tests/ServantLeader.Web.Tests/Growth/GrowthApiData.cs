using Microsoft.Extensions.DependencyInjection;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Growth;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Growth;

/// <summary>Fresh goals and skills of Mia's, in the state an API case needs, made through the domain's own services.</summary>
internal static class GrowthApiData
{
    public static async Task<(int Id, int Version)> MiasGoalAsync(this AppFactory app, GoalState state = GoalState.Active, bool madePublic = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var plans = scope.ServiceProvider.GetRequiredService<GrowthPlans>();
        var ct = CancellationToken.None;
        // Many cases each make a goal; the ones before are set aside so the plan stays under its limit of active goals.
        foreach (var old in (await plans.MineAsync(app.Mia, ct)).Goals.Where(g => g.State == GoalState.Active))
        {
            await plans.SetAsideAsync(app.Mia, old.Id, new SetGoalAside { Learned = "Made room for the next case", ExpectedVersion = old.Version }, ct);
        }
        var id = await plans.AddGoalAsync(app.Mia, new GoalDraft { What = "Run the retro", Why = "Lead with questions", Evidence = "Team asks me to" }, ct);
        if (state == GoalState.Achieved)
        {
            await plans.AchieveAsync(app.Mia, id, 0, ct);
            if (madePublic)
            {
                await plans.MakePublicAsync(app.Mia, id, new MakeGoalPublic { TeamId = app.Product, ExpectedVersion = 1 }, ct);
            }
        }
        var goal = (await plans.MineAsync(app.Mia, ct)).Goals.Single(g => g.Id == id);
        return (id, goal.Version);
    }

    public static async Task<(int Id, int Version)> MiasSkillAsync(this AppFactory app, bool confirmed = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var skills = scope.ServiceProvider.GetRequiredService<Skills>();
        var id = await skills.AddAsync(app.Mia, new AddSkill { Name = "Skill " + Guid.NewGuid().ToString("N")[..8], Level = SkillLevel.Practising },
            CancellationToken.None);
        if (confirmed)
        {
            await skills.ConfirmAsync(app.Lea, id, 0, CancellationToken.None);
        }
        return (id, confirmed ? 1 : 0);
    }

    public static async Task<int> PlanVersionAsync(this AppFactory app, Actor who)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<GrowthPlans>().MineAsync(who, CancellationToken.None)).Version;
    }
}
