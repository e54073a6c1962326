using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Dashboard;
using ServantLeader.Domain.Notifications;
using ServantLeader.Domain.People;
using ServantLeader.Domain.Requests;
using ServantLeader.Domain.Support;
using ServantLeader.Web.Identity;

namespace ServantLeader.Web.Api;

/// <summary>
/// <c>/api/v1</c>: thin adapters over the same domain services the pages call, with the same checks against the
/// resource. Each handler only turns HTTP into a service call and back.
/// </summary>
internal static class ApiEndpoints
{
    /// <summary>As on the dashboard page: a member with no support for this many weeks is flagged.</summary>
    private const int QuietWeeks = DashboardService.DefaultQuietWeeks;

    /// <summary>The bounds of <see cref="DashboardPeriod.PresetWeeks"/>, as constants for the parameter's range.</summary>
    private const int FewestWeeks = 4, MostWeeks = 52;

    /// <summary>
    /// The largest body any route accepts. The longest command (a request: a title and 4,000 characters of details
    /// stored as at most 32,000 code points of up to 4 bytes, JSON-escaped) fits well below it; anything larger is
    /// refused before it is read, instead of being parsed into memory only to be refused by the text rules.
    /// </summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>The API and its OpenAPI document: the one place both are mapped.</summary>
    public static IEndpointRouteBuilder MapServantLeaderApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(ApiDocument.Route).AllowAnonymous();

        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(Policies.Api)
            .AddEndpointFilter<ApiProblems>()
            .EnforceRanges()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapGet("/me", MeAsync).WithTags("People")
            .Describe("getMe", "Who the token speaks for.",
                "The token's owner: name, email, roles, and whether they lead or belong to a team.");

        var requests = api.MapGroup("/requests").WithTags("Requests");
        requests.MapGet("", (ClaimsPrincipal user, RequestService service, CancellationToken ct) =>
            service.MineAsync(Actor(user), ct))
            .Describe("listMyRequests", "Your own requests for help, newest first.", "Every request you asked, with its status and version.");
        requests.MapGet("/inbox", (ClaimsPrincipal user, RequestService service, CancellationToken ct) =>
            service.InboxAsync(Actor(user), ct))
            .Describe("listRequestInbox", "Open requests from the members of the teams you lead.",
                "Open and acknowledged requests, oldest first. Empty for someone who leads no team.");
        requests.MapGet("/{id:int}", (int id, ClaimsPrincipal user, RequestService service, CancellationToken ct) =>
            service.GetAsync(Actor(user), id, ct)).OfOne()
            .Describe("getRequest", "One request, if you asked it or lead its team.",
                "The request with its history and the support logged for it. 404 if it does not exist or you may not see it.");
        requests.MapPost("", (AskForHelp body, ClaimsPrincipal user, RequestService service, CancellationToken ct) =>
            Created("/api/v1/requests", service.AskAsync(Actor(user), body, ct))).Change()
            .Describe("askForHelp", "Ask your team's leaders for help.",
                "Creates a request to the leaders of a team you are a member of; 201 with its id and address.");
        requests.MapPost("/{id:int}/acknowledge", (int id, RequestResponse body, ClaimsPrincipal user, RequestService service, CancellationToken ct) =>
            Respond(service.AcknowledgeAsync(Actor(user), Command(id, body), ct))).Change().Guarded()
            .Describe("acknowledgeRequest", "Leaders: acknowledge a request.",
                "Tells the requester you have seen it, with an optional note. Send the version you read as expectedVersion.");
        requests.MapPost("/{id:int}/resolve", (int id, RequestResponse body, ClaimsPrincipal user, RequestService service, CancellationToken ct) =>
            Respond(service.ResolveAsync(Actor(user), Command(id, body), ct))).Change().Guarded()
            .Describe("resolveRequest", "Leaders: mark a request resolved.",
                "The requester then confirms it or reopens it. Send the version you read as expectedVersion.");
        requests.MapPost("/{id:int}/decline", (int id, RequestResponse body, ClaimsPrincipal user, RequestService service, CancellationToken ct) =>
            Respond(service.DeclineAsync(Actor(user), Command(id, body), ct))).Change().Guarded()
            .Describe("declineRequest", "Leaders: decline a request, with a reason.",
                "The note is the reason and is required. Send the version you read as expectedVersion.");
        requests.MapPost("/{id:int}/reopen", (int id, RequestResponse body, ClaimsPrincipal user, RequestService service, CancellationToken ct) =>
            Respond(service.ReopenAsync(Actor(user), Command(id, body), ct))).Change().Guarded()
            .Describe("reopenRequest", "The requester: reopen, with a reason.",
                "For a resolved or declined request; the note is the reason and is required.");
        requests.MapPost("/{id:int}/confirm", (int id, RequestConfirmation body, ClaimsPrincipal user, RequestService service, CancellationToken ct) =>
            Respond(service.ConfirmAsync(Actor(user), new ConfirmRequest
            {
                RequestId = id, ExpectedVersion = body.ExpectedVersion, Rating = body.Rating, Comment = body.Comment ?? "",
            }, ct))).Change().Guarded()
            .Describe("confirmRequest", "The requester: confirm it is resolved and rate it 1–5.",
                "Closes a resolved request with a rating from 1 to 5 and an optional comment.");

