using ServantLeader.Domain.Common;
using ServantLeader.Domain.Dashboard;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Tests.Dashboard;

/// <summary>
/// The fairness and follow-through figures against <see cref="FairnessReference"/> (written from docs/metrics.md) and
/// against values worked out by hand, for the leader and for HR, on SQLite and PostgreSQL alike.
/// </summary>
[Trait("Area", "Dashboard")]
public sealed class FairnessFiguresTests : OrganisationTests
{
    private const double Tolerance = 1e-9;

    private FairnessOrganisation F { get; set; } = null!;

    private DashboardService Dashboards => Db.Get<DashboardService>();

    private DashboardPeriod Period => Dashboards.Custom(FairnessOrganisation.From, FairnessOrganisation.To);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        F = await FairnessOrganisation.CreateAsync(Org);
    }

    private async Task<FairnessReference> ReferenceAsync()
    {
        var reference = new FairnessReference { Zone = Db.Clock.Zone, Now = Db.Clock.Now };
        await using var db = Db.NewDb();
        await reference.LoadAsync(db);
        return reference;
    }

    [Fact]
    public async Task A_leader_sees_every_figure_and_weekly_point_as_the_reference_computes_them()
    {
        var reference = await ReferenceAsync();
        foreach (var period in new[] { Period, Dashboards.Custom(new(2026, 10, 21), Db.Clock.Today), Dashboards.LastWeeks(12) })
        {
            foreach (var (leader, team) in new[] { (Org.Lea, Org.Product), (Org.Otto, Org.Platform) })
            {
                var shown = await Dashboards.TeamAsync(leader, team, period, 4, CancellationToken.None);
                var expected = reference.Compute(team, [(period.From, period.To)]);
                var weeks = period.WeekRanges();
                foreach (var measure in FairnessReference.Measures)
                {
                    AssertSame(expected[measure].Value, shown[measure].Value, $"team {team}, {measure}, {period}");
                    if (!Measures.Of(measure).HasTrend)
                    {
                        continue;
                    }
                    for (var i = 0; i < weeks.Count; i++)
                    {
                        var week = reference.Compute(team, [(weeks[i].From, weeks[i].To)]);
                        AssertSame(week[measure].Value, shown.Trends[measure][i].Value, $"team {team}, {measure}, week of {weeks[i].From}");
                    }
                }
            }
        }
    }

    [Fact]
    public async Task The_figures_are_the_values_worked_out_by_hand()
    {
        var shown = await Dashboards.TeamAsync(Org.Lea, Org.Product, Period, 4, CancellationToken.None);

        // Members counted: Mia, Max, Noah, Ida (joined 4 Nov) and Ava. Deep: Mia (4 entries), Max (3 entries), Noah (45 min).
        Assert.Equal(0.6, shown[Measure.CoverageDepth].Value!.Value, 9);
        Assert.Equal(0.8, shown[Measure.Coverage].Value!.Value, 9);
        // Minutes 0, 5, 30, 45, 150: 2·(0 + 10 + 90 + 180 + 750) ÷ (5·230) − 6/5.
        Assert.Equal(2.0 * 1030 / 1150 - 1.2, shown[Measure.SupportGini].Value!.Value, 9);
        Assert.Equal(150.0 / 230, shown[Measure.TopFifthShare].Value!.Value, 9);
        // Member-weeks: 4 + 4 + 5 + 5 = 18 (Ida counts from W2).
        Assert.Equal(230 / 60.0 / 18, shown[Measure.HoursPerMemberWeek].Value!.Value, 9);
        Assert.Equal(9 / 18.0, shown[Measure.EntriesPerMemberWeek].Value!.Value, 9);
        // Mia's and Ava's on time; Max's a day late; Noah's overdue. Mia's own, Ida's (later), the undated one are not counted.
        Assert.Equal(0.5, shown[Measure.ActionItemsOnTime].Value);
        Assert.Equal(4, shown[Measure.ActionItemsOnTime].People);
        // Cleared after 14 (Mia), 2 (Max, his request resolved) and 6.5 days (Ava); Noah's is not cleared yet.
        Assert.Equal(6.5, shown[Measure.BlockerClearMedianDays].Value!.Value, 9);
        Assert.Equal(1, shown[Measure.BlockersNotCleared].Value);
        // Max (last 1:1 on 1 Sep) and Noah (none with a Product leader); not Ida, who joined two weeks ago.
        Assert.Equal(2, shown[Measure.MembersWithoutOneOnOne].Value);
        Assert.Equal([(F.Noah.PersonId, (DateOnly?)null), (Org.Max.PersonId, new DateOnly(2026, 9, 1))],
            shown.OneOnOneGaps!.Select(g => (g.PersonId, g.LastHeld)));
        Assert.Equal(6, shown.NoOneOnOneWeeks);
        // The spread, fewest first, without names.
        Assert.Equal([0, 5 / 60.0, 30 / 60.0, 45 / 60.0, 150 / 60.0], shown.SupportSpread!.Select(h => Math.Round(h, 9)).ToList(),
            new ToleranceComparer());
        // Week 0: members Mia, Max, Noah, Ava; minutes 0, 0, 10, 60.
        Assert.Equal(2.0 * 270 / 280 - 1.25, shown.Trends[Measure.SupportGini][0].Value!.Value, 9);
        Assert.Equal(0.25, shown.Trends[Measure.CoverageDepth][0].Value!.Value, 9);
    }

    [Fact]
    public void The_reference_gini_and_fifth_match_the_hand_worked_examples_of_metrics_md()
    {
        Assert.Equal(0.75, FairnessReference.Gini([0, 0, 0, 60])!.Value, 12);
        Assert.Equal(2.0 / 9, FairnessReference.Gini([10, 20, 30])!.Value, 12);
        Assert.Equal(0, FairnessReference.Gini([30, 30])!.Value, 12);
        Assert.Equal(0, FairnessReference.Gini([5])!.Value, 12);
        Assert.Null(FairnessReference.Gini([0, 0]));
        Assert.Equal(1, FairnessReference.TopFifthShare([0, 0, 0, 60])!.Value, 12);
        Assert.Equal(100.0 / 180, FairnessReference.TopFifthShare([10, 10, 10, 10, 10, 10, 10, 10, 50, 50])!.Value, 12);
    }

    [Fact]
    public async Task Hr_sees_each_figure_only_from_weeks_resting_on_three_people_and_never_who()
    {
        var shown = await Dashboards.TeamAsync(Org.Hr, Org.Product, Period, 4, CancellationToken.None);
        Assert.True(shown.ForHr);
        Assert.Null(shown.SupportSpread);
        Assert.Null(shown.OneOnOneGaps);

        // Depth, the spread and the rates rest on the members served: 2, 2, 2, 3; only W3 is kept. W3's minutes: 0, 0, 5, 10, 30
        // (Mia's 30 in one entry is deep, of the five members counted by the end of the period).
        Assert.Equal((0.2, false, 3), (Math.Round(shown[Measure.CoverageDepth].Value!.Value, 9), shown[Measure.CoverageDepth].Withheld,
            shown[Measure.CoverageDepth].WithheldWeeks));
        var gini = shown[Measure.SupportGini];
        Assert.Equal((2.0 * 205 / 225 - 1.2, 3), (Math.Round(gini.Value!.Value, 9), gini.WithheldWeeks), new GiniComparer());
        Assert.Equal(30.0 / 45, shown[Measure.TopFifthShare].Value!.Value, 9);
        Assert.Equal(45 / 60.0 / 5, shown[Measure.HoursPerMemberWeek].Value!.Value, 9);
        Assert.Equal(3 / 5.0, shown[Measure.EntriesPerMemberWeek].Value!.Value, 9);
        Assert.True(shown.Trends[Measure.SupportGini][0].Withheld);
        Assert.False(shown.Trends[Measure.SupportGini][3].Withheld);
        // One person behind each week's action items and each week's blockers: withheld; two members without a 1:1: withheld.
        foreach (var measure in new[] { Measure.ActionItemsOnTime, Measure.BlockerClearMedianDays, Measure.BlockersNotCleared, Measure.MembersWithoutOneOnOne })
        {
            Assert.True(shown[measure].Withheld, $"{measure} should be withheld");
            Assert.Null(shown[measure].Value);
        }

        var overview = await Dashboards.OverviewAsync(Org.Hr, Period, CancellationToken.None);
        var row = overview.Rows.Single(r => r.TeamId == Org.Product);
        Assert.Equal(shown[Measure.SupportGini].Value, row[Measure.SupportGini].Value);
        Assert.Equal(shown[Measure.HoursPerMemberWeek].Value, row[Measure.HoursPerMemberWeek].Value);
    }

    [Fact]
    public async Task The_organisation_median_compares_rates_and_shares_never_raw_counts()
    {
        var overview = await Dashboards.OverviewAsync(Org.Hr, Period, CancellationToken.None);
        var shown = overview.Rows.Select(r => r[Measure.HoursPerMemberWeek]).Where(f => f.Value is not null).Select(f => f.Value!.Value).Order().ToList();
        Assert.NotEmpty(shown);
        // A rate's median needs 3 teams with a value (docs/metrics.md, "Organisation median").
        Assert.Equal(shown.Count < 3 ? null : shown.Count % 2 == 1 ? shown[shown.Count / 2] : (shown[shown.Count / 2 - 1] + shown[shown.Count / 2]) / 2,
            overview.OrganisationMedians[Measure.HoursPerMemberWeek]);
        var deep = overview.Rows.Count(r => r[Measure.CoverageDepth].Value is not null);
        Assert.Equal(deep >= 3, overview.OrganisationMedians[Measure.CoverageDepth] is not null);
        foreach (var raw in new[] { Measure.RequestsReceived, Measure.SupportEntries, Measure.SupportHours, Measure.CreditGiven, Measure.CreditReceived,
                     Measure.OpenBlockers, Measure.NotYetAcknowledged, Measure.NotYetResolved, Measure.WaitingNow,
                     Measure.BlockersNotCleared, Measure.MembersWithoutOneOnOne })
        {
            Assert.Null(overview.OrganisationMedians[raw]);
            Assert.False(DashboardBlocks.HasOrganisationMedian(raw));
        }
        var leaders = await Dashboards.OrganisationMediansAsync(Org.Lea, Period, CancellationToken.None);
        Assert.Equal(overview.OrganisationMedians[Measure.HoursPerMemberWeek], leaders[Measure.HoursPerMemberWeek]);
        Assert.Null(leaders[Measure.SupportHours]);
    }

    [Fact]
    public async Task Nobody_else_sees_the_team_and_a_team_without_members_shows_no_data()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => Dashboards.TeamAsync(Org.Mia, Org.Product, Period, 4, CancellationToken.None));
        var team = await Db.TeamAsync("Empty", (Org.Otto, TeamRole.Leader));
        var empty = await Dashboards.TeamAsync(Org.Otto, team, Period, 4, CancellationToken.None);
        foreach (var measure in new[] { Measure.HoursPerMemberWeek, Measure.EntriesPerMemberWeek, Measure.CoverageDepth, Measure.SupportGini,
                     Measure.TopFifthShare, Measure.ActionItemsOnTime, Measure.BlockerClearMedianDays })
        {
            Assert.Null(empty[measure].Value);
        }
        Assert.Equal(0, empty[Measure.BlockersNotCleared].Value);
        Assert.Equal(0, empty[Measure.MembersWithoutOneOnOne].Value);
        Assert.Empty(empty.SupportSpread!);
        Assert.Empty(empty.OneOnOneGaps!);
    }

    private static void AssertSame(double? expected, double? actual, string what)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{what}: expected {expected?.ToString() ?? "no data"}, got {actual?.ToString() ?? "no data"}");
            return;
        }
        Assert.True(Math.Abs(expected.Value - actual.Value) <= Tolerance * Math.Max(1, Math.Abs(expected.Value)), $"{what}: expected {expected}, got {actual}");
    }

    private sealed class ToleranceComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= Tolerance;

        public int GetHashCode(double obj) => 0;
    }

    private sealed class GiniComparer : IEqualityComparer<(double, int)>
    {
        public bool Equals((double, int) x, (double, int) y) => Math.Abs(x.Item1 - y.Item1) <= 1e-8 && x.Item2 == y.Item2;

        public int GetHashCode((double, int) obj) => 0;
    }
}
