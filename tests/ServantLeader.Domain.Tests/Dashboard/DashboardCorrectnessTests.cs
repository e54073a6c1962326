using ServantLeader.Domain.Common;
using ServantLeader.Domain.Dashboard;
using ServantLeader.TestData;

namespace ServantLeader.Domain.Tests.Dashboard;

/// <summary>
/// A random organisation, then every figure of every team compared with <see cref="ReferenceFigures"/>: for the whole
/// period, for each week of it, and in HR's overview with small groups withheld.
/// </summary>
[Trait("Area", "Dashboard")]
public sealed class DashboardCorrectnessTests : DatabaseTests
{
    private const double Tolerance = 1e-9;
    private ReferenceFigures _reference = null!;
    private GeneratedOrganisation _org = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // A zone with daylight saving, so that weeks across the change are 167 and 169 hours long.
        Db.Clock.Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var size = new OrganisationSize(People: 260, Teams: 26, SupportEntries: 5_000, Requests: 1_500, CheckIns: 3_000, Credits: 400, Days: 420)
        {
            VaryTeamSizes = true,
            MembershipHistory = true,
        };
        _org = await new OrganisationGenerator(Db.Connection, Db.Clock.Now, seed: 4242).GenerateAsync(size);
        var fairness = new FairnessReference { Zone = Db.Clock.Zone, Now = Db.Clock.Now };
        await using (var db = Db.NewDb())
        {
            await fairness.LoadAsync(db);
        }
        _reference = new ReferenceFigures { Zone = Db.Clock.Zone, Now = Db.Clock.Now, Fairness = fairness };
        await _reference.LoadAsync(Db.Connection);
        await _reference.LoadRequestIdsAsync(Db.Connection);
    }

    public static TheoryData<int> Presets => new() { 4, 12, 26, 52 };

    [Theory]
    [MemberData(nameof(Presets))]
    public async Task Every_team_figure_matches_an_independent_computation(int weeks)
    {
        var dashboards = Db.Get<DashboardService>();
        var period = dashboards.LastWeeks(weeks);
        foreach (var teamId in _org.TeamIds)
        {
            var leader = new Actor(_org.LeaderOfTeam[teamId]);
            var dashboard = await dashboards.TeamAsync(leader, teamId, period, quietWeeks: 4, CancellationToken.None);
            var expected = _reference.Compute(teamId, period.From, period.To, withHalves: true);
            foreach (var figure in dashboard.Figures)
            {
                Assert.False(figure.Withheld);
                AssertSame(expected[figure.Measure].Value, figure.Value, $"team {teamId}, {figure.Measure}, {period}");
            }
        }
    }

    [Fact]
    public async Task Every_weekly_point_matches_an_independent_computation()
    {
        var dashboards = Db.Get<DashboardService>();
        var period = dashboards.LastWeeks(26);
        foreach (var teamId in _org.TeamIds.Take(8))
        {
            var dashboard = await dashboards.TeamAsync(new Actor(_org.LeaderOfTeam[teamId]), teamId, period, 4, CancellationToken.None);
            var weeks = period.WeekRanges();
            foreach (var (measure, points) in dashboard.Trends)
            {
                Assert.Equal(weeks.Count, points.Count);
                for (var i = 0; i < weeks.Count; i++)
                {
                    var expected = _reference.Compute(teamId, weeks[i].From, weeks[i].To);
                    AssertSame(expected[measure].Value, points[i].Value, $"team {teamId}, {measure}, week of {weeks[i].From}");
                }
            }
        }
    }

    [Fact]
    public async Task A_custom_period_matches_too()
    {
        var dashboards = Db.Get<DashboardService>();
        var period = dashboards.Custom(new DateOnly(2026, 2, 11), new DateOnly(2026, 4, 2));
        foreach (var teamId in _org.TeamIds)
        {
            var dashboard = await dashboards.TeamAsync(new Actor(_org.LeaderOfTeam[teamId]), teamId, period, 4, CancellationToken.None);
            var expected = _reference.Compute(teamId, period.From, period.To, withHalves: true);
            foreach (var figure in dashboard.Figures)
            {
                AssertSame(expected[figure.Measure].Value, figure.Value, $"team {teamId}, {figure.Measure}");
            }
        }
    }

    /// <summary>
    /// Participation over a period without weekly points is counted by arithmetic over each membership's days, not by
    /// listing the (member, check-in period) pairs: the same rule, so the same value as the reference.
    /// </summary>
    [Theory]
    [InlineData(26)]
    [InlineData(52)]
    public async Task Participation_counted_without_weeks_matches_too(int weeks)
    {
        var period = Db.Get<DashboardService>().LastWeeks(weeks);
        await using var db = Db.NewDb();
        var cells = await CheckInFigures.ReadAsync(new FigureScope(db, Db.Clock.Zone, Db.Clock.Now, null),
            new Slices(period.Whole, Weekly: false, Halves: false), _reference.Today, CancellationToken.None);
        foreach (var teamId in _org.TeamIds)
        {
            var expected = _reference.Compute(teamId, period.From, period.To)[Measure.Participation];
            var actual = cells.For(teamId, Bucket.Whole).TryGetValue(Measure.Participation, out var cell) ? cell : (Cell?)null;
            AssertSame(expected.Value, actual?.Value, $"team {teamId}, participation, {period}");
            Assert.Equal(expected.People, actual?.People ?? 0);
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(12)]
    [InlineData(52)]
    public async Task The_HR_overview_matches_and_builds_every_figure_from_weeks_of_at_least_three_people(int weeks)
    {
        var hr = await Db.PersonAsync("Hana HR", isHr: true);
        var overview = await Db.Get<DashboardService>().OverviewAsync(hr, Db.Get<DashboardService>().LastWeeks(weeks), CancellationToken.None);
        Assert.Equal(weeks * 7, overview.Period.Days);
        Assert.True(overview.Period.IsWholeWeeks);
        Assert.True(overview.Period.To < _reference.Today);
        var withheld = 0;
        var partly = 0;
        foreach (var row in overview.Rows)
        {
            var expected = _reference.ComputeForHr(row.TeamId, overview.Period.From, overview.Period.To);
            foreach (var (measure, figure) in row.Figures)
            {
                var (value, isWithheld) = expected[measure];
                Assert.True(isWithheld == figure.Withheld, $"team {row.TeamId}, {measure}: withheld should be {isWithheld}");
                withheld += isWithheld ? 1 : 0;
                partly += !isWithheld && figure.WithheldWeeks > 0 ? 1 : 0;
                if (isWithheld)
                {
                    Assert.Null(figure.Value);
                }
                else
                {
                    AssertSame(value, figure.Value, $"team {row.TeamId}, {measure}");
                }
            }
        }
        Assert.True(withheld > 0, "the generated organisation should contain small teams");
        Assert.True(partly > 0, "some figures should leave out some weeks and show the rest");

        // The organisation median is the median of the values HR may see, team by team.
        foreach (var definition in Measures.All)
        {
            var shown = overview.Rows.Select(r => r[definition.Measure]).Where(f => f.Value is not null).Select(f => f.Value!.Value).Order().ToList();
            // … from 3 teams with a value on (docs/metrics.md); raw counts grow with the team and carry no median at all
            // (docs/metrics.md, "Fair comparisons").
            double? median = shown.Count < 3 || !DashboardBlocks.HasOrganisationMedian(definition.Measure) ? null
                : shown.Count % 2 == 1 ? shown[shown.Count / 2] : (shown[shown.Count / 2 - 1] + shown[shown.Count / 2]) / 2;
            AssertSame(median, overview.OrganisationMedians[definition.Measure], $"median of {definition.Measure}");
        }
    }

    private static void AssertSame(double? expected, double? actual, string what)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{what}: expected {expected?.ToString() ?? "no data"}, got {actual?.ToString() ?? "no data"}");
            return;
        }
        Assert.True(Math.Abs(expected.Value - actual.Value) <= Tolerance * Math.Max(1, Math.Abs(expected.Value)),
            $"{what}: expected {expected}, got {actual}");
    }
}
