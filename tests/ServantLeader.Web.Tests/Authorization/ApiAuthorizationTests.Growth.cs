using System.Globalization;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Growth;
using ServantLeader.Web.Tests.Growth;

namespace ServantLeader.Web.Tests.Authorization;

public sealed partial class ApiAuthorizationTests
{
    /// <summary>The growth routes' address and body: each change acts on a fresh goal or skill of Mia's, in the state it needs.</summary>
    private async Task<(string Path, object? Body)> PrepareGrowthAsync(string method, string route, Actor actor)
    {
        string At(int id) => route.Replace("{id:int}", id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        switch (method, route)
        {
            case ("PUT", "/api/v1/growth/plan"):
                return (route, new { ambition = "Grow", strengths = "Listening", expectedVersion = await app.PlanVersionAsync(actor) });
            case ("POST", "/api/v1/growth/goals"):
                return (route, new { what = "A goal of my own" });
            case ("POST", "/api/v1/growth/skills"):
                return (route, new { name = "Skill " + Guid.NewGuid().ToString("N")[..8], level = "Learning" });
            case ("GET", "/api/v1/growth/people/{personId:int}/plan"):
                return (route.Replace("{personId:int}", app.Mia.PersonId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), null);
        }
        if (route.StartsWith("/api/v1/growth/goals/", StringComparison.Ordinal))
        {
            var achieved = route.EndsWith("/resume", StringComparison.Ordinal) || route.EndsWith("/make-public", StringComparison.Ordinal);
            var (id, version) = await app.MiasGoalAsync(achieved ? GoalState.Achieved : GoalState.Active);
            object body = route switch
            {
                _ when method == "PUT" => new { what = "Run two retros", expectedVersion = version },
                _ when route.EndsWith("/set-aside", StringComparison.Ordinal) => new { learned = "Retros need a facilitator", expectedVersion = version },
                _ when route.EndsWith("/make-public", StringComparison.Ordinal) => new { teamId = app.Product, expectedVersion = version },
                _ => new { expectedVersion = version },
            };
            return (At(id), body);
        }
        if (route.StartsWith("/api/v1/growth/skills/", StringComparison.Ordinal))
        {
            var (id, version) = await app.MiasSkillAsync();
            return (At(id), method switch
            {
                "PUT" => new { level = "CanTeach", expectedVersion = version },
                "DELETE" => null,
                _ => new { expectedVersion = version },
            });
        }
        return (route, null);
    }
}
