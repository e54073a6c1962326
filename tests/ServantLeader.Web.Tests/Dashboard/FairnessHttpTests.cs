using System.Globalization;
using System.Net;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.People;
using ServantLeader.Domain.Support;
using ServantLeader.Domain.Teams;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Dashboard;

/// <summary>
/// The fairness and follow-through figures as users receive them: the API payload (leader and HR tokens) and HR's CSV
/// export, against values worked out by hand from docs/metrics.md. A team of four members since 100 days ago, and two
/// whole weeks that are over: Gus 60 + 60 minutes, Hal 30 + 10, Ivy 10 + 10, Jo 0 + 20; no 1:1s.
/// </summary>
[Trait("Area", "Dashboard")]
public sealed class FairnessHttpTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private static readonly DateOnly ThisMonday = DateOnly.FromDateTime(DateTime.Now).AddDays(-(((int)DateTime.Now.DayOfWeek + 6) % 7));
    private static readonly DateOnly From = ThisMonday.AddDays(-14);
    private static readonly DateOnly To = ThisMonday.AddDays(-1);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AppFactory, Task<(int Team, Actor Fay)>> Seeded = new();

    // Per member: Gus 120 min in 2 entries, Hal 40 in 2, Ivy 20 in 2, Jo 20 in 1; 8 member-weeks.
    private const double Depth = 0.75;                                   // all but Jo: 2 entries or 30 minutes
    private const double Gini = 2.0 * (20 + 40 + 120 + 480) / (4 * 200) - 5.0 / 4;   // 0.4
    private const double Fifth = 120.0 / 200;
    private const double HoursRate = 200 / 60.0 / 8;
    private const double EntriesRate = 7 / 8.0;

    private int _team;
    private Actor _fay = null!;

    public async Task InitializeAsync() => (_team, _fay) = await Seeded.GetValue(app, _ => SeedAsync());

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(int, Actor)> SeedAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var people = scope.ServiceProvider.GetRequiredService<PeopleService>();
        var teams = scope.ServiceProvider.GetRequiredService<TeamService>();
        var support = scope.ServiceProvider.GetRequiredService<SupportService>();
        var ct = CancellationToken.None;
        async Task<Actor> Person(string name) => new(await people.CreateAsync(app.Admin,
            new PersonDraft { DisplayName = name, Email = AppFactory.Email(name), Password = AppFactory.Password }, ct));
        var fay = await Person("Fay");
        var members = new[] { await Person("Gus"), await Person("Hal"), await Person("Ivy"), await Person("Jo") };
        var team = await teams.CreateAsync(app.Admin, new TeamDraft { Name = "Fairness", Purpose = "Where support is spread." }, ct);
        await teams.SetMembershipAsync(app.Admin, team, fay.PersonId, TeamRole.Leader, ct);
        foreach (var member in members)
        {
            await teams.SetMembershipAsync(app.Admin, team, member.PersonId, TeamRole.Member, ct);
        }
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ServantLeaderDb>>().CreateDbContextAsync(ct))
        {
            await db.Memberships.Where(m => m.TeamId == team).ExecuteUpdateAsync(s => s.SetProperty(m => m.Since, DateTimeOffset.UtcNow.AddDays(-100)), ct);
        }
        async Task Give(Actor member, DateOnly day, int minutes) => await support.LogAsync(fay, new LogSupport
        {
            TeamId = team, MemberId = member.PersonId, Category = SupportCategory.Coaching, Minutes = minutes, Date = day, Note = "Talked it through.",
        }, ct);
        await Give(members[0], From, 60);
        await Give(members[1], From, 30);
        await Give(members[2], From, 10);
        await Give(members[0], From.AddDays(7), 60);
        await Give(members[1], From.AddDays(7), 10);
        await Give(members[2], From.AddDays(7), 10);
        await Give(members[3], From.AddDays(8), 20);
        return (team, fay);
    }

    private static async Task<(Dictionary<string, JsonElement> Figures, JsonElement Root)> DashboardAsync(HttpClient client, string query)
    {
        var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/dashboards/{query}"));
        var figures = json.RootElement.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("measure").GetString()!, f => f);
        return (figures, json.RootElement);
    }

    [Fact]
    public async Task The_API_gives_the_leader_and_HR_the_figures_worked_out_by_hand_and_only_the_leader_who()
    {
        var query = $"{_team}?from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}";
        foreach (var client in new[] { await app.ApiClientAsync(_fay), await app.ApiClientAsync(app.Hr) })
        {
            var (figures, _) = await DashboardAsync(client, query);
            Assert.Equal(Depth, figures["CoverageDepth"].GetProperty("value").GetDouble(), 9);
            Assert.Equal(Gini, figures["SupportGini"].GetProperty("value").GetDouble(), 9);
            Assert.Equal(Fifth, figures["TopFifthShare"].GetProperty("value").GetDouble(), 9);
            Assert.Equal(HoursRate, figures["HoursPerMemberWeek"].GetProperty("value").GetDouble(), 9);
            Assert.Equal(EntriesRate, figures["EntriesPerMemberWeek"].GetProperty("value").GetDouble(), 9);
            // Four members of 100 days, none with a 1:1: four people, so HR sees the count too.
            Assert.Equal(4, figures["MembersWithoutOneOnOne"].GetProperty("value").GetDouble());
            Assert.Equal(JsonValueKind.Null, figures["ActionItemsOnTime"].GetProperty("value").ValueKind);
            Assert.Equal(0, figures["BlockersNotCleared"].GetProperty("value").GetDouble());
        }

        var (_, leader) = await DashboardAsync(await app.ApiClientAsync(_fay), query);
        Assert.Equal([20 / 60.0, 20 / 60.0, 40 / 60.0, 2], leader.GetProperty("supportSpread").EnumerateArray().Select(h => Math.Round(h.GetDouble(), 9)),
            new Near());
        Assert.Equal(["Gus", "Hal", "Ivy", "Jo"], leader.GetProperty("oneOnOneGaps").EnumerateArray().Select(g => g.GetProperty("name").GetString()));

        var (_, hr) = await DashboardAsync(await app.ApiClientAsync(app.Hr), query);
        foreach (var hidden in new[] { "supportSpread", "oneOnOneGaps", "memberCoverage" })
        {
            Assert.True(!hr.TryGetProperty(hidden, out var value) || value.ValueKind == JsonValueKind.Null, $"HR got {hidden}");
        }
        Assert.DoesNotContain("Gus", hr.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_CSV_export_carries_the_new_columns_as_worked_out_by_hand_and_no_median_beside_raw_counts()
    {
        var response = await (await app.SignedInAsync("Hr")).GetAsync($"/dashboard/overview.csv?from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StringReader(await response.Content.ReadAsStringAsync());
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (await csv.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i)!).ToArray());
        }
        var header = rows[0].ToList();
        var team = rows.Single(r => r[0] == "Fairness");
        string Cell(string column) => team[header.IndexOf(column)];

        Assert.Equal("75%", Cell("Coverage in depth"));
        Assert.Equal("0.4", Cell("Support spread (Gini)"));
        Assert.Equal(HoursRate.ToString("0.#", CultureInfo.GetCultureInfo("en-GB")) + " h", Cell("Support hours per member per week"));
        Assert.Equal("no data yet", Cell("1:1 action items done on time"));
        // Depth sits beside coverage and the members coverage rests on (the count column, "Coverage: members").
        Assert.True(header.IndexOf("Coverage in depth") == header.IndexOf("Coverage: members") + 1, "depth sits beside coverage");
        Assert.Equal(Cell("Coverage: members"), Cell("Coverage in depth: members"));
        Assert.Equal("0", Cell("1:1 action items done on time: action items due"));
        var median = rows[^1];
        Assert.Equal("Organisation median", median[0]);
        Assert.Equal("", median[header.IndexOf("Support given (hours)")]);
        Assert.Equal("", median[header.IndexOf("Requests received")]);
        Assert.NotEqual("", median[header.IndexOf("Support hours per member per week")]);
    }

    private sealed class Near : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-6;

        public int GetHashCode(double obj) => 0;
    }
}
