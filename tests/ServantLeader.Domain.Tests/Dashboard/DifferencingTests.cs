using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Dashboard;
using ServantLeader.Domain.Requests;
using ServantLeader.Domain.Support;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Tests.Dashboard;

/// <summary>
/// HR tries to recover one member's rating and outcome by asking for two periods and subtracting. Ana is the only
/// member who asked for help (and got support) in the week of 19 October, and the only one who asked on Friday
/// 30 October; Ben, Cal and Dev ask every Monday. Every period HR can ask for is tried; Ana's isolated request is then
/// given another rating and outcome, and not one of HR's figures, weekly points or support kinds may move.
/// </summary>
[Trait("Area", "Trust")]
[Trait("Area", "Dashboard")]
public sealed class DifferencingTests : IAsyncLifetime
{
    private static readonly DateOnly Window = new(2026, 10, 5);      // a Monday; five whole weeks to Sunday 8 November
    private static readonly DateOnly AnasWeek = new(2026, 10, 19);
    private static readonly DateOnly AnasFriday = new(2026, 10, 30);

    private readonly TestDatabase _db = new(onDisk: true);
    private Actor _hr = null!;
    private Actor _lena = null!;
    private int _team;
    private int _anasRequest;
    private int _anasSupport;

    private DashboardService Dashboards => _db.Get<DashboardService>();

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        MoveClockTo(new DateTimeOffset(2026, 9, 28, 8, 0, 0, TimeSpan.Zero));
        _hr = await _db.PersonAsync("Hilde Hr", isHr: true);
        _lena = await _db.PersonAsync("Lena Leader");
        var ana = await _db.PersonAsync("Ana Member");
        var others = new[] { await _db.PersonAsync("Ben Member"), await _db.PersonAsync("Cal Member"), await _db.PersonAsync("Dev Member") };
        _team = await _db.TeamAsync("Trust", [(_lena, TeamRole.Leader), (ana, TeamRole.Member), .. others.Select(o => (o, TeamRole.Member))]);

