using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.People;
using ServantLeader.Domain.Teams;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Dashboard;

/// <summary>
/// HR tries to recover one member's rating and outcome by subtracting two periods, through the API with an HR token
/// and through the CSV export. Ana is the only one who asked for help three weeks ago, and the only one who asked on
/// the Friday two weeks ago; Ben, Cal and Dev ask every Monday. Every period of days in those five weeks is asked for;
/// Ana's isolated request then gets another rating and outcome, and no answer HR gets may change.
/// </summary>
[Trait("Area", "Trust")]
[Trait("Area", "Dashboard")]
public sealed class DifferencingHttpTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private static readonly DateOnly ThisMonday = DateOnly.FromDateTime(DateTime.Now).AddDays(-(((int)DateTime.Now.DayOfWeek + 6) % 7));
    private static readonly DateOnly Window = ThisMonday.AddDays(-35);
    private static readonly DateOnly AnasWeek = Window.AddDays(14);
    private static readonly DateOnly AnasFriday = Window.AddDays(25);

    /// <summary>The class's tests share one app: the team is made once per app.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AppFactory, Task<(int Team, Actor Lena, int AnasRequest)>> Seeded = new();

    private int _team;
    private Actor _lena = null!;
    private int _anasRequest;

    public async Task InitializeAsync()
    {
        (_team, _lena, _anasRequest) = await Seeded.GetValue(app, _ => SeedAsync());
    }

    private async Task<(int, Actor, int)> SeedAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var people = scope.ServiceProvider.GetRequiredService<PeopleService>();
        var teams = scope.ServiceProvider.GetRequiredService<TeamService>();
        var ct = CancellationToken.None;
        async Task<Actor> Person(string name) => new(await people.CreateAsync(app.Admin,
            new PersonDraft { DisplayName = name, Email = AppFactory.Email(name), Password = AppFactory.Password }, ct));
        _lena = await Person("Lena");
        var ana = await Person("Ana");
        var others = new[] { await Person("Ben"), await Person("Cal"), await Person("Dev") };
        _team = await teams.CreateAsync(app.Admin, new TeamDraft { Name = "Differencing", Purpose = "Where HR tries to subtract." }, ct);
        await teams.SetMembershipAsync(app.Admin, _team, _lena.PersonId, TeamRole.Leader, ct);
        foreach (var member in others.Prepend(ana))
        {
            await teams.SetMembershipAsync(app.Admin, _team, member.PersonId, TeamRole.Member, ct);
        }

        // The app runs on the real clock, so the past weeks' requests are written as they would stand today.
        for (var week = Window; week < ThisMonday; week = week.AddDays(7))
        {
            if (week == AnasWeek)
            {
                _anasRequest = await ResolvedRequestAsync(ana, week.AddDays(2), hours: 2, rating: 5);
                continue;
            }
            for (var i = 0; i < others.Length; i++)
            {
                await ResolvedRequestAsync(others[i], week, hours: 1 + i, rating: 4);
            }
            if (week.AddDays(4) == AnasFriday)
            {
                await ResolvedRequestAsync(ana, AnasFriday, hours: 3, rating: 1);
            }
        }
        return (_team, _lena, _anasRequest);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task No_pair_of_periods_HR_can_ask_the_API_or_the_CSV_export_for_reveals_a_members_rating_or_outcome()
    {
        var api = await app.ApiClientAsync(app.Hr);
        var csv = await app.SignedInAsync("Hr");
        var accepted = new List<string>();
        for (var from = Window; from < ThisMonday; from = from.AddDays(1))
        {
            for (var to = from; to < ThisMonday; to = to.AddDays(1))
            {
                var query = $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";
                var wholeWeeks = from.DayOfWeek == DayOfWeek.Monday && to.DayOfWeek == DayOfWeek.Sunday;
                var fromApi = await api.GetAsync($"/api/v1/dashboards/{_team}?{query}");
                var fromCsv = await csv.GetAsync($"/dashboard/overview.csv?{query}");
                Assert.True(fromApi.StatusCode == (wholeWeeks ? HttpStatusCode.OK : HttpStatusCode.BadRequest), $"API {query}: {fromApi.StatusCode}");
                Assert.True(fromCsv.StatusCode == (wholeWeeks ? HttpStatusCode.OK : HttpStatusCode.BadRequest), $"CSV {query}: {fromCsv.StatusCode}");
                if (wholeWeeks)
                {
                    accepted.Add(query);
                }
            }
        }
        Assert.Equal(15, accepted.Count);
        accepted.AddRange(["weeks=4", "weeks=12"]);

        var asIs = await HrAnswersAsync(api, csv, accepted);
        await SetAnasRequestAsync("""
            "Rating" = 1, "AcknowledgedAt" = "CreatedAt" + 144000000, "ResolvedAt" = "CreatedAt" + 144000000
            """);
        var otherRating = await HrAnswersAsync(api, csv, accepted);
        await SetAnasRequestAsync("""
            "Status" = 'Declined', "DeclinedAt" = "ResolvedAt", "DeclinedById" = "ResolvedById", "DeclineReason" = 'Not ours',
            "ResolvedAt" = NULL, "ResolvedById" = NULL, "Resolution" = NULL, "Rating" = NULL, "ConfirmedAt" = NULL
            """);
        var declined = await HrAnswersAsync(api, csv, accepted);

        Assert.Equal(asIs, otherRating);
        Assert.Equal(asIs, declined);

        // Not vacuous: across Ana's week HR sees the figures of the weeks without her, 3 × 4 and 3 × 4 + 1.
        var threeWeeks = await Figures(api, $"from={AnasWeek.AddDays(-7):yyyy-MM-dd}&to={AnasWeek.AddDays(13):yyyy-MM-dd}");
        Assert.Equal(7, threeWeeks["RequestsReceived"]);
        Assert.Equal(25 / 7.0, threeWeeks["SatisfactionMean"]!.Value, 9);
    }

    [Fact]
    public async Task The_leader_still_gets_exact_figures_of_any_days_from_the_API()
    {
        var lena = await app.ApiClientAsync(_lena);

        var mondayToThursday = await Figures(lena, $"from={AnasFriday.AddDays(-4):yyyy-MM-dd}&to={AnasFriday.AddDays(-1):yyyy-MM-dd}");
        var mondayToFriday = await Figures(lena, $"from={AnasFriday.AddDays(-4):yyyy-MM-dd}&to={AnasFriday:yyyy-MM-dd}");

        // Ana's Friday rating is the difference, exactly: the leader sees their members.
        Assert.Equal(4, mondayToThursday["SatisfactionMean"]);
        Assert.Equal(3.25, mondayToFriday["SatisfactionMean"]);
        Assert.Equal(3, mondayToThursday["RequestsReceived"]);
        Assert.Equal(4, mondayToFriday["RequestsReceived"]);
    }

    [Fact]
    public async Task HR_gets_a_message_for_days_that_are_not_whole_weeks_next_to_the_field_with_what_was_typed_kept()
    {
        var wednesday = Window.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var thursday = Window.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var api = await app.ApiClientAsync(app.Hr);

        var refused = await api.GetAsync($"/api/v1/dashboards/{_team}?from={wednesday}&to={thursday}");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal($"HR sees whole weeks only: start on a Monday, such as {Window:yyyy-MM-dd}.", errors.GetProperty("from")[0].GetString());
        Assert.Equal($"HR sees whole weeks only: end on a Sunday, such as {Window.AddDays(13):yyyy-MM-dd}.", errors.GetProperty("to")[0].GetString());

        var page = WebUtility.HtmlDecode(await (await app.SignedInAsync("Hr")).GetStringAsync($"/dashboard/teams/{_team}?from={wednesday}&to={thursday}"));
        Assert.Contains($"HR sees whole weeks only: start on a Monday, such as {Window:yyyy-MM-dd}.", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{wednesday}\"", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{thursday}\"", page, StringComparison.Ordinal);
        Assert.Contains("Whole weeks, Monday to Sunday, that are over", page, StringComparison.Ordinal);

        // A preset is the last whole weeks: they end last Sunday, and the page shows those dates.
        using var preset = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/dashboards/{_team}?weeks=4"));
        Assert.Equal(ThisMonday.AddDays(-28).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), preset.RootElement.GetProperty("from").GetString());
        Assert.Equal(ThisMonday.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), preset.RootElement.GetProperty("to").GetString());
        var overview = await (await app.SignedInAsync("Hr")).GetStringAsync("/dashboard/overview?weeks=4");
        Assert.Contains($"data-period=\"{ThisMonday.AddDays(-28):yyyy-MM-dd}/{ThisMonday.AddDays(-1):yyyy-MM-dd}\"", overview, StringComparison.Ordinal);
    }

    /// <summary>Every answer HR gets for the periods: the API's JSON and the CSV export, as text.</summary>
    private async Task<List<string>> HrAnswersAsync(HttpClient api, HttpClient csv, IEnumerable<string> queries)
    {
        var answers = new List<string>();
        foreach (var query in queries)
        {
            answers.Add(await api.GetStringAsync($"/api/v1/dashboards/{_team}?{query}"));
            answers.Add(await csv.GetStringAsync($"/dashboard/overview.csv?{query}"));
        }
        return answers;
    }

    private async Task<Dictionary<string, double?>> Figures(HttpClient client, string query)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/dashboards/{_team}?{query}"));
        return json.RootElement.GetProperty("figures").EnumerateArray().ToDictionary(
            f => f.GetProperty("measure").GetString()!,
            f => f.GetProperty("value").ValueKind == JsonValueKind.Null ? (double?)null : f.GetProperty("value").GetDouble());
    }

    /// <summary>
    /// A request asked, resolved and rated through the services, then moved to <paramref name="day"/> at 10:00 local
    /// time: the app's clock is the real one.
    /// </summary>
    private async Task<int> ResolvedRequestAsync(Actor member, DateOnly day, int hours, int rating)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var requests = scope.ServiceProvider.GetRequiredService<ServantLeader.Domain.Requests.RequestService>();
        var ct = CancellationToken.None;
        var id = await requests.AskAsync(member, new ServantLeader.Domain.Requests.AskForHelp
        {
            TeamId = _team, Title = "Help with the quarterly plan", Details = "A second opinion.",
        }, ct);
        var asked = await requests.GetAsync(_lena, id, ct);
        await requests.ResolveAsync(_lena, new() { RequestId = id, ExpectedVersion = asked.Version, Note = "Talked it through." }, ct);
        var resolved = await requests.GetAsync(member, id, ct);
        await requests.ConfirmAsync(member, new() { RequestId = id, ExpectedVersion = resolved.Version, Rating = rating }, ct);

        var local = day.ToDateTime(new TimeOnly(10, 0));
        var created = new DateTimeOffset(local, TimeZoneInfo.Local.GetUtcOffset(local)).ToUnixTimeMilliseconds();
        var answered = created + hours * 3_600_000L;
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ServantLeaderDb>>().CreateDbContextAsync(ct);
        await db.Database.ExecuteSqlRawAsync(
            "UPDATE \"ServiceRequests\" SET \"CreatedAt\" = {0}, \"AcknowledgedAt\" = {1}, \"ResolvedAt\" = {1}, \"ConfirmedAt\" = {2} WHERE \"Id\" = {3}",
            [created, answered, answered + 300_000, id], ct);
        return id;
    }

    private async Task SetAnasRequestAsync(string assignments)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ServantLeaderDb>>().CreateDbContextAsync();
        var sql = "UPDATE \"ServiceRequests\" SET " + assignments + " WHERE \"Id\" = {0}";
        await db.Database.ExecuteSqlRawAsync(sql, [_anasRequest]);
    }
}
