using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Requests;
using ServantLeader.Domain.Support;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Authorization;

/// <summary>
/// Every API route, called with the personal token of every kind of person, over real HTTP. A route added without a
/// row fails <see cref="Every_api_route_has_a_row"/>. The answers must match the pages: what you may not see is 404,
/// what you may see but not do is 403.
/// </summary>
[Trait("Area", "Integrations")]
public sealed partial class ApiAuthorizationTests(AppFactory app) : IClassFixture<AppFactory>
{
    public enum Who { NoToken, Member, OtherMember, Leader, OtherLeader, Hr, Admin }

    // Columns:                                                  NoToken, Member, OtherMember, Leader, OtherLeader, Hr, Admin
    internal static readonly (string Method, string Route, int[] Expected)[] Rows =
    [
        ("GET", "/api/v1/me", [401, 200, 200, 200, 200, 200, 200]),
        ("GET", "/api/v1/requests", [401, 200, 200, 200, 200, 200, 200]),
        ("GET", "/api/v1/requests/inbox", [401, 200, 200, 200, 200, 200, 200]),
        ("GET", "/api/v1/requests/{id:int}", [401, 200, 404, 200, 404, 404, 404]),
        ("POST", "/api/v1/requests", [401, 201, 400, 400, 400, 400, 400]),
        ("POST", "/api/v1/requests/{id:int}/acknowledge", [401, 403, 404, 204, 404, 404, 404]),
        ("POST", "/api/v1/requests/{id:int}/resolve", [401, 403, 404, 204, 404, 404, 404]),
        ("POST", "/api/v1/requests/{id:int}/decline", [401, 403, 404, 204, 404, 404, 404]),
        ("POST", "/api/v1/requests/{id:int}/reopen", [401, 204, 404, 403, 404, 404, 404]),
        ("POST", "/api/v1/requests/{id:int}/confirm", [401, 204, 404, 403, 404, 404, 404]),
        ("GET", "/api/v1/support", [401, 200, 200, 200, 200, 200, 200]),
        ("GET", "/api/v1/support/received", [401, 200, 200, 200, 200, 200, 200]),
        ("POST", "/api/v1/support", [401, 400, 400, 201, 400, 400, 400]),
        ("GET", "/api/v1/check-ins", [401, 200, 200, 200, 200, 200, 200]),
        ("GET", "/api/v1/check-ins/this-week", [401, 200, 200, 200, 200, 200, 200]),
        ("GET", "/api/v1/check-ins/{id:int}", [401, 200, 404, 200, 404, 404, 404]),
        ("POST", "/api/v1/check-ins", [401, 201, 400, 400, 400, 400, 400]),
        ("GET", "/api/v1/dashboards", [401, 200, 200, 200, 200, 200, 200]),
        ("GET", "/api/v1/dashboards/{teamId:int}", [401, 404, 404, 200, 404, 200, 404]),
        ("GET", "/api/v1/dashboards/{teamId:int}/growth", [401, 404, 404, 200, 404, 200, 404]),
        ("GET", "/api/v1/notifications", [401, 200, 200, 200, 200, 200, 200]),
        ("GET", "/api/v1/growth/plan", [401, 200, 200, 200, 200, 200, 200]),
        ("PUT", "/api/v1/growth/plan", [401, 204, 204, 204, 204, 204, 204]),
        ("POST", "/api/v1/growth/goals", [401, 201, 201, 201, 201, 201, 201]),
        ("PUT", "/api/v1/growth/goals/{id:int}", [401, 204, 404, 403, 404, 404, 404]),
        ("POST", "/api/v1/growth/goals/{id:int}/achieve", [401, 204, 404, 403, 404, 404, 404]),
        ("POST", "/api/v1/growth/goals/{id:int}/set-aside", [401, 204, 404, 403, 404, 404, 404]),
        ("POST", "/api/v1/growth/goals/{id:int}/resume", [401, 204, 404, 403, 404, 404, 404]),
        ("POST", "/api/v1/growth/goals/{id:int}/make-public", [401, 204, 404, 403, 404, 404, 404]),
        ("GET", "/api/v1/growth/skills", [401, 200, 200, 200, 200, 200, 200]),
        ("POST", "/api/v1/growth/skills", [401, 201, 201, 201, 201, 201, 201]),
        ("PUT", "/api/v1/growth/skills/{id:int}", [401, 204, 404, 403, 404, 404, 404]),
        ("DELETE", "/api/v1/growth/skills/{id:int}", [401, 204, 404, 403, 404, 404, 404]),
        ("POST", "/api/v1/growth/skills/{id:int}/confirm", [401, 403, 404, 204, 404, 404, 404]),
        ("GET", "/api/v1/growth/people/{personId:int}/plan", [401, 200, 404, 200, 404, 404, 404]),
    ];

