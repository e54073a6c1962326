using ServantLeader.Domain.Common;
using ServantLeader.Domain.Dashboard;
using ServantLeader.Domain.Requests;
using ServantLeader.Domain.Support;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Tests.Dashboard;

/// <summary>The count behind each figure and its interval, against values worked by hand (docs/metrics.md).</summary>
[Trait("Area", "Dashboard")]
public sealed class FigureUncertaintyTests : OrganisationTests
{
    private DashboardService Dashboards => Db.Get<DashboardService>();

    [Theory]
    // Worked by hand with z = 1.96: p = k/n, centre = (p + z²/2n)/(1 + z²/n), half = z/(1 + z²/n)·√(p(1 − p)/n + z²/4n²).
    [InlineData(2, 10, 0.05668, 0.50984)]
    [InlineData(0, 5, 0.0, 0.43449)]
    [InlineData(5, 5, 0.56551, 1.0)]
    [InlineData(1, 1, 0.20654, 1.0)]
    [InlineData(15, 30, 0.33154, 0.66846)]
    public void Wilson_matches_hand_worked_intervals(int successes, int trials, double low, double high)
    {
        var interval = FigureUncertainty.Wilson(successes, trials);
        Assert.NotNull(interval);
        Assert.Equal(low, interval.Value.Low, 4);
        Assert.Equal(high, interval.Value.High, 4);
    }

    [Fact]
    public void Wilson_has_no_interval_without_trials()
    {
        Assert.Null(FigureUncertainty.Wilson(0, 0));
        Assert.Null(FigureUncertainty.Wilson(3, 2));
    }

    [Fact]
    public void The_standard_error_of_a_mean_uses_the_sample_variance()
    {
        // Pulses 2, 4, 4, 5: mean 3.75, s² = (61 − 15²/4)/3 = 1.5833, SE = √(1.5833/4) = 0.62915.
        Assert.Equal(0.62915, FigureUncertainty.StandardErrorOfMean(new Cell(null, 4, 15, 4, 61))!.Value, 5);
        Assert.Null(FigureUncertainty.StandardErrorOfMean(new Cell(null, 1, 4, 1, 16)));
    }

    [Fact]
    public void The_pulse_trend_carries_the_standard_error_of_the_difference()
    {
        // First half 4, 4, 5, 5 (mean 4.5, s² = 1/3); second 3, 3, 4, 4 (mean 3.5, s² = 1/3): SE = √(1/12 + 1/12) = 0.40825.
        var trend = FigureUncertainty.PulseTrend(Measures.Of(Measure.PulseChange), new Cell(null, 4, 18, 4, 82), new Cell(null, 4, 14, 4, 50), 4, 0);
        Assert.Equal(-1, trend.Value!.Value, 10);
        Assert.Equal(0.40825, trend.StandardError!.Value, 5);
        Assert.Equal(new HalfCounts(4, 4), trend.Halves);
        Assert.Equal(8, trend.Count);
        Assert.Equal(-1 - 1.96 * 0.408248, trend.Interval!.Value.Low, 4);
        Assert.Equal(-1 + 1.96 * 0.408248, trend.Interval!.Value.High, 4);
    }

    [Fact]
    public async Task A_leaders_figures_carry_the_count_they_rest_on_and_shares_their_interval()
    {
        // Three requests, one resolved; one support entry of 90 minutes for one of the two members.
        var first = await Org.AskAsync(Org.Mia, "First");
        await Org.AskAsync(Org.Mia, "Second");
        await Org.AskAsync(Org.Max, "Third");
        await Org.Requests.ResolveAsync(Org.Lea, Organisation.Respond(first, "Done."), default);
        await Org.Support.LogAsync(Org.Lea, new LogSupport
        {
            MemberId = Org.Mia.PersonId, TeamId = Org.Product, Category = SupportCategory.Coaching, Minutes = 90,
            Date = Db.Clock.Today, Note = "Paired.",
        }, default);

        var dashboard = await Dashboards.TeamAsync(Org.Lea, Org.Product, Dashboards.LastWeeks(4), 4, default);

        Assert.Equal(3, dashboard[Measure.RequestsReceived].Count);
        Assert.Equal(3, dashboard[Measure.ResolutionRate].Count);
        AssertInterval(FigureUncertainty.Wilson(1, 3), dashboard[Measure.ResolutionRate].Interval);
        Assert.Equal(1, dashboard[Measure.AcknowledgeMedianHours].Count);
        Assert.Null(dashboard[Measure.AcknowledgeMedianHours].Interval);
        Assert.Equal(1, dashboard[Measure.SupportHours].Count);
        Assert.Equal(2, dashboard[Measure.Coverage].Count);
        // 1 of 2 members: p = 0.5, 1 + z²/n = 2.9208, centre 0.5, half = 0.67105·√(0.125 + 0.2401) = 0.40547.
        Assert.Equal(0.09453, dashboard[Measure.Coverage].Interval!.Value.Low, 4);
        Assert.Equal(0.90547, dashboard[Measure.Coverage].Interval!.Value.High, 4);
        Assert.Equal(0, dashboard[Measure.SatisfiedShare].Count);
        Assert.Null(dashboard[Measure.SatisfiedShare].Interval);
    }

