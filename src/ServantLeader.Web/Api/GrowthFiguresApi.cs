using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ServantLeader.Domain.Dashboard;
using ServantLeader.Web.Identity;

namespace ServantLeader.Web.Api;

/// <summary>
/// A growth figure as the API returns it: no value when withheld. A share of the team's members (plans kept alive,
/// servants grown) carries its members (<paramref name="Count"/>) and its 95 % Wilson interval.
/// </summary>
public sealed record ApiGrowthFigure(GrowthMeasure Measure, string Name, MeasureUnit Unit, double? Value, bool Withheld,
    double? OrganisationMedian, int WithheldWeeks, int? Count = null, string? CountOf = null, double? IntervalLow = null, double? IntervalHigh = null);

/// <summary>
/// A team's growth figures. <see cref="LastGrowthConversations"/> is null for HR: HR never sees anything per member.
/// </summary>
public sealed record ApiGrowthDashboard(int TeamId, string TeamName, int Members, DateOnly From, DateOnly To,
    IReadOnlyList<ApiGrowthFigure> Figures, IReadOnlyDictionary<GrowthMeasure, IReadOnlyList<ApiWeek>> Weeks,
    IReadOnlyList<GrowthConversation>? LastGrowthConversations);

/// <summary><c>GET /api/v1/dashboards/{teamId}/growth</c>: the growth section of a team's dashboard, as on the page.</summary>
internal static class GrowthFiguresApi
{
    /// <summary>The bounds of <see cref="DashboardPeriod.PresetWeeks"/>, as constants for the parameter's range.</summary>
    private const int FewestWeeks = 4, MostWeeks = 52;

    public static RouteGroupBuilder MapGrowthFiguresApi(this RouteGroupBuilder api)
    {
        api.MapGet("/dashboards/{teamId:int}/growth", GrowthAsync).WithTags("Dashboard").OfOne().WithQuery()
            .Describe("getTeamGrowthFigures",
                "A team's growth figures for the last 4, 12, 26 or 52 weeks (?weeks=) or a custom range (?from=&to=, yyyy-MM-dd).",
                "For the team's leaders: every figure, week by week, with the organisation median, and each member's last growth "
                + "conversation. HR (not leading the team) gets whole weeks that are over (400 otherwise), figures from fewer than 3 "
                + "people withheld, and nothing per member. 404 for anyone else.");
        return api;
    }

    private static async Task<Results<Ok<ApiGrowthDashboard>, ValidationProblem>> GrowthAsync(int teamId, ClaimsPrincipal user,
        DashboardService dashboards, GrowthFiguresService growth, CancellationToken ct,
        [FromQuery, Range(FewestWeeks, MostWeeks)] int? weeks, [FromQuery] string? from, [FromQuery] string? to)
    {
        var query = PeriodQuery.Resolve(dashboards, weeks, from, to);
        if (query.Errors.Count > 0)
        {
            return TypedResults.ValidationProblem(query.Errors.ToDictionary(e => e.Key, e => e.Value), title: "The period is not valid.");
        }
        if (weeks is { } w && !DashboardPeriod.PresetWeeks.Contains(w))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["weeks"] = ["Choose 4, 12, 26 or 52 weeks."] });
        }
        var actor = PersonClaims.ActorFrom(user) ?? throw new InvalidOperationException("The API policy admits only people.");
        var d = await growth.TeamAsync(actor, teamId, query.Period, ct);
        return TypedResults.Ok(new ApiGrowthDashboard(d.TeamId, d.TeamName, d.Members, d.Period.From, d.Period.To,
            d.Figures.Select(f => new ApiGrowthFigure(f.Measure, f.Definition.Name, f.Definition.Unit, f.Withheld ? null : f.Value, f.Withheld,
                d.OrganisationMedians.GetValueOrDefault(f.Measure), f.WithheldWeeks, f.Count, f.Count is null ? null : "members",
                f.Interval?.Low, f.Interval?.High)).ToList(),
            d.Trends.ToDictionary(t => t.Key, t => (IReadOnlyList<ApiWeek>)t.Value
                .Select(p => new ApiWeek(p.WeekStart, p.Withheld ? null : p.Value, p.Withheld)).ToList()),
            d.Conversations));
    }
}
