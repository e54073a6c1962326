using ServantLeader.Domain.Common;
using ServantLeader.Domain.Dashboard;
using ServantLeader.Domain.Support;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Tests.Dashboard;

[Trait("Area", "Dashboard")]
public sealed class DashboardRulesTests : OrganisationTests
{
    private DashboardService Dashboards => Db.Get<DashboardService>();

    private void MoveClockTo(DateTimeOffset instant) => Db.Clock.Advance(instant - Db.Clock.Now);

    [Fact]
    public async Task A_week_across_the_end_of_daylight_saving_keeps_its_last_local_hour()
    {
        // Europe/Berlin leaves summer time on Sunday 25 October 2026: that week is 169 hours long.
        Db.Clock.Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        MoveClockTo(new DateTimeOffset(2026, 10, 25, 23, 30, 0, TimeSpan.FromHours(1)));   // Sunday 23:30 local, 22:30 UTC
        await Org.AskAsync(Org.Mia, "Late on Sunday");
        MoveClockTo(new DateTimeOffset(2026, 10, 26, 0, 30, 0, TimeSpan.FromHours(1)));    // Monday 00:30 local
        await Org.AskAsync(Org.Max, "Early on Monday");
        MoveClockTo(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.FromHours(1)));

        var dashboard = await Dashboards.TeamAsync(Org.Lea, Org.Product, Dashboards.Custom(new(2026, 10, 19), new(2026, 11, 1)), 4, default);

