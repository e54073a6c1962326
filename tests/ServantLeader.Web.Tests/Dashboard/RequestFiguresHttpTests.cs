using System.Globalization;
using System.Net;
using System.Text.Json;
using CsvHelper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Dashboard;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.People;
using ServantLeader.Domain.Requests;
using ServantLeader.Domain.Teams;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Dashboard;

/// <summary>
/// What the leader and HR receive from the API and the CSV export for the request figures of issue 16, the review
/// rate's people and the organisation median, against values worked out by hand from docs/metrics.md for the rows
/// written below. The app runs on a clock stopped on the last Tuesday at 10:00, so "less than 3 days ago" and
/// "waiting now" are exact.
/// </summary>
[Trait("Area", "Dashboard")]
public sealed class RequestFiguresHttpTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    /// <summary>The class's tests share one app: its stopped-clock twin and the teams are made once per app.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AppFactory, Task<Seeded>> Apps = new();

    private Seeded _s = null!;

    private sealed record Seeded(WebApplicationFactory<Program> App, DateTimeOffset Now, DateOnly Week, int Waiting, int Answering,
        Actor Lena, long DevsCreated);

    public async Task InitializeAsync() => _s = await Apps.GetValue(app, _ => SeedAsync());

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_leader_and_HR_get_the_new_request_figures_and_HR_only_where_three_people_are_behind_them()
    {
        var lena = await Figures(await ApiClientAsync(_s.Lena), _s.Waiting);
        var hr = await Figures(await ApiClientAsync(app.Hr), _s.Waiting);

        // Ana, Cal and Eve were answered within one working day; Ben was answered late; Dev is still waiting past it.
        Assert.Equal(3 / 5.0, lena["AcknowledgedWithinTarget"].Value);
        Assert.Equal(3 / 5.0, hr["AcknowledgedWithinTarget"].Value);
        // Resolved now: Ana's (confirmed), Ben's (reopened once), Cal's.
        Assert.Equal(1 / 3.0, lena["ConfirmedShare"].Value!.Value, 9);
        Assert.Equal(1 / 3.0, hr["ConfirmedShare"].Value!.Value, 9);
        Assert.Equal(1 / 3.0, lena["ReopenRate"].Value!.Value, 9);
        Assert.Equal(1 / 3.0, hr["ReopenRate"].Value!.Value, 9);
        // Beside the durations: Dev's has had no first response; Dev's and Eve's are still open. One and two people.
        Assert.Equal(1, lena["NotYetAcknowledged"].Value);
        Assert.Equal(2, lena["NotYetResolved"].Value);
        Assert.True(hr["NotYetAcknowledged"].Withheld && hr["NotYetAcknowledged"].Value is null);
        Assert.True(hr["NotYetResolved"].Withheld && hr["NotYetResolved"].Value is null);
        // Now, whatever the period: Dev's, and Ana's and Ben's of this morning; the oldest is Dev's.
        var longest = (_s.Now.ToUnixTimeMilliseconds() - _s.DevsCreated) / 3_600_000.0;
        foreach (var who in new[] { lena, hr })
        {
            Assert.Equal(3, who["WaitingNow"].Value);
            Assert.Equal(longest, who["LongestWaitHours"].Value!.Value, 6);
        }
    }

    [Fact]
    public async Task HR_gets_the_review_rate_withheld_when_one_persons_check_in_is_its_whole_denominator_from_the_API_and_the_CSV()
    {
        var lena = await Figures(await ApiClientAsync(_s.Lena), _s.Waiting);
        var hr = await Figures(await ApiClientAsync(app.Hr), _s.Waiting);
        var csv = await CsvAsync();

        // Ana's check-in was reviewed within 3 days; the other four were submitted on Sunday evening and wait for review.
        Assert.Equal(1.0, lena["ReviewRate"].Value);
        Assert.True(hr["ReviewRate"].Withheld);
        Assert.Null(hr["ReviewRate"].Value);
        Assert.Equal(1, hr["ReviewRate"].WithheldWeeks);
        Assert.Equal("withheld (fewer than 3 people)", csv[("Waiting", "Leader review rate")]);
        Assert.Equal("60%", csv[("Waiting", "Acknowledged within target")]);
        Assert.Equal("3", csv[("Waiting", "Waiting now")]);
        Assert.Equal("100%", csv[("Answering", "Acknowledged within target")]);
        Assert.Equal("0", csv[("Answering", "Waiting now")]);
    }

    [Fact]
    public async Task The_API_gives_the_leader_and_HR_the_organisation_median_the_page_shows()
    {
        // HR's values over the week, team by team (Product and Platform asked nothing that week), worked out by hand.
        var expected = new Dictionary<string, double?>
        {
            // Raw counts grow with the team: no median, whatever the number of teams (docs/metrics.md, "Fair comparisons").
            ["RequestsReceived"] = null,
            // Waiting, Answering and Steady have a value (3-team rule, docs/metrics.md "Organisation median").
            ["AcknowledgedWithinTarget"] = Median(3 / 5.0, 1, 1),
            ["ResolutionRate"] = Median(3 / 5.0, 1, 1),
            ["ConfirmedShare"] = Median(1 / 3.0, 0, 0),
            ["WaitingNow"] = null,
            ["NotYetAcknowledged"] = null,
        };
        foreach (var who in new[] { _s.Lena, app.Hr })
        {
            using var json = JsonDocument.Parse(await (await ApiClientAsync(who)).GetStringAsync($"/api/v1/dashboards/{_s.Waiting}?{Period}"));
            var medians = json.RootElement.GetProperty("figures").EnumerateArray().ToDictionary(
                f => f.GetProperty("measure").GetString()!,
                f => f.GetProperty("organisationMedian").ValueKind == JsonValueKind.Null ? (double?)null : f.GetProperty("organisationMedian").GetDouble());
            foreach (var (measure, median) in expected)
            {
                Assert.True(median is null ? medians[measure] is null : medians[measure] is { } m && Math.Abs(m - median.Value) < 1e-9,
                    $"{who.PersonId} {measure}: {medians[measure]} ≠ {median}");
            }
            Assert.Contains(medians.Values, m => m is not null);
            // Every figure's median is the one the page shows beside it (the service's, for the same period).
            using var scope = _s.App.Services.CreateScope();
            var service = scope.ServiceProvider.GetRequiredService<DashboardService>();
            var page = await service.OrganisationMediansAsync(who, service.Custom(_s.Week, _s.Week.AddDays(6)), default);
            foreach (var (measure, median) in page)
            {
                Assert.Equal(median, medians[measure.ToString()]);
            }
        }
    }

    private string Period => $"from={_s.Week:yyyy-MM-dd}&to={_s.Week.AddDays(6):yyyy-MM-dd}";

    /// <summary>The median written out: the middle value, or the mean of the two middle ones.</summary>
    private static double Median(params double[] values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed record ApiValue(double? Value, bool Withheld, int WithheldWeeks);

    private async Task<Dictionary<string, ApiValue>> Figures(HttpClient client, int team)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/dashboards/{team}?{Period}"));
        return json.RootElement.GetProperty("figures").EnumerateArray().ToDictionary(
            f => f.GetProperty("measure").GetString()!,
            f => new ApiValue(f.GetProperty("value").ValueKind == JsonValueKind.Null ? null : f.GetProperty("value").GetDouble(),
                f.GetProperty("withheld").GetBoolean(), f.GetProperty("withheldWeeks").GetInt32()));
    }

    /// <summary>HR's CSV export for the week, by (team, column header).</summary>
    private async Task<Dictionary<(string Team, string Column), string>> CsvAsync()
    {
        var client = Client();
        var signIn = await AppFactory.PostLoginAsync(client, AppFactory.Email("Hr"), AppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var response = await client.GetAsync($"/dashboard/overview.csv?{Period}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StringReader(await response.Content.ReadAsStringAsync());
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (await csv.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i)!).ToArray());
        }
        var cells = new Dictionary<(string, string), string>();
        foreach (var row in rows.Skip(1))
        {
            for (var i = 0; i < rows[0].Length; i++)
            {
                cells[(row[0], rows[0][i])] = row[i];
            }
        }
        return cells;
    }

    private HttpClient Client() => _s.App.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = true,
    });

    private async Task<HttpClient> ApiClientAsync(Actor who)
    {
        await using var scope = _s.App.Services.CreateAsyncScope();
        var token = await scope.ServiceProvider.GetRequiredService<ServantLeader.Domain.ApiTokens.ApiTokenService>()
            .CreateAsync(who, new() { Name = "tests", Days = 30 }, CancellationToken.None);
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.Token);
        return client;
    }

    /// <summary>
    /// The twin app on a stopped clock, and three teams. Waiting (Lena; Ana, Ben, Cal, Dev, Eve) has one request each in
    /// the last whole week and check-ins of which only Ana's is due for review; Answering (Ivy; Fay, Gus, Hal) answered
    /// and resolved its three requests within the hour, and Steady (Umay; Jonas, Kaia, Louis) likewise.
    /// </summary>
    private async Task<Seeded> SeedAsync()
    {
        var real = DateTimeOffset.Now;
        var today = DateOnly.FromDateTime(real.DateTime);
        var tuesday = today.AddDays(-(((int)today.DayOfWeek - (int)DayOfWeek.Tuesday + 7) % 7));
        var now = LocalAt(tuesday, 10);
        if (now > real)
        {
            tuesday = tuesday.AddDays(-7);
            now = LocalAt(tuesday, 10);
        }
        var week = tuesday.AddDays(-8);
        var twin = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(new StoppedClock(now))));

        await using var scope = twin.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var people = services.GetRequiredService<PeopleService>();
        var teams = services.GetRequiredService<TeamService>();
        var requests = services.GetRequiredService<RequestService>();
        var ct = CancellationToken.None;
        async Task<Actor> Person(string name) => new(await people.CreateAsync(app.Admin,
            new PersonDraft { DisplayName = name, Email = AppFactory.Email(name), Password = AppFactory.Password }, ct));
        async Task<int> Team(string name, Actor leader, Actor[] members)
        {
            var id = await teams.CreateAsync(app.Admin, new TeamDraft { Name = name, Purpose = "Requests that wait." }, ct);
            await teams.SetMembershipAsync(app.Admin, id, leader.PersonId, TeamRole.Leader, ct);
            foreach (var member in members)
            {
                await teams.SetMembershipAsync(app.Admin, id, member.PersonId, TeamRole.Member, ct);
            }
            return id;
        }
        var lena = await Person("Lena");
        var (ana, ben, cal, dev, eve) = (await Person("Ana"), await Person("Ben"), await Person("Cal"), await Person("Dev"), await Person("Eve"));
        var waiting = await Team("Waiting", lena, [ana, ben, cal, dev, eve]);
        var ivy = await Person("Ivy");
        var answerers = new[] { await Person("Fay"), await Person("Gus"), await Person("Hal") };
        var answering = await Team("Answering", ivy, answerers);
        // A third team that answers as Answering does: rates and shares have a median only from 3 teams with a value.
        var umay = await Person("Umay");
        var steadies = new[] { await Person("Jonas"), await Person("Kaia"), await Person("Louis") };
        var steady = await Team("Steady", umay, steadies);

        async Task<int> Ask(Actor member, int team) => await requests.AskAsync(member, new AskForHelp
        {
            TeamId = team, Title = "Access to the staging keys", Details = "Stuck since Monday.",
        }, ct);
        async Task<int> Version(Actor actor, int id) => (await requests.GetAsync(actor, id, ct)).Version;
        async Task Respond(Actor leader, int id, Func<RespondToRequest, Task> act) =>
            await act(new RespondToRequest { RequestId = id, ExpectedVersion = await Version(leader, id), Note = "On it." });

        // Every request is answered through the services as it would be, then moved into the week (Move, below).
        var anas = await Ask(ana, waiting);
        await Respond(lena, anas, r => requests.AcknowledgeAsync(lena, r, ct));
        await Respond(lena, anas, r => requests.ResolveAsync(lena, r, ct));
        await requests.ConfirmAsync(ana, new() { RequestId = anas, ExpectedVersion = await Version(ana, anas), Rating = 5 }, ct);
        var bens = await Ask(ben, waiting);
        await Respond(lena, bens, r => requests.AcknowledgeAsync(lena, r, ct));
        await Respond(lena, bens, r => requests.ResolveAsync(lena, r, ct));
        await requests.ReopenAsync(ben, new() { RequestId = bens, ExpectedVersion = await Version(ben, bens), Note = "Still stuck." }, ct);
        await Respond(lena, bens, r => requests.ResolveAsync(lena, r, ct));
        var cals = await Ask(cal, waiting);
        await Respond(lena, cals, r => requests.AcknowledgeAsync(lena, r, ct));
        await Respond(lena, cals, r => requests.ResolveAsync(lena, r, ct));
        var devs = await Ask(dev, waiting);
        var eves = await Ask(eve, waiting);
        await Respond(lena, eves, r => requests.AcknowledgeAsync(lena, r, ct));
        await using var db = await services.GetRequiredService<IDbContextFactory<ServantLeaderDb>>().CreateDbContextAsync(ct);
        async Task Move(int id, DateOnly day, int hour, double? answered, double? resolved)
        {
            var created = LocalAt(day, hour).ToUnixTimeMilliseconds();
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE \"ServiceRequests\" SET \"CreatedAt\" = {0}, \"AcknowledgedAt\" = CASE WHEN \"AcknowledgedAt\" IS NULL THEN NULL ELSE {1} END, "
                + "\"ResolvedAt\" = CASE WHEN \"ResolvedAt\" IS NULL THEN NULL ELSE {2} END, "
                + "\"ConfirmedAt\" = CASE WHEN \"ConfirmedAt\" IS NULL THEN NULL ELSE {3} END WHERE \"Id\" = {4}",
                [created, Hours(created, answered), Hours(created, resolved), Hours(created, resolved + 1), id], ct);
        }
        await Move(anas, week, 10, 2, 4);               // Monday: answered within the day
        await Move(bens, week.AddDays(1), 10, 48, 50);  // Tuesday: answered Thursday, a day late
        await Move(cals, week.AddDays(2), 10, 1, 5);    // Wednesday: within the hour
        await Move(devs, week.AddDays(3), 10, null, null);   // Thursday: never answered, due Friday 10:00
        await Move(eves, week.AddDays(4), 10, 1, null);      // Friday: answered, still open
        // This morning Ana and Ben asked again: waiting now, but not due yet, and outside the week.
        await Ask(ana, waiting);
        await Ask(ben, waiting);
        foreach (var member in answerers)
        {
            var id = await Ask(member, answering);
            await Respond(ivy, id, r => requests.ResolveAsync(ivy, r, ct));
            await Move(id, week.AddDays(1), 9, 1, 1);
        }
        foreach (var member in steadies)
        {
            var id = await Ask(member, steady);
            await Respond(umay, id, r => requests.ResolveAsync(umay, r, ct));
            await Move(id, week.AddDays(2), 9, 1, 1);
        }

        // Check-ins: Ana's on Monday, reviewed two hours later; the others' on Sunday 20:00, less than 3 days ago.
        var writing = services.GetRequiredService<CheckInWriting>();
        foreach (var member in new[] { ana, ben, cal, dev, eve })
        {
            var id = await writing.SubmitAsync(member, new CheckInAnswers { TeamId = waiting, Pulse = 4, Wins = "Shipped." }, ct);
            if (member == ana)
            {
                var submitted = LocalAt(week, 9).ToUnixTimeMilliseconds();
                await db.Database.ExecuteSqlRawAsync(
                    "UPDATE \"CheckIns\" SET \"SubmittedAt\" = {0}, \"Status\" = 'Reviewed', \"ReviewedAt\" = {1}, \"ReviewedById\" = {2} WHERE \"Id\" = {3}",
                    [submitted, submitted + 2 * 3_600_000L, lena.PersonId, id], ct);
                continue;
            }
            await db.Database.ExecuteSqlRawAsync("UPDATE \"CheckIns\" SET \"SubmittedAt\" = {0} WHERE \"Id\" = {1}",
                [LocalAt(week.AddDays(6), 20).ToUnixTimeMilliseconds(), id], ct);
        }
        // Both teams were formed long before the week: a figure of the team as it was then sees them whole.
        var formed = LocalAt(week.AddDays(-60), 9).ToUnixTimeMilliseconds();
        await db.Database.ExecuteSqlRawAsync("UPDATE \"Memberships\" SET \"Since\" = {0} WHERE \"TeamId\" IN ({1}, {2}, {3})",
            [formed, waiting, answering, steady], ct);
        var devsCreated = LocalAt(week.AddDays(3), 10).ToUnixTimeMilliseconds();
        return new Seeded(twin, now, week, waiting, answering, lena, devsCreated);
    }

    /// <summary>An instant some hours after another; only written where the services had set one (see Move).</summary>
    private static long Hours(long from, double? hours) => from + (long)((hours ?? 0) * 3_600_000);

    private static DateTimeOffset LocalAt(DateOnly day, int hour)
    {
        var local = day.ToDateTime(new TimeOnly(hour, 0));
        return new DateTimeOffset(local, TimeZoneInfo.Local.GetUtcOffset(local));
    }

    /// <summary>The twin app's clock: stopped, so ages and "less than 3 days ago" do not move while the test reads.</summary>
    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
