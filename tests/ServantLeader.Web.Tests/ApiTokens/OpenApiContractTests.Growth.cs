using System.Globalization;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Growth;
using ServantLeader.Web.Tests.Growth;

namespace ServantLeader.Web.Tests.ApiTokens;

public sealed partial class OpenApiContractTests
{
    private const string GrowthPaths = "/api/v1/growth/";

    private const string Plan = "/api/v1/growth/plan", Goals = "/api/v1/growth/goals", Goal = "/api/v1/growth/goals/{id}",
        Skills = "/api/v1/growth/skills", Skill = "/api/v1/growth/skills/{id}", PersonsPlan = "/api/v1/growth/people/{personId}/plan";

    private static IEnumerable<Case> GrowthCases()
    {
        foreach (var path in new[] { Plan, Skills })
        {
            yield return new("GET", path, 200, Who.Member);
            yield return new("GET", path, 401, Who.NoToken);
        }
        yield return new("GET", PersonsPlan, 200, Who.Leader);
        yield return new("GET", PersonsPlan, 401, Who.NoToken);
        yield return new("GET", PersonsPlan, 404, Who.OtherMember);

        foreach (var c in Writes("PUT", Plan, Who.Member, 204))
        {
            yield return c;
        }
        yield return new("PUT", Plan, 409, Who.Member, Send.Stale);
        foreach (var (method, path) in new[] { ("POST", Goals), ("POST", Skills) })
        {
            foreach (var c in Writes(method, path, Who.Member, 201))
            {
                yield return c;
            }
        }
        string[] goalActions = ["achieve", "set-aside", "resume", "make-public"];
        foreach (var (method, path, owner, other) in goalActions.Select(a => ("POST", $"{Goal}/{a}", Who.Member, Who.Leader))
                     .Append(("PUT", Goal, Who.Member, Who.Leader)).Append(("PUT", Skill, Who.Member, Who.Leader))
                     .Append(("POST", $"{Skill}/confirm", Who.Leader, Who.Member)))
        {
            foreach (var c in Writes(method, path, owner, 204))
            {
                yield return c;
            }
            yield return new(method, path, 403, other);
            yield return new(method, path, 404, Who.OtherMember);
            yield return new(method, path, 409, owner, Send.Stale);
        }
        yield return new("DELETE", Skill, 204, Who.Member);
        yield return new("DELETE", Skill, 401, Who.NoToken);
        yield return new("DELETE", Skill, 403, Who.Leader);
        yield return new("DELETE", Skill, 404, Who.OtherMember);
        yield return new("DELETE", Skill, 429, Who.Member, Send.OverLimit);
    }

    /// <summary>A growth case's request: Mia's plan, or a fresh goal or skill of hers in the state the case needs.</summary>
    private async Task<(string Path, object? Body, Actor? Sender)> PrepareGrowthAsync(Case c)
    {
        var stale = c.Send == Send.Stale;
        var broken = c.Send == Send.BadRules;
        switch (c.Path)
        {
            case PersonsPlan:
                return (PersonsPlan.Replace("{personId}", app.Mia.PersonId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), null, null);
            case Plan when c.Method == "PUT":
                return (c.Path, new { ambition = broken ? "a\u202Eb" : "Lead a team", strengths = "", expectedVersion = stale ? 999 : await app.PlanVersionAsync(app.Mia) }, null);
            case Goals:
                return (c.Path, new { what = broken ? "" : "Give a talk" }, null);
            case Skills when c.Method == "POST":
                return (c.Path, new { name = broken ? "" : "Skill " + Guid.NewGuid().ToString("N")[..8], level = "Practising" }, null);
            case var p when !p.Contains("{id}", StringComparison.Ordinal):
                return (p, null, null);
        }

        int id, version;
        object? body;
        if (c.Path.StartsWith(Skill, StringComparison.Ordinal))
        {
            var confirming = c.Path.EndsWith("/confirm", StringComparison.Ordinal);
            // Confirming a level already confirmed breaks a rule.
            (id, version) = await app.MiasSkillAsync(confirmed: confirming && broken);
            version = stale ? 999 : version;
            body = c.Method switch
            {
                "DELETE" => null,
                "PUT" => new { level = broken ? (object)99 : "CanTeach", expectedVersion = version },
                _ => new { expectedVersion = version },
            };
        }
        else
        {
            var action = c.Path[(Goal.Length)..].TrimStart('/');
            // Resuming and sharing need an achieved goal; each "bad" case is a rule of the action, not of the JSON.
            var state = action is "resume" or "make-public" || (action == "achieve" && broken) ? GoalState.Achieved : GoalState.Active;
            (id, version) = await app.MiasGoalAsync(state, madePublic: action == "resume" && broken);
            version = stale ? 999 : version;
            body = action switch
            {
                "" => new { what = broken ? "" : "Run two retros", expectedVersion = version },
                "set-aside" => new { learned = broken ? " " : "Retros need a facilitator", expectedVersion = version },
                "make-public" => new { teamId = broken ? app.Platform : app.Product, expectedVersion = version },
                _ => new { expectedVersion = version },
            };
        }
        return (c.Path.Replace("{id}", id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), body, null);
    }
}
