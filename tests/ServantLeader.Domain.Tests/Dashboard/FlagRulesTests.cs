using ServantLeader.Domain.Common;
using ServantLeader.Domain.Dashboard;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Tests.Dashboard;

/// <summary>Each flag fires beyond its noise and from its minimum count, and not below (docs/metrics.md, "Flags on HR's overview").</summary>
[Trait("Area", "Dashboard")]
public sealed class FlagRulesTests : OrganisationTests
{
    private const int FourWeeks = 28;

    /// <summary>A share of k out of n, with its count and Wilson interval, as the dashboard builds it.</summary>
    private static Figure Share(Measure measure, int k, int n) => new(Measures.Of(measure), (double)k / n, n, Withheld: false)
    {
        Count = n,
        Interval = FigureUncertainty.Wilson(k, n),
    };

    private static Func<Measure, Figure> Only(params Figure[] figures) => m =>
        figures.FirstOrDefault(f => f.Measure == m) ?? new Figure(Measures.Of(m), null, 0, Withheld: false) { Count = 0 };

    [Theory]
    [InlineData(0, 5, FourWeeks, true)]      // 0 of 5: interval 0–43 %, below 50 %
    [InlineData(1, 10, FourWeeks, true)]     // 10 %: 1.8–40 %
    [InlineData(1, 4, FourWeeks, false)]     // fewer than 5 members
    [InlineData(2, 6, FourWeeks, false)]     // 33 %, but 9.7–70 % reaches 50 %: noise
    [InlineData(0, 12, 27, false)]           // a period shorter than 4 weeks
    [InlineData(0, 12, 1, false)]            // the issue's one-day custom period
    [InlineData(6, 12, FourWeeks, false)]
    public void Low_coverage_needs_5_members_4_weeks_and_a_Wilson_top_below_half(int served, int members, int days, bool fires)
    {
        Assert.Equal(fires, FlagRules.Fires(TeamFlag.LowCoverage, Only(Share(Measure.Coverage, served, members)), days));
    }

    [Theory]
    [InlineData(2, 8, true)]     // 25 %: 7.1–59 %, below 60 %
    [InlineData(3, 8, false)]    // 37.5 %: 13.7–69 %
    [InlineData(0, 7, false)]    // fewer than 8 expected check-ins
    [InlineData(40, 100, true)]  // 40 %: 31–50 %
    [InlineData(55, 100, false)] // 55 %: 45–64 %, reaches 60 %
    public void Low_participation_needs_8_expected_and_a_Wilson_top_below_60_percent(int submitted, int expected, bool fires)
    {
        Assert.Equal(fires, FlagRules.Fires(TeamFlag.LowParticipation, Only(Share(Measure.Participation, submitted, expected)), FourWeeks));
    }

    [Theory]
    [InlineData(49, 5, true)]
    [InlineData(49, 4, false)]
    [InlineData(48, 20, false)]
    public void Slow_acknowledgement_needs_5_answered_requests(double hours, int requests, bool fires)
    {
        var median = new Figure(Measures.Of(Measure.AcknowledgeMedianHours), hours, requests, Withheld: false) { Count = requests };
        Assert.Equal(fires, FlagRules.Fires(TeamFlag.SlowAcknowledgement, Only(median), FourWeeks));
    }

    [Fact]
    public void Falling_pulse_fires_on_a_fall_beyond_two_standard_errors_with_8_pulses_a_half()
    {
        // 8 pulses of 4 and 4 then 8 of 3 and 3 … : means 4.0 and 3.0, every s² = 0 but one pair to give spread.
        var before = Pulses(4, 4, 4, 4, 5, 5, 3, 3);   // mean 4, s² = 4/7
        var after = Pulses(3, 3, 3, 3, 4, 4, 2, 2);    // mean 3, s² = 4/7: SE = √(2 · 4/7 / 8) = 0.378, fall 1 > 0.756
        Assert.True(Fires(before, after));
    }

    [Fact]
    public void Falling_pulse_does_not_fire_on_a_fall_within_its_noise()
    {
        var before = Pulses(5, 5, 5, 5, 1, 1, 5, 5);   // mean 4, s² = 32/7
        var after = Pulses(5, 5, 1, 1, 5, 5, 1, 5);    // mean 3.5, s² = 4.57: SE = 1.07, fall 0.5 < 2.14
        Assert.False(Fires(before, after));
    }

    [Fact]
    public void Falling_pulse_does_not_fire_on_the_issues_11_check_ins()
    {
        // The audit's case: 11 check-ins, 5 then 6, a clear fall of 2 with no spread at all, still too few to tell.
        var before = Pulses(5, 5, 5, 5, 5);
        var after = Pulses(3, 3, 3, 3, 3, 3);
        Assert.False(Fires(before, after));
        Assert.True(Fires(Pulses(5, 5, 5, 5, 5, 5, 5, 4), Pulses(3, 3, 3, 3, 3, 3, 3, 4)));
    }

    [Fact]
    public void Falling_pulse_needs_a_fall_of_half_a_point_however_many_pulses()
    {
        var before = Pulses(Enumerable.Repeat(4, 200).Concat(Enumerable.Repeat(3, 200)).ToArray());
        var after = Pulses(Enumerable.Repeat(4, 160).Concat(Enumerable.Repeat(3, 240)).ToArray());   // fall 0.1, SE 0.035
        Assert.False(Fires(before, after));
    }

    [Fact]
    public void A_withheld_figure_raises_no_flag()
    {
        var flags = FlagRules.Raise(m => new Figure(Measures.Of(m), null, 2, Withheld: true), FourWeeks);
        Assert.Empty(flags);
    }

    [Fact]
    public async Task A_one_day_period_raises_no_low_coverage_while_four_weeks_do()
    {
        var leader = await Db.PersonAsync("Lou Leader");
        var members = new List<(Actor, TeamRole)> { (leader, TeamRole.Leader) };
        for (var i = 0; i < 6; i++)
        {
            members.Add((await Db.PersonAsync($"Member {(char)('A' + i)}"), TeamRole.Member));
        }
        var team = await Db.TeamAsync("Quiet", members.ToArray());
        var dashboards = Db.Get<DashboardService>();
        var today = Db.Clock.Today;

        var oneDay = await dashboards.TeamAsync(leader, team, dashboards.Custom(today, today), 4, default);
        Db.Clock.Advance(TimeSpan.FromDays(27));
        var fourWeeks = await dashboards.TeamAsync(leader, team, dashboards.Custom(today, today.AddDays(27)), 4, default);

        Assert.Equal(0, oneDay[Measure.Coverage].Value);
        Assert.DoesNotContain(TeamFlag.LowCoverage, oneDay.Flags);
        Assert.Equal(6, fourWeeks[Measure.Coverage].Count);
        Assert.Contains(TeamFlag.LowCoverage, fourWeeks.Flags);
    }

    private static Cell Pulses(params int[] pulses) =>
        new(null, pulses.Length, pulses.Sum(), pulses.Length, pulses.Sum(p => p * p));

    private static bool Fires(Cell before, Cell after) =>
        FlagRules.Fires(TeamFlag.FallingPulse, Only(FigureUncertainty.PulseTrend(Measures.Of(Measure.PulseChange), before, after, 5, 0)), FourWeeks);
}