        var weeks = dashboard.Trends[Measure.RequestsReceived];
        Assert.Equal([new DateOnly(2026, 10, 19), new DateOnly(2026, 10, 26)], weeks.Select(w => w.WeekStart));
        Assert.Equal([1.0, 1.0], weeks.Select(w => w.Value!.Value));
        var (start, end) = new DayRange(new(2026, 10, 19), new(2026, 10, 25)).Instants(Db.Clock.Zone);
        Assert.Equal(169 * 3_600_000L, end - start);
    }

    [Fact]
    public async Task A_request_acknowledged_after_its_period_ended_counts_in_the_period_it_was_made()
    {
        MoveClockTo(new DateTimeOffset(2026, 11, 1, 22, 0, 0, TimeSpan.Zero));   // the last day of the period
        var request = await Org.AskAsync(Org.Mia);
        MoveClockTo(new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.Zero));   // 36 hours later, in the next period
        await Org.Requests.AcknowledgeAsync(Org.Lea, Organisation.Respond(request), default);
        MoveClockTo(new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero));

        var october = await Dashboards.TeamAsync(Org.Lea, Org.Product, Dashboards.Custom(new(2026, 10, 5), new(2026, 11, 1)), 4, default);
        var november = await Dashboards.TeamAsync(Org.Lea, Org.Product, Dashboards.Custom(new(2026, 11, 2), new(2026, 11, 15)), 4, default);

        Assert.Equal(1, october[Measure.RequestsReceived].Value);
        Assert.Equal(36, october[Measure.AcknowledgeMedianHours].Value);
        Assert.Equal(0, november[Measure.RequestsReceived].Value);
        Assert.Null(november[Measure.AcknowledgeMedianHours].Value);
    }

    [Fact]
    public async Task A_new_team_shows_no_data_instead_of_zero_divided_by_zero()
    {
        var team = await Db.TeamAsync("Brand new", (Org.Otto, TeamRole.Leader));

        var dashboard = await Dashboards.TeamAsync(Org.Otto, team, Dashboards.LastWeeks(12), 4, default);

        Assert.False(dashboard.HasData);
        Assert.Equal(0, dashboard.Members);
        Assert.All(dashboard.Figures, f => Assert.True(f.Value is null or 0, $"{f.Measure} is {f.Value}"));
        Assert.Null(dashboard[Measure.Coverage].Value);
        Assert.Null(dashboard[Measure.ResolutionRate].Value);
        Assert.Equal(0, dashboard[Measure.RequestsReceived].Value);
        Assert.Empty(dashboard.Categories);
        Assert.Empty(dashboard.MemberCoverage!);
        Assert.All(dashboard.Trends.Values.SelectMany(p => p), p => Assert.False(p.Value is double v && double.IsNaN(v)));
    }

    [Fact]
    public async Task Proactive_support_raises_coverage_and_the_member_table_shows_who_has_gone_without()
    {
        var before = await Dashboards.TeamAsync(Org.Lea, Org.Product, Dashboards.LastWeeks(4), 4, default);
        await Org.Support.LogAsync(Org.Lea, new LogSupport
        {
            TeamId = Org.Product, MemberId = Org.Mia.PersonId, Category = SupportCategory.Encouragement, Minutes = 45,
            Date = Db.Clock.Today, Note = "Noticed the release went well.",
        }, default);

        var after = await Dashboards.TeamAsync(Org.Lea, Org.Product, Dashboards.LastWeeks(4), 4, default);

        Assert.Equal(0, before[Measure.Coverage].Value);
        Assert.Equal(0.5, after[Measure.Coverage].Value);
        Assert.Equal(1, after[Measure.ProactiveShare].Value);
        Assert.Equal(0.75, after[Measure.SupportHours].Value);
        var mia = after.MemberCoverage!.Single(m => m.PersonId == Org.Mia.PersonId);
        var max = after.MemberCoverage!.Single(m => m.PersonId == Org.Max.PersonId);
        Assert.Equal((1, false, Db.Clock.Today), (mia.Entries, mia.Quiet, mia.LastSupport!.Value));
        // Max joined today: not "without support for 4 weeks" on his first day (docs/metrics.md, member coverage table).
        Assert.False(max.Quiet);
        Assert.Null(max.LastSupport);
        Assert.Equal(Db.Clock.Today, max.MemberSince);
        Assert.Equal(SupportCategory.Encouragement, Assert.Single(after.Categories).Category);

        // Four weeks on, he has been in the team four weeks without support: flagged, first in the table.
        Db.Clock.Advance(TimeSpan.FromDays(28));
        var later = await Dashboards.TeamAsync(Org.Lea, Org.Product, Dashboards.LastWeeks(4), 4, default);
        Assert.Equal((Org.Max.PersonId, true), (later.MemberCoverage![0].PersonId, later.MemberCoverage[0].Quiet));
    }

    [Fact]
    public async Task Only_the_teams_leaders_and_HR_open_a_dashboard_and_HR_sees_no_individual()
    {
        await Org.Support.LogAsync(Org.Lea, new LogSupport
        {
            TeamId = Org.Product, MemberId = Org.Mia.PersonId, Minutes = 30, Date = Db.Clock.Today, Note = "Private coaching note",
        }, default);
        var period = Dashboards.LastWeeks(4);
        // HR sees whole weeks that are over: two weeks on, the entry's week is one of them.
        Db.Clock.Advance(TimeSpan.FromDays(14));

        await Assert.ThrowsAsync<NotFoundException>(() => Dashboards.TeamAsync(Org.Mia, Org.Product, period, 4, default));
        await Assert.ThrowsAsync<NotFoundException>(() => Dashboards.TeamAsync(Org.Otto, Org.Product, period, 4, default));
        await Assert.ThrowsAsync<NotFoundException>(() => Dashboards.TeamAsync(Org.Admin, Org.Product, period, 4, default));
        await Assert.ThrowsAsync<ActionNotAllowedException>(() => Dashboards.OverviewAsync(Org.Lea, period, default));
        await Assert.ThrowsAsync<ActionNotAllowedException>(() => Dashboards.OrganisationMediansAsync(Org.Mia, period, default));

        var hr = await Dashboards.TeamAsync(Org.Hr, Org.Product, period, 4, default);
        Assert.True(hr.ForHr);
        Assert.Null(hr.MemberCoverage);
        // Product has two members: anything computed from them is withheld from HR, and the one entry's category too.
        Assert.True(hr[Measure.Coverage].Withheld);
        Assert.Null(hr[Measure.Coverage].Value);
        Assert.True(hr[Measure.SupportHours].Withheld);
        Assert.True(Assert.Single(hr.Categories).Withheld);
        Assert.All(hr.Trends[Measure.SupportHours], p => Assert.True(p.Value is null or 0));

        var lea = await Dashboards.TeamAsync(Org.Lea, Org.Product, period, 4, default);
        Assert.False(lea[Measure.Coverage].Withheld);
        Assert.Equal(0.5, lea[Measure.Coverage].Value);
        Assert.Equal(["Platform", "Product"], (await Dashboards.TeamsAsync(Org.Hr, default)).Select(t => t.Name));
        Assert.Equal([Org.Product], (await Dashboards.TeamsAsync(Org.Lea, default)).Select(t => t.Id));
        Assert.Empty(await Dashboards.TeamsAsync(Org.Mia, default));
    }

    [Fact]
    public void A_custom_period_is_checked_field_by_field()
    {
        var today = Db.Clock.Today;
        var backwards = Assert.Throws<RuleViolationException>(() => Dashboards.Custom(today, today.AddDays(-3)));
        Assert.Contains("from", backwards.Errors.Keys);
        var future = Assert.Throws<RuleViolationException>(() => Dashboards.Custom(today, today.AddDays(1)));
        Assert.Contains("to", future.Errors.Keys);
        var tooLong = Assert.Throws<RuleViolationException>(() => Dashboards.Custom(today.AddYears(-3), today));
        Assert.Contains("from", tooLong.Errors.Keys);
        Assert.Equal(today.AddYears(-2).AddDays(1), Dashboards.Custom(today.AddYears(-2).AddDays(1), today).From);
    }

    [Fact]
    public void The_last_weeks_end_today_and_start_on_a_Monday()
    {
        var period = Dashboards.LastWeeks(12);
        Assert.Equal(Db.Clock.Today, period.To);
        Assert.Equal(DayOfWeek.Monday, period.From.DayOfWeek);
        Assert.Equal(12, period.WeekRanges().Count);
        Assert.Equal(new DateOnly(2026, 11, 16), period.WeekRanges()[^1].From);
        Assert.Equal(new DateOnly(2026, 11, 18), period.WeekRanges()[^1].To);
    }

    [Fact]
    public void Percentiles_interpolate_between_closest_ranks()
    {
        Assert.Equal(2.5, Percentile.Of([1, 2, 3, 4], 50));
        Assert.Equal(3.7, Percentile.Of([1, 2, 3, 4], 90)!.Value, 10);
        Assert.Null(Percentile.Of([], 50));
        Assert.Equal(7, Percentile.Interpolate(1, 90, 7, null));
        Assert.Equal(3.7, Percentile.Interpolate(4, 90, 3, 4)!.Value, 10);
    }
}
