using System.Globalization;
using System.Net;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Teams;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Growth;

/// <summary>
/// The growth figures over real HTTP: the team page, the API and HR's CSV show the values a plain computation over the
/// seeded rows gives, and HR sees a team of two withheld and a team of three shown, never anything per member.
/// </summary>
[Trait("Area", "Growth")]
[Trait("Area", "Dashboard")]
public sealed class GrowthFiguresHttpTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Withheld = "withheld (fewer than 3 people)";

    [Fact]
    public async Task The_page_the_api_and_the_csv_show_the_reference_values_to_leaders_and_hr_by_the_three_people_rule()
    {
        // A Thursday in the last week that is over: inside both the leader's last 4 weeks and HR's last 4 whole weeks.
        var today = DateOnly.FromDateTime(DateTime.Now);
        var lastSunday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 1);
        var day = lastSunday.AddDays(-3);
        var noon = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeZoneInfo.Local.GetUtcOffset(day.ToDateTime(new TimeOnly(12, 0))));

        // Product's members: Mia and Max, since long before the period. Both edited their plans; Mia's help to Max was confirmed, Max's to Mia was not.
        var edits = new List<int> { app.Mia.PersonId, app.Max.PersonId };
        var peer = new List<(int Giver, int Receiver, bool Confirmed)> { (app.Mia.PersonId, app.Max.PersonId, true), (app.Max.PersonId, app.Mia.PersonId, false) };
        await SeedAsync(edits, peer, day, noon);
        var members = new List<int> { app.Mia.PersonId, app.Max.PersonId };

        // Two members: HR sees both figures withheld, the leader sees them.
        var hr = await app.ApiClientAsync(app.Hr);
        using (var two = JsonDocument.Parse(await hr.GetStringAsync($"/api/v1/dashboards/{app.Product}/growth?weeks=4")))
        {
            Assert.True(Figure(two, "PlansKeptAlive").GetProperty("withheld").GetBoolean());
            Assert.True(Figure(two, "ServantsGrown").GetProperty("withheld").GetBoolean());
            Assert.Equal(JsonValueKind.Null, Figure(two, "ServantsGrown").GetProperty("value").ValueKind);
        }
        var csvOfTwo = await CsvAsync();
        Assert.Equal([Withheld, Withheld], [csvOfTwo["Product"]["Servants grown"], csvOfTwo["Product"]["Plans kept alive"]]);

        // Pia, a member of Platform too, joins Product: three members, who all joined long before the period.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TeamService>()
                .SetMembershipAsync(app.Admin, app.Product, app.Pia.PersonId, TeamRole.Member, CancellationToken.None);
            await BackdateMembershipsAsync(scope);
        }
        members.Add(app.Pia.PersonId);
        var alive = (double)members.Count(edits.Contains) / members.Count;
        var servants = (double)members.Count(m => peer.Any(p => p.Giver == m && p.Confirmed)) / members.Count;
        Assert.Equal((2.0 / 3, 1.0 / 3), (alive, servants));

        foreach (var (who, weeks) in new[] { (app.Lea, "weeks=4"), (app.Hr, "weeks=4") })
        {
            var client = await app.ApiClientAsync(who);
            using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/dashboards/{app.Product}/growth?{weeks}"));
            Assert.Equal(alive, Figure(json, "PlansKeptAlive").GetProperty("value").GetDouble(), 9);
            Assert.Equal(servants, Figure(json, "ServantsGrown").GetProperty("value").GetDouble(), 9);
            Assert.Equal(3, json.RootElement.GetProperty("members").GetInt32());
            var conversations = json.RootElement.GetProperty("lastGrowthConversations");
            Assert.Equal(who == app.Hr ? JsonValueKind.Null : JsonValueKind.Array, conversations.ValueKind);
            if (who == app.Hr)
            {
                Assert.DoesNotContain("Mia", json.RootElement.GetRawText(), StringComparison.Ordinal);
            }
        }

        var csv = await CsvAsync();
        Assert.Equal(["33%", "67%"], [csv["Product"]["Servants grown"], csv["Product"]["Plans kept alive"]]);
        Assert.Equal([Withheld, Withheld], [csv["Platform"]["Servants grown"], csv["Platform"]["Plans kept alive"]]);
        // One team with a value: the organisation median needs 3 (docs/metrics.md).
        Assert.All([csv["Organisation median"]["Servants grown"], csv["Organisation median"]["Plans kept alive"]],
            median => Assert.StartsWith("not shown", median, StringComparison.Ordinal));

        var leaderPage = WebUtility.HtmlDecode(await (await app.SignedInAsync("Lea")).GetStringAsync($"/dashboard/teams/{app.Product}?weeks=4"));
        Assert.Contains("id=\"growth-heading\"", leaderPage, StringComparison.Ordinal);
        Assert.Matches("data-growth-measure=\"ServantsGrown\"[^>]*>\\s*<div class=\"sl-figure-name\"(?:(?!data-growth-measure)[\\s\\S])*?<div class=\"sl-figure-value\"[^>]*>33%</div>", leaderPage);
        Assert.Matches("data-growth-measure=\"PlansKeptAlive\"[^>]*>\\s*<div class=\"sl-figure-name\"(?:(?!data-growth-measure)[\\s\\S])*?<div class=\"sl-figure-value\"[^>]*>67%</div>", leaderPage);
        Assert.Contains("Last growth conversation", leaderPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/growth/people/{app.Pia.PersonId}\"", leaderPage, StringComparison.Ordinal);

        var hrPage = WebUtility.HtmlDecode(await (await app.SignedInAsync("Hr")).GetStringAsync($"/dashboard/teams/{app.Product}?weeks=4"));
        Assert.Matches("data-growth-measure=\"ServantsGrown\"[^>]*>\\s*<div class=\"sl-figure-name\"(?:(?!data-growth-measure)[\\s\\S])*?<div class=\"sl-figure-value\"[^>]*>33%</div>", hrPage);
        Assert.DoesNotContain("Last growth conversation", hrPage, StringComparison.Ordinal);
        Assert.DoesNotContain("/growth/people/", hrPage, StringComparison.Ordinal);

        var overview = WebUtility.HtmlDecode(await (await app.SignedInAsync("Hr")).GetStringAsync("/dashboard/overview?weeks=4"));
        Assert.Contains("Servants grown", overview, StringComparison.Ordinal);
        Assert.Contains("Plans kept alive", overview, StringComparison.Ordinal);

        // Nobody else learns that the team's growth figures exist.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiClientAsync(app.Mia)).GetAsync($"/api/v1/dashboards/{app.Product}/growth")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiClientAsync(app.Admin)).GetAsync($"/api/v1/dashboards/{app.Product}/growth")).StatusCode);
    }

    private static JsonElement Figure(JsonDocument json, string measure) => Dashboard.DashboardPayloads.Figure(json, measure);

    /// <summary>HR's CSV for the last 4 whole weeks, by first cell and column name.</summary>
    private async Task<Dictionary<string, Dictionary<string, string>>> CsvAsync() =>
        await Dashboard.DashboardPayloads.OverviewCsvAsync(await app.SignedInAsync("Hr"), "weeks=4");

    private static async Task BackdateMembershipsAsync(AsyncServiceScope scope)
    {
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ServantLeaderDb>>().CreateDbContextAsync();
        var longAgo = DateTimeOffset.UtcNow.AddDays(-400);
        await db.Memberships.ExecuteUpdateAsync(s => s.SetProperty(m => m.Since, longAgo));
    }

    /// <summary>Plans, plan edits and peer support as rows: the web tests have no access to the domain's constructors.</summary>
    private async Task SeedAsync(List<int> edits, List<(int Giver, int Receiver, bool Confirmed)> peer, DateOnly day, DateTimeOffset noon)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ServantLeaderDb>>().CreateDbContextAsync();
        await BackdateMembershipsAsync(scope);
        var ms = noon.ToUnixTimeMilliseconds();
        foreach (var person in edits)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "GrowthPlans" ("PersonId", "Ambition", "Strengths", "CreatedAt", "UpdatedAt", "Version") VALUES ({person}, '', '', {ms}, {ms}, 0)
                """);
            var plan = await db.GrowthPlans.Where(p => p.PersonId == person).Select(p => p.Id).SingleAsync();
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "GrowthPlanEdits" ("PlanId", "PersonId", "At") VALUES ({plan}, {person}, {ms})""");
        }
        foreach (var (giver, receiver, confirmed) in peer)
        {
            long? confirmedAt = confirmed ? ms : null;
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "PeerSupport" ("GiverId", "ReceiverId", "TeamId", "Category", "Minutes", "Date", "Note", "SharedWithReceiver", "CreatedAt", "ConfirmedAt")
                VALUES ({giver}, {receiver}, {app.Product}, 'Coaching', 30, {day}, '', {false}, {ms}, {confirmedAt})
                """);
        }
    }
}
