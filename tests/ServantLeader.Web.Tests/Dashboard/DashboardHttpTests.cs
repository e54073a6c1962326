using System.Globalization;
using System.Net;
using CsvHelper;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Dashboard;

/// <summary>The dashboard pages and the CSV export over real HTTP, as the leader, HR and everyone else.</summary>
[Trait("Area", "Dashboard")]
public sealed class DashboardHttpTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_leader_sees_every_figure_with_its_definition_and_who_was_served()
    {
        var body = WebUtility.HtmlDecode(await (await app.SignedInAsync("Lea")).GetStringAsync($"/dashboard/teams/{app.Product}?weeks=4"));

        Assert.Contains("Product: service provided", body, StringComparison.Ordinal);
        foreach (var definition in ServantLeader.Domain.Dashboard.Measures.All)
        {
            Assert.Contains(definition.Name, body, StringComparison.Ordinal);
            Assert.Contains(definition.Definition, body, StringComparison.Ordinal);
        }
        Assert.Contains("Who you served", body, StringComparison.Ordinal);
        Assert.Contains("Mia", body, StringComparison.Ordinal);
        // A figure shown as NaN stands alone as a word; the page's random tokens may hold those letters.
        Assert.DoesNotMatch(@"(?<![A-Za-z0-9+/_=-])NaN(?![A-Za-z0-9+/_=-])", body);
        Assert.DoesNotContain(AppFactory.MiasRequestTitle, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HR_drills_down_to_aggregates_with_small_groups_withheld_and_no_individual()
    {
        var body = await (await app.SignedInAsync("Hr")).GetStringAsync($"/dashboard/teams/{app.Product}?weeks=12");

        Assert.Contains("You see aggregates only", body, StringComparison.Ordinal);
        Assert.Contains("withheld (fewer than 3 people)", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Who you served", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Mia Member", body, StringComparison.Ordinal);
        Assert.DoesNotContain(AppFactory.MiasBlocker, body, StringComparison.Ordinal);
        Assert.DoesNotContain(AppFactory.LeasPrivateNote, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_custom_period_keeps_what_was_typed_and_says_why_next_to_the_field()
    {
        var body = await (await app.SignedInAsync("Lea")).GetStringAsync($"/dashboard/teams/{app.Product}?from=2026-11-10&to=2026-11-01");

        Assert.Contains("The start must be on or before the end.", body, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-11-10\"", body, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-11-01\"", body, StringComparison.Ordinal);
        var garbage = await (await app.SignedInAsync("Lea")).GetAsync($"/dashboard/teams/{app.Product}?from=abc&to=9999-99-99&weeks=-5");
        Assert.Equal(HttpStatusCode.OK, garbage.StatusCode);
        Assert.Contains("Enter a date such as", await garbage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var query in new[] { "weeks=abc", "quiet=abc", "quiet=-3&weeks=99999999999", "from=0001-01-01&to=0001-01-02", "sort=%3Cscript%3E" })
        {
            var response = await (await app.SignedInAsync("Lea")).GetAsync($"/dashboard/teams/{app.Product}?{query}");
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{query}: {response.StatusCode}");
            Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        foreach (var path in new[] { "/dashboard/overview?weeks=abc&desc=maybe", "/support/new?member=abc&request=-1", "/check-ins/new?team=abc", "/account/login?signedOut=abc" })
        {
            var response = await (await app.SignedInAsync("Hr")).GetAsync(path);
            Assert.True((int)response.StatusCode < 500, $"{path}: {response.StatusCode}");
        }
        var csv = await (await app.SignedInAsync("Hr")).GetAsync("/dashboard/overview.csv?from=2026-11-10&to=2026-11-01");
        Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
    }

    [Fact]
    public async Task The_overview_lists_every_team_sorted_as_asked()
    {
        var hr = await app.SignedInAsync("Hr");
        var byName = await hr.GetStringAsync("/dashboard/overview?weeks=12");
        var byNameDescending = await hr.GetStringAsync("/dashboard/overview?weeks=12&sort=team&desc=true");

        Assert.True(byName.IndexOf(">Platform<", StringComparison.Ordinal) < byName.IndexOf(">Product<", StringComparison.Ordinal));
        Assert.True(byNameDescending.IndexOf(">Product<", StringComparison.Ordinal) < byNameDescending.IndexOf(">Platform<", StringComparison.Ordinal));
        Assert.Contains("Organisation median", byName, StringComparison.Ordinal);
        Assert.Contains("aria-sort=\"descending\"", byNameDescending, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_CSV_export_is_exactly_the_table_and_only_HR_gets_it()
    {
        var hr = await app.SignedInAsync("Hr");
        var response = await hr.GetAsync("/dashboard/overview.csv?weeks=12&sort=team&desc=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StringReader(await response.Content.ReadAsStringAsync());
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (await csv.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i)!).ToArray());
        }

        Assert.Equal(["Team", "Leaders", "Members", "Coverage"], rows[0].Take(4));
        Assert.Equal("Flags", rows[0][^1]);
        Assert.Equal(["Product", "Platform"], rows.Skip(1).Take(2).Select(r => r[0]));
        Assert.Equal("Organisation median", rows[^1][0]);
        // Both teams are smaller than three people, so HR's export withholds what the page withholds.
        Assert.Contains(rows[1], cell => cell.StartsWith("withheld", StringComparison.Ordinal));
        var page = WebUtility.HtmlDecode(await hr.GetStringAsync("/dashboard/overview?weeks=12&sort=team&desc=true"));
        // The figures' names are the page's headers; the count beside a figure ("Coverage: members") is under its value there.
        foreach (var header in rows[0].Skip(3).SkipLast(1).Where(h => !h.Contains(": ", StringComparison.Ordinal)))
        {
            Assert.Contains(header, page, StringComparison.Ordinal);
        }

        foreach (var name in new[] { "Lea", "Mia", "Admin" })
        {
            var denied = await (await app.SignedInAsync(name)).GetAsync("/dashboard/overview.csv?weeks=12");
            Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
            Assert.DoesNotContain("Organisation median", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var anonymous = await app.Anonymous().GetAsync("/dashboard/overview.csv");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }
}