        for (var week = Window; week < Window.AddDays(35); week = week.AddDays(7))
        {
            if (week == AnasWeek)
            {
                _anasRequest = await RequestAsync(ana, At(week.AddDays(2), 10), TimeSpan.FromHours(2), rating: 5);
                _anasSupport = await SupportAsync(ana, week.AddDays(2), minutes: 30);
                continue;
            }
            for (var i = 0; i < others.Length; i++)
            {
                await RequestAsync(others[i], At(week, 8 + 2 * i), TimeSpan.FromHours(1), rating: 4);
                await SupportAsync(others[i], week, minutes: 60);
            }
            if (week.AddDays(4) == AnasFriday)
            {
                await RequestAsync(ana, At(AnasFriday, 10), TimeSpan.FromHours(3), rating: 1);
            }
        }
        MoveClockTo(new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero));
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task No_pair_of_periods_HR_can_ask_for_reveals_a_members_rating_or_outcome()
    {
        // Every custom period of days in the five weeks: HR gets only those of whole weeks, and a message for the rest.
        var accepted = new List<DashboardPeriod>();
        for (var from = Window; from < Window.AddDays(35); from = from.AddDays(1))
        {
            for (var to = from; to < Window.AddDays(35); to = to.AddDays(1))
            {
                var period = Dashboards.Custom(from, to);
                try
                {
                    await Dashboards.TeamAsync(_hr, _team, period, 4, default);
                    accepted.Add(period);
                }
                catch (RuleViolationException refused)
                {
                    Assert.False(from.DayOfWeek == DayOfWeek.Monday && to.DayOfWeek == DayOfWeek.Sunday, $"{period} is whole weeks: {refused.Message}");
                }
            }
        }
        Assert.All(accepted, p => Assert.True(p.From.DayOfWeek == DayOfWeek.Monday && p.To.DayOfWeek == DayOfWeek.Sunday, $"HR was given {p}"));
        Assert.Equal(15, accepted.Count);   // 5 + 4 + 3 + 2 + 1 runs of whole weeks
        accepted.Add(Dashboards.LastWeeks(4));
        accepted.Add(Dashboards.LastWeeks(12));

        // What HR sees with Ana's real answer; with another rating and outcome; with her request declined and unrated.
        var asIs = await HrViewAsync(accepted);
        await SetAnasRequestAsync("""
            "Rating" = 1, "AcknowledgedAt" = "CreatedAt" + 144000000, "ResolvedAt" = "CreatedAt" + 144000000
            """, minutes: 300);
        var otherRating = await HrViewAsync(accepted);
        await SetAnasRequestAsync("""
            "Status" = 'Declined', "DeclinedAt" = "ResolvedAt", "DeclinedById" = "ResolvedById", "DeclineReason" = 'Not ours',
            "ResolvedAt" = NULL, "ResolvedById" = NULL, "Resolution" = NULL, "Rating" = NULL, "RatingComment" = NULL, "ConfirmedAt" = NULL
            """, minutes: 5);
        var declined = await HrViewAsync(accepted);

        Assert.Equal(asIs, otherRating);
        Assert.Equal(asIs, declined);

        // Not vacuous: across Ana's week HR does see figures, exactly those of the weeks without her (3 × 4 and 3 × 4 + 1).
        var threeWeeks = await Dashboards.TeamAsync(_hr, _team, Dashboards.Custom(AnasWeek.AddDays(-7), AnasWeek.AddDays(13)), 4, default);
        Assert.Equal(7, threeWeeks[Measure.RequestsReceived].Value);
        Assert.Equal(25 / 7.0, threeWeeks[Measure.SatisfactionMean].Value!.Value, 9);
        Assert.Equal(6, threeWeeks[Measure.SupportHours].Value);
        Assert.True(threeWeeks.Trends[Measure.SatisfactionMean].Single(p => p.WeekStart == AnasWeek).Withheld);
    }

    [Fact]
    public async Task A_leader_of_the_team_still_sees_exact_figures_of_any_days()
    {
        var mondayToThursday = await Dashboards.TeamAsync(_lena, _team, Dashboards.Custom(AnasFriday.AddDays(-4), AnasFriday.AddDays(-1)), 4, default);
        var mondayToFriday = await Dashboards.TeamAsync(_lena, _team, Dashboards.Custom(AnasFriday.AddDays(-4), AnasFriday), 4, default);
        var anasWeek = await Dashboards.TeamAsync(_lena, _team, Dashboards.Custom(AnasWeek, AnasWeek.AddDays(6)), 4, default);

        Assert.Equal(4, mondayToThursday[Measure.SatisfactionMean].Value);
        Assert.Equal(13 / 4.0, mondayToFriday[Measure.SatisfactionMean].Value);
        Assert.Equal(5, anasWeek[Measure.SatisfactionMean].Value);
        Assert.Equal(2, anasWeek[Measure.ResolveMedianHours].Value);
        Assert.Equal(0.5, anasWeek[Measure.SupportHours].Value);
        Assert.All(anasWeek.Figures, f => Assert.False(f.Withheld));
    }

    [Fact]
    public async Task HR_asking_for_days_that_are_not_whole_weeks_is_told_which_weeks_to_ask_for()
    {
        var refused = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Dashboards.TeamAsync(_hr, _team, Dashboards.Custom(new DateOnly(2026, 10, 21), new DateOnly(2026, 10, 29)), 4, default));
        Assert.Equal(["HR sees whole weeks only: start on a Monday, such as 2026-10-19."], refused.Errors["from"]);
        Assert.Equal(["HR sees whole weeks only: end on a Sunday, such as 2026-11-01."], refused.Errors["to"]);

        var unfinished = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Dashboards.OverviewAsync(_hr, Dashboards.Custom(new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 17)), default));
        Assert.Equal(["HR sees only weeks that are over: end on a Sunday no later than 2026-11-15."], unfinished.Errors["to"]);

        // A preset is the last whole weeks: today is Wednesday 18 November, so they end on Sunday the 15th.
        var preset = await Dashboards.TeamAsync(_hr, _team, Dashboards.LastWeeks(4), 4, default);
        Assert.Equal((new DateOnly(2026, 10, 19), new DateOnly(2026, 11, 15)), (preset.Period.From, preset.Period.To));
        Assert.Equal(4, preset.Trends[Measure.RequestsReceived].Count);
        var overview = await Dashboards.OverviewAsync(_hr, Dashboards.LastWeeks(12), default);
        Assert.Equal((new DateOnly(2026, 8, 24), new DateOnly(2026, 11, 15)), (overview.Period.From, overview.Period.To));
    }

    /// <summary>Everything HR sees over each period, as text, so that two views compare in one assertion.</summary>
    private async Task<List<string>> HrViewAsync(IEnumerable<DashboardPeriod> periods)
    {
        var lines = new List<string>();
        foreach (var period in periods)
        {
            var dashboard = await Dashboards.TeamAsync(_hr, _team, period, 4, default);
            Assert.True(dashboard.ForHr);
            lines.AddRange(dashboard.Figures.Select(f => $"{dashboard.Period} {f.Measure} {f.Value:R} {f.Withheld}"));
            lines.AddRange(dashboard.Trends.SelectMany(t => t.Value.Select(p => $"{dashboard.Period} {t.Key} {p.WeekStart} {p.Value:R} {p.Withheld}")));
            lines.AddRange(dashboard.Categories.Select(c => $"{dashboard.Period} {c.Category} {c.Entries} {c.Hours:R} {c.Withheld}"));
            var overview = await Dashboards.OverviewAsync(_hr, period, default);
            var row = overview.Rows.Single(r => r.TeamId == _team);
            lines.AddRange(row.Figures.Values.Select(f => $"overview {overview.Period} {f.Measure} {f.Value:R} {f.Withheld}"));
            lines.AddRange(overview.OrganisationMedians.Select(m => $"median {overview.Period} {m.Key} {m.Value:R}"));
        }
        return lines;
    }

    private async Task SetAnasRequestAsync(string assignments, int minutes)
    {
        await using var db = _db.NewDb();
        var request = "UPDATE \"ServiceRequests\" SET " + assignments + " WHERE \"Id\" = {0}";
        await db.Database.ExecuteSqlRawAsync(request, [_anasRequest]);
        await db.Database.ExecuteSqlRawAsync("UPDATE \"SupportEntries\" SET \"Minutes\" = {0} WHERE \"Id\" = {1}", [minutes, _anasSupport]);
    }

    private async Task<int> RequestAsync(Actor member, DateTimeOffset at, TimeSpan resolvedAfter, int rating)
    {
        var requests = _db.Get<RequestService>();
        MoveClockTo(at);
        var id = await requests.AskAsync(member, new AskForHelp
        {
            TeamId = _team, Category = SupportCategory.Coaching, Title = "Help with the quarterly plan", Details = "A second opinion.",
        }, default);
        MoveClockTo(at + resolvedAfter);
        var asked = await requests.GetAsync(_lena, id, default);
        await requests.ResolveAsync(_lena, new RespondToRequest { RequestId = id, ExpectedVersion = asked.Version, Note = "Talked it through." }, default);
        MoveClockTo(at + resolvedAfter + TimeSpan.FromMinutes(5));
        var resolved = await requests.GetAsync(member, id, default);
        await requests.ConfirmAsync(member, new ConfirmRequest { RequestId = id, ExpectedVersion = resolved.Version, Rating = rating }, default);
        return id;
    }

    private Task<int> SupportAsync(Actor member, DateOnly day, int minutes) =>
        _db.Get<SupportService>().LogAsync(_lena, new LogSupport
        {
            TeamId = _team, MemberId = member.PersonId, Category = SupportCategory.Coaching, Minutes = minutes, Date = day, Note = "Pairing.",
        }, default);

    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    private void MoveClockTo(DateTimeOffset instant) => _db.Clock.Advance(instant - _db.Clock.Now);
}