        var support = api.MapGroup("/support").WithTags("Support");
        support.MapGet("", (ClaimsPrincipal user, SupportService service, CancellationToken ct, int? memberId,
                SupportCategory? category, DateOnly? from, DateOnly? to,
                [Range(0, int.MaxValue)] int skip = 0, [Range(1, SupportLogFilter.MaxTake)] int take = 25) =>
            service.LogAsync(Actor(user), new SupportLogFilter(memberId, category, from, to, skip, take), ct)).WithQuery()
            .Describe("listSupportGiven", "Support you gave as a leader, filtered and paged (take at most 200).",
                "Filter by member, kind and dates (yyyy-MM-dd); skip and take page through the rows, newest first. "
                + "The totals count every row that matches.");
        support.MapGet("/received", (ClaimsPrincipal user, SupportService service, CancellationToken ct) =>
            service.ReceivedAsync(Actor(user), ct))
            .Describe("listSupportReceived", "Support you received; a leader's private notes are left out.",
                "Every entry a leader logged for you, newest first.");
        support.MapPost("", (LogSupport body, ClaimsPrincipal user, SupportService service, CancellationToken ct) =>
            Created("/api/v1/support", service.LogAsync(Actor(user), body, ct))).Change()
            .Describe("logSupport", "Log support you gave a member of a team you lead, asked for or not.",
                "Link it to the member's request with requestId when it answers one; 201 with its id.");

        var checkIns = api.MapGroup("/check-ins").WithTags("Check-ins");
        checkIns.MapGet("", (ClaimsPrincipal user, CheckInWriting service, CancellationToken ct) =>
            service.MineAsync(Actor(user), ct))
            .Describe("listMyCheckIns", "Your own check-ins.", "Every check-in you wrote, newest period first.");
        checkIns.MapGet("/this-week", (ClaimsPrincipal user, CheckInReview service, CancellationToken ct) =>
            service.ThisWeekAsync(Actor(user), ct))
            .Describe("listThisWeeksCheckIns", "Leaders: each member's check-in status for the open period.",
                "Status only; the answers are read through the check-in itself. Empty for someone who leads no team.");
        checkIns.MapGet("/{id:int}", (int id, ClaimsPrincipal user, CheckInReview service, CancellationToken ct) =>
            service.GetAsync(Actor(user), id, ct)).OfOne()
            .Describe("getCheckIn", "One check-in, if it is yours or you lead its team.",
                "The answers with their comments. 404 if it does not exist or you may not see it.");
        checkIns.MapPost("", (CheckInAnswers body, ClaimsPrincipal user, CheckInWriting service, CancellationToken ct) =>
            Created("/api/v1/check-ins", service.SubmitAsync(Actor(user), body, ct))).Change().Versioned()
            .Describe("submitCheckIn", "Submit the open period's check-in for a team (or change it until it is reviewed).",
                "Changing a submitted check-in needs the version you read as expectedVersion; 201 with its id.");

        var dashboards = api.MapGroup("/dashboards").WithTags("Dashboard");
        dashboards.MapGet("", (ClaimsPrincipal user, DashboardService service, CancellationToken ct) =>
            service.TeamsAsync(Actor(user), ct))
            .Describe("listDashboards", "The teams whose dashboard you may read.", "The teams you lead; every team for HR.");
        dashboards.MapGet("/{teamId:int}", DashboardAsync).OfOne().WithQuery()
            .Describe("getTeamDashboard",
                "A team's figures for the last 4, 12, 26 or 52 weeks (?weeks=) or a custom range (?from=&to=, yyyy-MM-dd).",
                "HR (not leading the team) gets whole weeks that are over: the last N whole weeks, or a custom range from a "
                + "Monday to a Sunday (400 otherwise). Figures from fewer than 3 people are withheld, as on the page.");
        api.MapGrowthFiguresApi();

