using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Requests;
using ServantLeader.Domain.Support;
using ServantLeader.Domain.Teams;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Dashboard;

/// <summary>
/// What users receive of a figure's count and interval: the API payload, the page and HR's CSV, against a plain count
/// over the seeded rows and the Wilson formula written out here; and withheld items carry no value, not zero.
/// </summary>
[Trait("Area", "Dashboard")]
public sealed class FigureCountsHttpTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_api_the_page_and_the_csv_show_each_figures_count_and_interval_and_nothing_withheld()
    {
        var (from, to) = await SeedAsync();

        // The leader: every figure's count, against the rows.
        var lea = await app.ApiClientAsync(app.Lea);
        using var mine = JsonDocument.Parse(await lea.GetStringAsync($"/api/v1/dashboards/{app.Product}?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}"));
        var (members, served, requests, resolved, entries) = await CountAsync(from, to);
        Assert.True(members >= 2 && served >= 1 && entries >= 2, $"{members} members, {served} served, {entries} entries");

        var coverage = Figure(mine, "Coverage");
        Assert.Equal(members, coverage.GetProperty("count").GetInt32());
        Assert.Equal("members", coverage.GetProperty("countOf").GetString());
        var (low, high) = Wilson(served, members);
        Assert.Equal(low, coverage.GetProperty("intervalLow").GetDouble(), 9);
        Assert.Equal(high, coverage.GetProperty("intervalHigh").GetDouble(), 9);
        Assert.Equal(requests, Figure(mine, "ResolutionRate").GetProperty("count").GetInt32());
        if (requests > 0)
        {
            Assert.Equal(Wilson(resolved, requests).Low, Figure(mine, "ResolutionRate").GetProperty("intervalLow").GetDouble(), 9);
        }
        Assert.Equal(entries, Figure(mine, "SupportHours").GetProperty("count").GetInt32());
        Assert.Equal("entries", Figure(mine, "SupportHours").GetProperty("countOf").GetString());
        Assert.Equal(JsonValueKind.Null, Figure(mine, "SupportHours").GetProperty("intervalLow").ValueKind);
        Assert.Equal(JsonValueKind.Null, Figure(mine, "RequestsReceived").GetProperty("countOf").ValueKind);
        // Each week carries its count too: the week's members for coverage; the entries behind each week's hours add up
        // to the period's, since the weeks partition it.
        var weeks = mine.RootElement.GetProperty("weeks");
        Assert.All(weeks.GetProperty("Coverage").EnumerateArray(), week => Assert.Equal(members, week.GetProperty("count").GetInt32()));
        Assert.Equal(entries, weeks.GetProperty("SupportHours").EnumerateArray().Sum(week => week.GetProperty("count").GetInt32()));

        // HR: a team of two is withheld, with no count and no interval; a support kind given to one member has no entries or hours.
        var hr = await app.ApiClientAsync(app.Hr);
        using var hrs = JsonDocument.Parse(await hr.GetStringAsync($"/api/v1/dashboards/{app.Product}?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}"));
        var withheld = Figure(hrs, "Coverage");
        Assert.True(withheld.GetProperty("withheld").GetBoolean());
        foreach (var field in new[] { "value", "count", "countOf", "intervalLow", "intervalHigh" })
        {
            Assert.Equal(JsonValueKind.Null, withheld.GetProperty(field).ValueKind);
        }
        var kinds = hrs.RootElement.GetProperty("supportByKind").EnumerateArray().ToList();
        Assert.NotEmpty(kinds);
        Assert.All(kinds, kind =>
        {
            Assert.True(kind.GetProperty("withheld").GetBoolean());
            Assert.Equal(JsonValueKind.Null, kind.GetProperty("entries").ValueKind);
            Assert.Equal(JsonValueKind.Null, kind.GetProperty("hours").ValueKind);
        });
        Assert.All(hrs.RootElement.GetProperty("weeks").GetProperty("Coverage").EnumerateArray(), week =>
            Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (week.GetProperty("value").ValueKind, week.GetProperty("count").ValueKind)));

        // The growth shares of members carry their members too; withheld, nothing.
        using (var growth = JsonDocument.Parse(await lea.GetStringAsync($"/api/v1/dashboards/{app.Product}/growth?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}")))
        {
            var alive = Figure(growth, "PlansKeptAlive");
            Assert.Equal(members, alive.GetProperty("count").GetInt32());
            Assert.Equal("members", alive.GetProperty("countOf").GetString());
            var kept = (int)Math.Round(alive.GetProperty("value").GetDouble() * members);
            Assert.Equal(Wilson(kept, members).High, alive.GetProperty("intervalHigh").GetDouble(), 9);
            Assert.Equal(JsonValueKind.Null, Figure(growth, "GoalsAchieved").GetProperty("count").ValueKind);
        }
        using (var growth = JsonDocument.Parse(await hr.GetStringAsync($"/api/v1/dashboards/{app.Product}/growth?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}")))
        {
            var alive = Figure(growth, "PlansKeptAlive");
            Assert.True(alive.GetProperty("withheld").GetBoolean());
            Assert.Equal(JsonValueKind.Null, alive.GetProperty("count").ValueKind);
            Assert.Equal(JsonValueKind.Null, alive.GetProperty("intervalLow").ValueKind);
        }

        // The page shows the leader the count under the value, and the interval of a share this small.
        var page = WebUtility.HtmlDecode(await (await app.SignedInAsync("Lea")).GetStringAsync($"/dashboard/teams/{app.Product}?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}"));
        Assert.Contains($"of {members} members", page, StringComparison.Ordinal);
        Assert.Contains($"from {entries} entries", page, StringComparison.Ordinal);
        var culture = CultureInfo.GetCultureInfo("en-GB");
        Assert.Contains($"95 % interval {low.ToString("0%", culture)}–{high.ToString("0%", culture)}", page, StringComparison.Ordinal);

        // HR's CSV: a count column beside each figure that has one, empty where the figure is withheld.
        var csv = await CsvAsync(from, to);
        Assert.Equal("", csv["Product"]["Coverage: members"]);
        Assert.StartsWith("withheld", csv["Product"]["Coverage"], StringComparison.Ordinal);
        Assert.Equal("", csv["Organisation median"]["Coverage: members"]);
        Assert.DoesNotContain("Requests received: count", csv["Product"].Keys);
        Assert.Contains("Pulse trend: pulses", csv["Product"].Keys);
    }

    /// <summary>Wilson's 95 % score interval, written out from docs/metrics.md.</summary>
    private static (double Low, double High) Wilson(int k, int n)
    {
        const double z = 1.96;
        var p = (double)k / n;
        var centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        var half = z / (1 + z * z / n) * Math.Sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>Two support entries for Mia on the Thursday of the last week that is over, with memberships from long before.</summary>
    private async Task<(DateOnly From, DateOnly To)> SeedAsync()
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        var lastSunday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 1);
        var thursday = lastSunday.AddDays(-3);
        await using var scope = app.Services.CreateAsyncScope();
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ServantLeaderDb>>().CreateDbContextAsync())
        {
            var longAgo = DateTimeOffset.UtcNow.AddDays(-400);
            await db.Memberships.ExecuteUpdateAsync(s => s.SetProperty(m => m.Since, longAgo));
        }
        var support = scope.ServiceProvider.GetRequiredService<SupportService>();
        foreach (var minutes in new[] { 30, 45 })
        {
            await support.LogAsync(app.Lea, new LogSupport
            {
                MemberId = app.Mia.PersonId, TeamId = app.Product, Category = SupportCategory.Coaching, Minutes = minutes,
                Date = thursday, Note = "Paired on the release.",
            }, CancellationToken.None);
        }
        return (lastSunday.AddDays(-27), lastSunday);
    }

    /// <summary>The rows behind the figures, counted plainly: loaded, then filtered here.</summary>
    private async Task<(int Members, int Served, int Requests, int Resolved, int Entries)> CountAsync(DateOnly from, DateOnly to)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ServantLeaderDb>>().CreateDbContextAsync();
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeZoneInfo.Local.GetUtcOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue)));
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeZoneInfo.Local.GetUtcOffset(from.ToDateTime(TimeOnly.MinValue)));
        var members = (await db.Memberships.Include(m => m.Person).ToListAsync())
            .Where(m => m.TeamId == app.Product && m.Role == TeamRole.Member && m.Person.IsActive && m.Since < end).Select(m => m.PersonId).ToList();
        var entries = (await db.SupportEntries.ToListAsync()).Where(s => s.TeamId == app.Product && s.Date >= from && s.Date <= to).ToList();
        var requests = (await db.ServiceRequests.ToListAsync()).Where(r => r.TeamId == app.Product && r.CreatedAt >= start && r.CreatedAt < end).ToList();
        return (members.Count, members.Count(m => entries.Any(e => e.MemberId == m)), requests.Count,
            requests.Count(r => r.Status == RequestStatus.Resolved), entries.Count);
    }

    private static JsonElement Figure(JsonDocument json, string measure) => DashboardPayloads.Figure(json, measure);

    private async Task<Dictionary<string, Dictionary<string, string>>> CsvAsync(DateOnly from, DateOnly to) =>
        await DashboardPayloads.OverviewCsvAsync(await app.SignedInAsync("Hr"), $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
}