    public static TheoryData<string, string, Who> Cases()
    {
        var data = new TheoryData<string, string, Who>();
        foreach (var (method, route, _) in Rows)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                data.Add(method, route, who);
            }
        }
        return data;
    }

    [Fact]
    public void Every_api_route_has_a_row()
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(routes, Rows.Select(r => $"{r.Method} {r.Route}").Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_token_gets_exactly_what_its_owner_may(string method, string route, Who who)
    {
        var expected = Rows.Single(r => r.Method == method && r.Route == route).Expected[(int)who];
        var actor = who switch
        {
            Who.Member or Who.NoToken => app.Mia,
            Who.OtherMember => app.Pia,
            Who.Leader => app.Lea,
            Who.OtherLeader => app.Otto,
            Who.Hr => app.Hr,
            _ => app.Admin,
        };
        var client = who == Who.NoToken ? app.Anonymous() : await app.ApiClientAsync(actor);

        var (path, body) = route.StartsWith("/api/v1/growth/", StringComparison.Ordinal)
            ? await PrepareGrowthAsync(method, route, actor)
            : await PrepareAsync(method, route);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(expected == (int)response.StatusCode, $"{method} {path} as {who}: expected {expected}, got {(int)response.StatusCode} {text}");
        if (expected >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        // Whatever the answer, a member's words reach only her and her leader.
        if (who is not (Who.Member or Who.Leader))
        {
            Assert.DoesNotContain(AppFactory.MiasRequestTitle, text, StringComparison.Ordinal);
            Assert.DoesNotContain(AppFactory.MiasBlocker, text, StringComparison.Ordinal);
        }
    }

    /// <summary>The address and body for one case. Changes act on a fresh request of Mia's, in the state they need.</summary>
    private async Task<(string Path, object? Body)> PrepareAsync(string method, string route)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        switch (route)
        {
            case "/api/v1/requests/{id:int}":
                return ($"/api/v1/requests/{app.MiasRequest}", null);
            case "/api/v1/check-ins/{id:int}":
                return ($"/api/v1/check-ins/{app.MiasCheckIn}", null);
            case "/api/v1/dashboards/{teamId:int}":
                return ($"/api/v1/dashboards/{app.Product}?weeks=12", null);
            case "/api/v1/dashboards/{teamId:int}/growth":
                return ($"/api/v1/dashboards/{app.Product}/growth?weeks=12", null);
            case "/api/v1/requests":
                return (route, method == "GET" ? null : new { teamId = app.Product, category = "Coaching", title = "Help via the API", details = "Details.", urgency = "Normal" });
            case "/api/v1/support":
                return (route, method == "GET" ? null : new { memberId = app.Mia.PersonId, teamId = app.Product, category = "Coaching", minutes = 30, date = today, note = "Paired on the deploy." });
            case "/api/v1/check-ins" when method == "POST":
                // Mia's check-in for this period exists; a change names the version it was read at, as the form does.
                await using (var checkIns = app.Services.CreateAsyncScope())
                {
                    var view = await checkIns.ServiceProvider.GetRequiredService<ServantLeader.Domain.CheckIns.CheckInReview>()
                        .GetAsync(app.Mia, app.MiasCheckIn, CancellationToken.None);
                    return (route, new { teamId = app.Product, pulse = 4, wins = "Shipped.", challenges = AppFactory.MiasBlocker, expectedVersion = view.Version });
                }
        }
        if (!route.Contains("{id:int}", StringComparison.Ordinal))
        {
            return (route, null);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var requests = scope.ServiceProvider.GetRequiredService<RequestService>();
        var id = await requests.AskAsync(app.Mia, new AskForHelp
        {
            TeamId = app.Product, Category = SupportCategory.Coaching, Title = "Fresh request", Details = "For one API case.",
        }, CancellationToken.None);
        if (route.EndsWith("/reopen", StringComparison.Ordinal) || route.EndsWith("/confirm", StringComparison.Ordinal))
        {
            await requests.ResolveAsync(app.Lea, new RespondToRequest { RequestId = id, ExpectedVersion = await VersionAsync(id), Note = "Done." },
                CancellationToken.None);
        }
        var version = await VersionAsync(id);
        var path = route.Replace("{id:int}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        object body = route.EndsWith("/confirm", StringComparison.Ordinal)
            ? new { expectedVersion = version, rating = 4 }
            : new { expectedVersion = version, note = "Because." };
        return (path, body);

        async Task<int> VersionAsync(int requestId) =>
            (await requests.GetAsync(app.Lea, requestId, CancellationToken.None)).Version;
    }
}