        api.MapGet("/notifications", (ClaimsPrincipal user, NotificationFeed feed, CancellationToken ct, bool unread = false) =>
            feed.ListAsync(Actor(user), unread, ct)).WithTags("Notifications").WithQuery()
            .Describe("listNotifications", "Your newest notifications and the unread count.",
                "The newest 50; ?unread=true for the unread ones only.");

        api.MapGrowthApi();

        // An unknown address under /api answers with a problem, not with the app's HTML page.
        app.MapFallback("/api/{**rest}", () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such API endpoint."))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    internal static Actor Actor(ClaimsPrincipal user) =>
        PersonClaims.ActorFrom(user) ?? throw new InvalidOperationException("The API policy admits only people.");

    private static RespondToRequest Command(int id, RequestResponse body) =>
        new() { RequestId = id, ExpectedVersion = body.ExpectedVersion, Note = body.Note ?? "" };

    internal static async Task<NoContent> Respond(Task change)
    {
        await change;
        return TypedResults.NoContent();
    }

    private static async Task<Me> MeAsync(ClaimsPrincipal user, PeopleService people, CancellationToken ct)
    {
        var actor = Actor(user);
        var profile = await people.ProfileAsync(actor.PersonId, ct) ?? throw new NotFoundException();
        return new Me(profile.Id, profile.DisplayName, profile.Email, actor.IsHr, actor.IsAdmin, profile.LeadsATeam, profile.IsMemberOfATeam);
    }

    internal static async Task<Created<CreatedId>> Created(string collection, Task<int> create)
    {
        var id = await create;
        return TypedResults.Created($"{collection}/{id}", new CreatedId(id));
    }

    private static async Task<Results<Ok<ApiDashboard>, ValidationProblem>> DashboardAsync(int teamId, ClaimsPrincipal user,
        DashboardService service, CancellationToken ct, [FromQuery, Range(FewestWeeks, MostWeeks)] int? weeks, [FromQuery] string? from, [FromQuery] string? to)
    {
        var query = PeriodQuery.Resolve(service, weeks, from, to);
        if (query.Errors.Count > 0)
        {
            return TypedResults.ValidationProblem(query.Errors.ToDictionary(e => e.Key, e => e.Value), title: "The period is not valid.");
        }
        if (weeks is { } w && !DashboardPeriod.PresetWeeks.Contains(w))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["weeks"] = ["Choose 4, 12, 26 or 52 weeks."] });
        }
        var d = await service.TeamAsync(Actor(user), teamId, query.Period, QuietWeeks, ct);
        // The same medians, for the same period, as the team's page shows beside each figure.
        var medians = await service.OrganisationMediansAsync(Actor(user), query.Period, ct);
        return TypedResults.Ok(new ApiDashboard(d.TeamId, d.TeamName, d.Members, d.Period.From, d.Period.To,
            d.Figures.Select(f => ApiFigureOf(f, medians.GetValueOrDefault(f.Measure))).ToList(),
            d.Trends.ToDictionary(t => t.Key, t => (IReadOnlyList<ApiWeek>)t.Value
                .Select(p => new ApiWeek(p.WeekStart, p.Withheld ? null : p.Value, p.Withheld, p.Withheld ? null : p.Count)).ToList()),
            d.Categories.Select(c => c.Withheld ? new ApiSupportKind(c.Category, null, null, true) : new ApiSupportKind(c.Category, c.Entries, c.Hours, false)).ToList(),
            d.Flags, d.MemberCoverage)
        {
            SupportSpread = d.SupportSpread, OneOnOneGaps = d.OneOnOneGaps,
        });
    }

    /// <summary>A withheld figure carries no value, no count and no interval: null, never zero.</summary>
    private static ApiFigure ApiFigureOf(Figure f, double? median) => f.Withheld
        ? new ApiFigure(f.Measure, f.Definition.Name, f.Definition.Unit, null, true, median, f.WithheldWeeks)
        : new ApiFigure(f.Measure, f.Definition.Name, f.Definition.Unit, f.Value, false, median, f.WithheldWeeks,
            f.Count, FigureUncertainty.NounOf(f.Definition)?.Many is { Length: > 0 } noun ? noun : null, f.Interval?.Low, f.Interval?.High);
}
