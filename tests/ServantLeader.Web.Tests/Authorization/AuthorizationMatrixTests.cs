using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
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
[Trait("Area", "Growth")]
[Trait("Area", "Integrations")]
[Trait("Area", "Security")]
[Trait("Area", "Growth")]
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
        ("/requests/inbox", [S, O, O, O, O, O, O]),
        ("/support", [S, O, O, O, O, O, O]),
        ("/support/new", [S, O, O, O, O, O, O]),
        ("/support/received", [S, O, O, O, O, O, O]),
        ("/growth/peers", [S, O, O, O, O, O, O]),             // each person sees only their own help and requests
        ("/growth/mentoring", [S, O, O, O, O, O, O]),         // each person sees only the pairs they are in
        ("/teams", [S, O, O, O, O, O, O]),
        ("/teams/{Id:int}", [S, O, O, O, O, O, O]),
        ("/people", [S, D, D, D, D, D, O]),
        ("/teams/manage", [S, D, D, D, D, D, O]),
        ("/teams/{Id:int}/manage", [S, D, D, D, D, D, O]),
        ("/account/password", [S, O, O, O, O, O, O]),
        ("/account/password-reset", [S, O, O, O, O, O, O]),
        ("/check-ins/new", [S, O, O, O, O, O, O]),
        ("/check-ins", [S, O, O, O, O, O, O]),
        ("/check-ins/{Id:int}", [S, O, N, O, N, N, N]),
        ("/check-ins/this-week", [S, O, O, O, O, O, O]),
        ("/one-on-ones", [S, O, O, O, O, O, O]),
        ("/one-on-ones/{Id:int}", [S, O, N, O, N, N, N]),
        ("/growth", [S, O, O, O, O, O, O]),
        ("/growth/people/{PersonId:int}", [S, O, N, O, N, N, N]),
        ("/growth/skills", [S, O, O, O, O, O, O]),
        ("/check-ins/participation", [S, D, D, D, D, O, D]),
        ("/feedback", [S, O, O, O, O, O, O]),
        ("/feedback/{RoundId:int}/{SubjectId:int}", [S, O, N, O, N, N, N]),
        ("/feedback/results", [S, O, O, O, O, O, O]),
        ("/feedback/privacy", [S, O, O, O, O, O, O]),
        ("/feedback/rounds", [S, D, D, D, D, O, D]),
        ("/feedback/rounds/{RoundId:int}", [S, D, D, D, D, O, D]),
        ("/feedback/instruments", [S, D, D, D, D, O, D]),
        ("/dashboard", [S, O, O, O, O, O, O]),
        ("/dashboard/teams/{Id:int}", [S, N, N, O, N, O, N]),
        ("/dashboard/overview", [S, D, D, D, D, O, D]),
        ("/growth/picture", [S, O, O, O, O, O, O]),
        ("/notifications", [S, O, O, O, O, O, O]),
        ("/api-tokens", [S, O, O, O, O, O, O]),
        ("/webhooks", [S, D, D, D, D, D, O]),
        ("/audit", [S, D, D, D, D, D, O]),
        ("/people/import", [S, D, D, D, D, O, O]),
        ("/account/login", [O, O, O, O, O, O, O]),
        ("/account/access-denied", [O, O, O, O, O, O, O]),
        ("/not-found", [O, O, O, O, O, O, O]),
        ("/error", [O, O, O, O, O, O, O]),
    ];

    /// <summary>
    /// The addresses pages had before they were grouped by feature (issue 14), each beside the page's address now.
    /// They stay routable so bookmarks, browser history and links already sent in chat keep working.
    /// </summary>
    private static readonly (string Old, string Now)[] OldAddresses =
    [
        ("/inbox", "/requests/inbox"),
        ("/this-week", "/check-ins/this-week"),
        ("/check-in", "/check-ins/new"),
        ("/hr/check-ins", "/check-ins/participation"),
        ("/hr/overview", "/dashboard/overview"),
        ("/teams/{Id:int}/dashboard", "/dashboard/teams/{Id:int}"),
        ("/hr/feedback", "/feedback/rounds"),
        ("/hr/feedback/{RoundId:int}", "/feedback/rounds/{RoundId:int}"),
        ("/hr/instruments", "/feedback/instruments"),
        ("/admin/webhooks", "/webhooks"),
        ("/admin/audit", "/audit"),
        ("/admin/people", "/people"),
        ("/org-chart/import", "/people/import"),
        ("/admin/teams", "/teams/manage"),
        ("/admin/teams/{Id:int}", "/teams/{Id:int}/manage"),
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

        Assert.Equal(routes.Order(StringComparer.Ordinal),
            Rows.Select(r => r.Template).Concat(OldAddresses.Select(a => a.Old)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_person_gets_exactly_what_the_rules_allow(string template, Who who)
    {
        var expected = Rows.Single(r => r.Template == template).Expected[(int)who];
        var path = Concrete(template);
        var client = await ClientAsync(who);

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

    [Fact]
    public void Each_old_address_is_a_second_route_of_the_page_that_has_the_new_one()
    {
        var pageOf = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (r.Template, Page: t)))
            .ToDictionary(r => r.Template, r => r.Page, StringComparer.Ordinal);

        Assert.All(OldAddresses, a => Assert.Equal(pageOf[a.Now], pageOf[a.Old]));
    }

    public static TheoryData<string, Who> OldAddressCases()
    {
        var data = new TheoryData<string, Who>();
        foreach (var (old, _) in OldAddresses)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                data.Add(old, who);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(OldAddressCases))]
    public async Task Each_old_address_reaches_the_same_page_and_refuses_the_same_people(string old, Who who)
    {
        var now = OldAddresses.Single(a => a.Old == old).Now;
        var client = await ClientAsync(who);

        var before = await client.GetAsync(Concrete(old));
        var after = await client.GetAsync(Concrete(now));

        Assert.Equal(after.StatusCode, before.StatusCode);
        if (after.StatusCode == HttpStatusCode.Redirect)
        {
            // Sent to the same place (sign-in or access denied); only the return address differs.
            Assert.Equal(after.Headers.Location?.GetLeftPart(UriPartial.Path), before.Headers.Location?.GetLeftPart(UriPartial.Path));
            return;
        }
        var beforeBody = await before.Content.ReadAsStringAsync();
        var afterBody = await after.Content.ReadAsStringAsync();
        // The same page: its title and main heading (the rest carries per-response tokens and nonces).
        Assert.Equal(PageTitle(afterBody), PageTitle(beforeBody));
        Assert.Equal(MainHeading(afterBody), MainHeading(beforeBody));
        Assert.NotEqual("", PageTitle(afterBody));
    }

    /// <summary>A template with its route values filled in from the test organisation.</summary>
    private string Concrete(string template) => template
        .Replace("/feedback/{RoundId:int}/{SubjectId:int}", $"/feedback/{app.FeedbackRound}/{app.Lea.PersonId}", StringComparison.Ordinal)
        .Replace("{RoundId:int}", $"{app.FeedbackRound}", StringComparison.Ordinal)
        .Replace("/requests/{Id:int}", $"/requests/{app.MiasRequest}", StringComparison.Ordinal)
        .Replace("/teams/{Id:int}", $"/teams/{app.Product}", StringComparison.Ordinal)
        .Replace("/check-ins/{Id:int}", $"/check-ins/{app.MiasCheckIn}", StringComparison.Ordinal)
        .Replace("/one-on-ones/{Id:int}", $"/one-on-ones/{app.LeaAndMiasOneOnOne}", StringComparison.Ordinal)
        .Replace("/growth/people/{PersonId:int}", $"/growth/people/{app.Mia.PersonId}", StringComparison.Ordinal);

    private async Task<HttpClient> ClientAsync(Who who) => who switch
    {
        Who.Anonymous => app.Anonymous(),
        Who.Member => await app.SignedInAsync("Mia"),
        Who.OtherMember => await app.SignedInAsync("Pia"),
        Who.Leader => await app.SignedInAsync("Lea"),
        Who.OtherLeader => await app.SignedInAsync("Otto"),
        Who.Hr => await app.SignedInAsync("Hr"),
        _ => await app.SignedInAsync("Admin"),
    };

    private static string PageTitle(string html) => Regex.Match(html, "<title>(.*?)</title>", RegexOptions.Singleline).Groups[1].Value;

    private static string MainHeading(string html) => Regex.Match(html, "<h1[^>]*>(.*?)</h1>", RegexOptions.Singleline).Groups[1].Value;

    private const string NotFoundText = "We couldn&#x27;t find that";
}
