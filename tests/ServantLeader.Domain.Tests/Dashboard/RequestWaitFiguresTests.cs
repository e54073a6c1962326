using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Dashboard;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Requests;
using ServantLeader.Domain.Support;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Tests.Dashboard;

/// <summary>
/// Requests that wait count, satisfaction's companions and the review rate's people, on a team whose every request is
/// written out below: each expected value is worked out by hand from docs/metrics.md in the comments beside it.
/// Runs on SQLite and on PostgreSQL (the deadline arithmetic is SQL).
/// </summary>
[Trait("Area", "Dashboard")]
public sealed class RequestWaitFiguresTests : DatabaseTests
{
    // Wednesday 18 November 2026, 10:00 UTC; the zone is UTC unless a test sets another.
    private static readonly DateTimeOffset Wednesday18 = new(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);

    private Actor _lena = null!;
    private Actor[] _members = null!;
    private int _team;

    private RequestService Requests => Db.Get<RequestService>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // The team exists before every request and check-in below: it was formed on 1 October.
        MoveClockTo(new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero));
        _lena = await Db.PersonAsync("Lena Leader");
        _members = [await Db.PersonAsync("Ana"), await Db.PersonAsync("Ben"), await Db.PersonAsync("Cal"), await Db.PersonAsync("Dev")];
        _team = await Db.TeamAsync("Waiting", [(_lena, TeamRole.Leader), .. _members.Select(m => (m, TeamRole.Member))]);
    }

    [Fact]
    public async Task A_first_response_counts_within_target_by_working_days_and_a_request_still_waiting_past_it_is_a_miss()
    {
        var (ana, ben, cal, dev) = (_members[0], _members[1], _members[2], _members[3]);
        // Week of Monday 2 November. Friday 15:00 → due Monday 15:00; answered Monday 14:00: within.
        var fridays = await AskAtAsync(ana, At(11, 6, 15));
        await AcknowledgeAtAsync(fridays, At(11, 9, 14));
        // Saturday: the clock starts Monday 00:00 → due Tuesday 00:00; answered Tuesday 01:00: a miss.
        var saturdays = await AskAtAsync(ben, At(11, 7, 12));
        await AcknowledgeAtAsync(saturdays, At(11, 10, 1));
        // Monday 09:00 → due Tuesday 09:00; answered exactly then: within.
        var mondays = await AskAtAsync(cal, At(11, 2, 9));
        await AcknowledgeAtAsync(mondays, At(11, 3, 9));
        // Wednesday 10:00, never answered: due Thursday 10:00, long past: a miss, and waiting now.
        await AskAtAsync(dev, At(11, 4, 10));
        // Today 09:00, not answered yet: due tomorrow, so not counted against the target yet; waiting now too.
        await AskAtAsync(ana, At(11, 18, 9));
        MoveClockTo(Wednesday18);

        var dashboards = Db.Get<DashboardService>();
        var week = await dashboards.TeamAsync(_lena, _team, dashboards.Custom(new(2026, 11, 2), new(2026, 11, 8)), 4, default);
        Assert.Equal(2 / 4.0, week[Measure.AcknowledgedWithinTarget].Value);   // Ana, Cal of Ana, Ben, Cal, Dev
        Assert.Equal(4, week[Measure.AcknowledgedWithinTarget].People);
        Assert.Equal(1, week[Measure.NotYetAcknowledged].Value);                 // Dev's
        Assert.Equal(4, week[Measure.NotYetResolved].Value);                     // none is resolved or declined
        Assert.Equal(2, week[Measure.WaitingNow].Value);                         // Dev's and today's, whatever the period
        Assert.Equal(14 * 24, week[Measure.LongestWaitHours].Value);             // Dev's: 4 → 18 November, 10:00

        var today = await dashboards.TeamAsync(_lena, _team, dashboards.Custom(new(2026, 11, 16), new(2026, 11, 18)), 4, default);
        Assert.Null(today[Measure.AcknowledgedWithinTarget].Value);              // today's request is not due yet: no data
        Assert.Equal(1, today[Measure.NotYetAcknowledged].Value);

        // Two working days: Ben's is due Wednesday 00:00 and within; Dev's is due Friday 10:00, still a miss.
        var twoDays = new DashboardService(Db.Get<IDbContextFactory<ServantLeaderDb>>(), Db.Clock, new MemoryCache(new MemoryCacheOptions()),
            Options.Create(new AcknowledgeTargetOptions { AcknowledgeTargetWorkingDays = 2 }), Options.Create(new FairnessOptions()));
        var relaxed = await twoDays.TeamAsync(_lena, _team, twoDays.Custom(new(2026, 11, 2), new(2026, 11, 8)), 4, default);
        Assert.Equal(3 / 4.0, relaxed[Measure.AcknowledgedWithinTarget].Value);
    }

    [Fact]
    public async Task Five_working_days_from_a_Thursday_end_on_the_next_Thursday_across_a_daylight_saving_change()
    {
        // Europe/Berlin leaves summer time on Sunday 25 October 2026. Thursday 22 October 10:00 local is 08:00 UTC;
        // five working days later is Thursday 29 October 10:00 local, 09:00 UTC.
        Db.Clock.Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var asked = await AskAtAsync(_members[0], new DateTimeOffset(2026, 10, 22, 8, 0, 0, TimeSpan.Zero));
        await AcknowledgeAtAsync(asked, new DateTimeOffset(2026, 10, 29, 9, 0, 0, TimeSpan.Zero));
        var late = await AskAtAsync(_members[1], new DateTimeOffset(2026, 10, 22, 8, 0, 0, TimeSpan.Zero));
        await AcknowledgeAtAsync(late, new DateTimeOffset(2026, 10, 29, 9, 1, 0, TimeSpan.Zero));
        MoveClockTo(Wednesday18);
        var fiveDays = new DashboardService(Db.Get<IDbContextFactory<ServantLeaderDb>>(), Db.Clock, new MemoryCache(new MemoryCacheOptions()),
            Options.Create(new AcknowledgeTargetOptions { AcknowledgeTargetWorkingDays = 5 }), Options.Create(new FairnessOptions()));

        var week = await fiveDays.TeamAsync(_lena, _team, fiveDays.Custom(new(2026, 10, 19), new(2026, 10, 25)), 4, default);

        Assert.Equal(1 / 2.0, week[Measure.AcknowledgedWithinTarget].Value);
    }

    [Fact]
    public async Task Confirmed_share_and_reopen_rate_count_what_the_member_did_with_the_answers()
    {
        var (ana, ben, cal, dev) = (_members[0], _members[1], _members[2], _members[3]);
        var confirmed = await AskAtAsync(ana, At(11, 9, 9));
        await ResolveAtAsync(confirmed, At(11, 9, 12));
        await Requests.ConfirmAsync(ana, new() { RequestId = confirmed, ExpectedVersion = await VersionAsync(ana, confirmed), Rating = 5 }, default);
        var reopened = await AskAtAsync(ben, At(11, 10, 9));
        await ResolveAtAsync(reopened, At(11, 10, 12));
        await Requests.ReopenAsync(ben, new() { RequestId = reopened, ExpectedVersion = await VersionAsync(ben, reopened), Note = "Still stuck." }, default);
        await ResolveAtAsync(reopened, At(11, 11, 12));
        var resolved = await AskAtAsync(cal, At(11, 11, 9));
        await ResolveAtAsync(resolved, At(11, 11, 10));
        var declined = await AskAtAsync(dev, At(11, 12, 9));
        await Requests.DeclineAsync(_lena, new() { RequestId = declined, ExpectedVersion = await VersionAsync(_lena, declined), Note = "Not ours." }, default);
        var declinedThenReopened = await AskAtAsync(ana, At(11, 12, 9));
        await Requests.DeclineAsync(_lena, new() { RequestId = declinedThenReopened, ExpectedVersion = await VersionAsync(_lena, declinedThenReopened), Note = "No." }, default);
        await Requests.ReopenAsync(ana, new() { RequestId = declinedThenReopened, ExpectedVersion = await VersionAsync(ana, declinedThenReopened), Note = "Please." }, default);
        MoveClockTo(Wednesday18);

        var dashboards = Db.Get<DashboardService>();
        var week = await dashboards.TeamAsync(_lena, _team, dashboards.Custom(new(2026, 11, 9), new(2026, 11, 15)), 4, default);

        // Resolved now: Ana's (confirmed), Ben's, Cal's → 1 of 3 confirmed.
        Assert.Equal(1 / 3.0, week[Measure.ConfirmedShare].Value);
        // Reopened at least once: Ben's and Ana's second; of those resolved now or reopened: Ana's, Ben's, Cal's, Ana's second.
        Assert.Equal(2 / 4.0, week[Measure.ReopenRate].Value);
        Assert.Equal(3, week[Measure.ReopenRate].People);
        Assert.Equal(1, week[Measure.NotYetResolved].Value);                     // Ana's second, open again
        Assert.Equal(0, week[Measure.NotYetAcknowledged].Value);                 // every one had a first response
        Assert.Equal(0, week[Measure.WaitingNow].Value);
        Assert.Null(week[Measure.LongestWaitHours].Value);
    }

    [Fact]
    public async Task HR_sees_the_review_rate_withheld_when_one_persons_check_in_is_its_whole_denominator()
    {
        // The week of 9 November: Ana's check-in is reviewed; Ben's, Cal's and Dev's were submitted on Sunday evening,
        // less than 3 days before now (Tuesday 17 November, 10:00), and are not reviewed: outside the denominator.
        var ana = await SubmitAtAsync(_members[0], At(11, 9, 9));
        MoveClockTo(At(11, 9, 15));
        var view = await Db.Get<CheckInReview>().GetAsync(_lena, ana, default);
        await Db.Get<CheckInReview>().MarkReviewedAsync(_lena, ana, view.Version, default);
        foreach (var member in _members.Skip(1))
        {
            await SubmitAtAsync(member, At(11, 15, 20));
        }
        MoveClockTo(At(11, 17, 10));
        var hr = await Db.PersonAsync("Hana HR", isHr: true);
        var dashboards = Db.Get<DashboardService>();
        var week = dashboards.Custom(new(2026, 11, 9), new(2026, 11, 15));

        var lenas = await dashboards.TeamAsync(_lena, _team, week, 4, default);
        var hrs = await dashboards.TeamAsync(hr, _team, week, 4, default);
        var overview = await dashboards.OverviewAsync(hr, week, default);

        Assert.Equal(1.0, lenas[Measure.ReviewRate].Value);                      // 1 reviewed on time of 1 due
        Assert.Equal(1, lenas[Measure.ReviewRate].People);                       // Ana alone, not the 4 who submitted
        Assert.True(hrs[Measure.ReviewRate].Withheld);
        Assert.Null(hrs[Measure.ReviewRate].Value);
        Assert.Equal(1, hrs[Measure.ReviewRate].WithheldWeeks);
        Assert.True(overview.Rows.Single(r => r.TeamId == _team)[Measure.ReviewRate].Withheld);
    }

    private static DateTimeOffset At(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    private void MoveClockTo(DateTimeOffset instant) => Db.Clock.Advance(instant - Db.Clock.Now);

    private async Task<int> AskAtAsync(Actor member, DateTimeOffset at)
    {
        MoveClockTo(at);
        return await Requests.AskAsync(member, new AskForHelp
        {
            TeamId = _team, Category = SupportCategory.RemovingObstacle, Title = "Stuck", Details = "Waiting on access.", Urgency = Urgency.Normal,
        }, default);
    }

    private async Task AcknowledgeAtAsync(int request, DateTimeOffset at)
    {
        MoveClockTo(at);
        await Requests.AcknowledgeAsync(_lena, new() { RequestId = request, ExpectedVersion = await VersionAsync(_lena, request) }, default);
    }

    private async Task ResolveAtAsync(int request, DateTimeOffset at)
    {
        MoveClockTo(at);
        await Requests.ResolveAsync(_lena, new() { RequestId = request, ExpectedVersion = await VersionAsync(_lena, request), Note = "Done." }, default);
    }

    private async Task<int> VersionAsync(Actor actor, int request) => (await Requests.GetAsync(actor, request, default)).Version;

    private async Task<int> SubmitAtAsync(Actor member, DateTimeOffset at)
    {
        MoveClockTo(at);
        return await Db.Get<CheckInWriting>().SubmitAsync(member, new CheckInAnswers { TeamId = _team, Pulse = 4, Wins = "Shipped." }, default);
    }
}
