using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Authorization;

/// <summary>
/// Every routable page, tried by every kind of person, over real HTTP. A page added without a row here fails
/// <see cref="Every_routable_page_has_a_row"/>, so nobody can ship a page whose access was never decided.
/// </summary>
// The matrix covers every area's pages, so each area's filter runs it.
[Trait("Area", "Requests")]
[Trait("Area", "CheckIns")]
[Trait("Area", "Feedback")]
[Trait("Area", "Dashboard")]
[Trait("Area", "Integrations")]
[Trait("Area", "Security")]
public sealed class AuthorizationMatrixTests(AppFactory app) : IClassFixture<AppFactory>
{
    public enum Who { Anonymous, Member, OtherMember, Leader, OtherLeader, Hr, Admin }

    public enum Outcome { Ok, NotFound, SignIn, Denied }

    private const Outcome O = Outcome.Ok;
    private const Outcome N = Outcome.NotFound;
    private const Outcome S = Outcome.SignIn;
    private const Outcome D = Outcome.Denied;

    // Columns:                                         Anonymous, Member, OtherMember, Leader, OtherLeader, Hr, Admin
    private static readonly (string Template, Outcome[] Expected)[] Rows =
    [
        ("/", [S, O, O, O, O, O, O]),
        ("/requests", [S, O, O, O, O, O, O]),
        ("/requests/new", [S, O, O, O, O, O, O]),
        ("/requests/{Id:int}", [S, O, N, O, N, N, N]),
        ("/inbox", [S, O, O, O, O, O, O]),
        ("/support", [S, O, O, O, O, O, O]),
        ("/support/new", [S, O, O, O, O, O, O]),
        ("/support/received", [S, O, O, O, O, O, O]),
        ("/teams", [S, O, O, O, O, O, O]),
        ("/teams/{Id:int}", [S, O, O, O, O, O, O]),
        ("/admin/people", [S, D, D, D, D, D, O]),
        ("/admin/teams", [S, D, D, D, D, D, O]),
        ("/admin/teams/{Id:int}", [S, D, D, D, D, D, O]),
        ("/account/password", [S, O, O, O, O, O, O]),
        ("/account/password-reset", [S, O, O, O, O, O, O]),
        ("/check-in", [S, O, O, O, O, O, O]),
        ("/check-ins", [S, O, O, O, O, O, O]),
        ("/check-ins/{Id:int}", [S, O, N, O, N, N, N]),
        ("/this-week", [S, O, O, O, O, O, O]),
        ("/one-on-ones", [S, O, O, O, O, O, O]),
        ("/one-on-ones/{Id:int}", [S, O, N, O, N, N, N]),
        ("/hr/check-ins", [S, D, D, D, D, O, D]),
        ("/feedback", [S, O, O, O, O, O, O]),
        ("/feedback/{RoundId:int}/{SubjectId:int}", [S, O, N, O, N, N, N]),
        ("/feedback/results", [S, O, O, O, O, O, O]),
        ("/feedback/privacy", [S, O, O, O, O, O, O]),
        ("/hr/feedback", [S, D, D, D, D, O, D]),
        ("/hr/feedback/{RoundId:int}", [S, D, D, D, D, O, D]),
        ("/hr/instruments", [S, D, D, D, D, O, D]),
        ("/dashboard", [S, O, O, O, O, O, O]),
        ("/teams/{Id:int}/dashboard", [S, N, N, O, N, O, N]),
        ("/hr/overview", [S, D, D, D, D, O, D]),
        ("/notifications", [S, O, O, O, O, O, O]),
        ("/api-tokens", [S, O, O, O, O, O, O]),
        ("/admin/webhooks", [S, D, D, D, D, D, O]),
        ("/admin/audit", [S, D, D, D, D, D, O]),
        ("/org-chart/import", [S, D, D, D, D, O, O]),
        ("/account/login", [O, O, O, O, O, O, O]),
        ("/account/access-denied", [O, O, O, O, O, O, O]),
        ("/not-found", [O, O, O, O, O, O, O]),
        ("/error", [O, O, O, O, O, O, O]),
    ];