    [Fact]
    public async Task HR_sees_no_count_for_a_withheld_figure()
    {
        await Org.AskAsync(Org.Mia);
        Db.Clock.Advance(TimeSpan.FromDays(14));

        var dashboard = await Dashboards.TeamAsync(Org.Hr, Org.Product, Dashboards.LastWeeks(4), 4, default);

        var requests = dashboard[Measure.RequestsReceived];
        Assert.True(requests.Withheld);
        Assert.Null(requests.Count);
        Assert.Null(dashboard[Measure.ResolutionRate].Count);
        Assert.Null(dashboard[Measure.ResolutionRate].Interval);
    }

    [Fact]
    public async Task HRs_count_is_over_the_kept_weeks_only()
    {
        var team = await ThreeMemberTeamAsync();
        var (a, b, c) = team.Members;
        // Week one: three people ask (kept). Week two: one person asks twice (left out).
        var monday = NextMonday();
        foreach (var member in new[] { a, b, c })
        {
            await Org.Requests.AskAsync(member, Ask(team.Id), default);
        }
        Db.Clock.Advance(TimeSpan.FromDays(7));
        await Org.Requests.AskAsync(a, Ask(team.Id), default);
        await Org.Requests.AskAsync(a, Ask(team.Id), default);
        Db.Clock.Advance(TimeSpan.FromDays(7));

        var hr = await Dashboards.TeamAsync(Org.Hr, team.Id, Dashboards.Custom(monday, monday.AddDays(13)), 4, default);
        var leader = await Dashboards.TeamAsync(team.Leader, team.Id, Dashboards.Custom(monday, monday.AddDays(13)), 4, default);

        Assert.Equal(3, hr[Measure.ResolutionRate].Count);
        Assert.Equal(1, hr[Measure.ResolutionRate].WithheldWeeks);
        AssertInterval(FigureUncertainty.Wilson(0, 3), hr[Measure.ResolutionRate].Interval);
        Assert.Equal(3, hr[Measure.RequestsReceived].Count);
        Assert.Equal(5, leader[Measure.ResolutionRate].Count);
    }

    [Theory]
    [InlineData(new double[] { }, null)]
    [InlineData(new double[] { 4 }, null)]
    [InlineData(new double[] { 4, 5 }, null)]
    [InlineData(new double[] { 1, 2, 4 }, 2.0)]
    [InlineData(new double[] { 1, 2, 3, 4 }, 2.5)]
    public void The_organisation_median_needs_three_teams_and_may_fall_between_two(double[] teams, double? median)
    {
        Assert.Equal(median, OrganisationMedian.Of(teams));
    }

    [Fact]
    public async Task The_organisation_median_is_not_shown_with_fewer_than_three_teams_with_a_value()
    {
        var teams = new List<(int Id, Actor Leader, (Actor, Actor, Actor) Members)>();
        foreach (var name in new[] { "Alpha", "Beta", "Gamma" })
        {
            teams.Add(await ThreeMemberTeamAsync(name));
        }
        // Week one: two teams' members ask; week two: all three teams'.
        var monday = NextMonday();
        foreach (var week in new[] { 2, 3 })
        {
            foreach (var (id, _, (a, b, c)) in teams.Take(week))
            {
                foreach (var member in new[] { a, b, c })
                {
                    await Org.Requests.AskAsync(member, Ask(id), default);
                }
            }
            Db.Clock.Advance(TimeSpan.FromDays(7));
        }

        var first = await Dashboards.OverviewAsync(Org.Hr, Dashboards.Custom(monday, monday.AddDays(6)), default);
        var second = await Dashboards.OverviewAsync(Org.Hr, Dashboards.Custom(monday.AddDays(7), monday.AddDays(13)), default);

        Assert.Equal(2, first.Rows.Count(r => r[Measure.ResolutionRate].Value is not null));
        Assert.Null(first.OrganisationMedians[Measure.ResolutionRate]);
        Assert.Equal(0, second.OrganisationMedians[Measure.ResolutionRate]);
        // Five teams have a count (0 is a value), but a raw count carries no median at all (docs/metrics.md, "Fair
        // comparisons"): the rule of three teams is for the figures that are compared.
        Assert.True(first.Rows.Count(r => r[Measure.RequestsReceived].Value is not null) >= 3);
        Assert.Null(first.OrganisationMedians[Measure.RequestsReceived]);
    }

    /// <summary>Moves the clock to 10:00 on the next Monday and returns it; the teams were made before, so their members count.</summary>
    private DateOnly NextMonday()
    {
        var monday = DashboardPeriod.WeekStart(Db.Clock.Today).AddDays(7);
        Db.Clock.Advance(new DateTimeOffset(monday.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero) - Db.Clock.Now);
        return monday;
    }

    private AskForHelp Ask(int team)
    {
        var command = Org.Ask();
        command.TeamId = team;
        return command;
    }

    private async Task<(int Id, Actor Leader, (Actor, Actor, Actor) Members)> ThreeMemberTeamAsync(string name = "Three")
    {
        var leader = await Db.PersonAsync($"{name} leader");
        var a = await Db.PersonAsync($"{name} A");
        var b = await Db.PersonAsync($"{name} B");
        var c = await Db.PersonAsync($"{name} C");
        var id = await Db.TeamAsync(name, (leader, TeamRole.Leader), (a, TeamRole.Member), (b, TeamRole.Member), (c, TeamRole.Member));
        return (id, leader, (a, b, c));
    }

    private static void AssertInterval(FigureInterval? expected, FigureInterval? actual)
    {
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        Assert.Equal(expected.Value.Low, actual.Value.Low, 10);
        Assert.Equal(expected.Value.High, actual.Value.High, 10);
    }
}