    public static TheoryData<string, Who> Cases()
    {
        var data = new TheoryData<string, Who>();
        foreach (var (template, _) in Rows)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                data.Add(template, who);
            }
        }
        return data;
    }

    [Fact]
    public void Every_routable_page_has_a_row()
    {
        var routes = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(routes.Order(StringComparer.Ordinal), Rows.Select(r => r.Template).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_person_gets_exactly_what_the_rules_allow(string template, Who who)
    {
        var expected = Rows.Single(r => r.Template == template).Expected[(int)who];
        var path = template.Replace("/teams/{Id:int}/dashboard", $"/teams/{app.Product}/dashboard", StringComparison.Ordinal)
            .Replace("/requests/{Id:int}", $"/requests/{app.MiasRequest}", StringComparison.Ordinal)
            .Replace("/teams/{Id:int}", $"/teams/{app.Product}", StringComparison.Ordinal)
            .Replace("/check-ins/{Id:int}", $"/check-ins/{app.MiasCheckIn}", StringComparison.Ordinal)
            .Replace("/one-on-ones/{Id:int}", $"/one-on-ones/{app.LeaAndMiasOneOnOne}", StringComparison.Ordinal)
            .Replace("/feedback/{RoundId:int}/{SubjectId:int}", $"/feedback/{app.FeedbackRound}/{app.Lea.PersonId}", StringComparison.Ordinal)
            .Replace("/hr/feedback/{RoundId:int}", $"/hr/feedback/{app.FeedbackRound}", StringComparison.Ordinal);
        var client = who switch
        {
            Who.Anonymous => app.Anonymous(),
            Who.Member => await app.SignedInAsync("Mia"),
            Who.OtherMember => await app.SignedInAsync("Pia"),
            Who.Leader => await app.SignedInAsync("Lea"),
            Who.OtherLeader => await app.SignedInAsync("Otto"),
            Who.Hr => await app.SignedInAsync("Hr"),
            _ => await app.SignedInAsync("Admin"),
        };

        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        switch (expected)
        {
            case Outcome.Ok:
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                break;
            case Outcome.NotFound:
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                Assert.Contains(NotFoundText, body, StringComparison.Ordinal);
                break;
            case Outcome.SignIn:
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("https://localhost/account/login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
                break;
            case Outcome.Denied:
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("https://localhost/account/access-denied", response.Headers.Location?.ToString(), StringComparison.Ordinal);
                break;
        }

        // Whatever the outcome, what a member tells their leader is shown only to the two of them,
        // and a leader's private 1:1 notes only to that leader.
        var maySeeMemberPrivate = who is Who.Member or Who.Leader;
        if (!maySeeMemberPrivate)
        {
            Assert.DoesNotContain(AppFactory.MiasRequestTitle, body, StringComparison.Ordinal);
            Assert.DoesNotContain("Private details only Lea may read.", body, StringComparison.Ordinal);
            Assert.DoesNotContain(AppFactory.MiasBlocker, body, StringComparison.Ordinal);
        }
        if (who != Who.Leader)
        {
            Assert.DoesNotContain(AppFactory.LeasPrivateNote, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_member_and_their_leader_read_the_check_in_and_only_the_leader_reads_the_private_notes()
    {
        var asMia = await (await app.SignedInAsync("Mia")).GetStringAsync($"/check-ins/{app.MiasCheckIn}");
        var asLea = await (await app.SignedInAsync("Lea")).GetStringAsync($"/check-ins/{app.MiasCheckIn}");
        var meetingAsLea = await (await app.SignedInAsync("Lea")).GetStringAsync($"/one-on-ones/{app.LeaAndMiasOneOnOne}");
        var meetingAsMia = await (await app.SignedInAsync("Mia")).GetStringAsync($"/one-on-ones/{app.LeaAndMiasOneOnOne}");

        Assert.Contains(AppFactory.MiasBlocker, asMia, StringComparison.Ordinal);
        Assert.Contains(AppFactory.MiasBlocker, asLea, StringComparison.Ordinal);
        Assert.Contains(AppFactory.LeasPrivateNote, meetingAsLea, StringComparison.Ordinal);
        Assert.Contains("Shared: agreed to pair on Tuesdays.", meetingAsMia, StringComparison.Ordinal);
        Assert.DoesNotContain(AppFactory.LeasPrivateNote, meetingAsMia, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_requester_and_their_leader_see_the_request_in_full()
    {
        foreach (var name in new[] { "Mia", "Lea" })
        {
            var body = await (await app.SignedInAsync(name)).GetStringAsync($"/requests/{app.MiasRequest}");
            Assert.Contains(AppFactory.MiasRequestTitle, body, StringComparison.Ordinal);
            Assert.Contains("Private details only Lea may read.", body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/requests/99999999")]
    [InlineData("/requests/-1")]
    [InlineData("/requests/abc")]
    [InlineData("/requests/99999999999")]
    [InlineData("/teams/0")]
    public async Task Ids_that_do_not_exist_or_are_not_numbers_get_a_404_not_an_error(string path)
    {
        var response = await (await app.SignedInAsync("Mia")).GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(NotFoundText, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private const string NotFoundText = "We couldn&#x27;t find that";
}
