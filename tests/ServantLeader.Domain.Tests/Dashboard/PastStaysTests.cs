using System.Text.Json;
using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Dashboard;
using ServantLeader.Domain.Teams;
using ServantLeader.TestData;

namespace ServantLeader.Domain.Tests.Dashboard;

/// <summary>
/// "The past stays as it was" (docs/metrics.md, "The team as it was"): changing today's team (a membership ended, a
/// person deactivated and another reactivated, a role changed, someone leaving and coming back, a member added) changes
/// no figure of a past period, for the leader or for HR: every figure, weekly point, support kind, growth figure and
/// participation row of several past periods is byte for byte the same before and after.
/// </summary>
[Trait("Area", "Dashboard")]
public sealed class PastStaysTests : DatabaseTests
{
    private static readonly Actor Admin = new(0, IsAdmin: true);
    private PastTeam _team = null!;
    private Actor _hr = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // Across the end of daylight saving (25 October 2026), so that the weeks' instants matter.
        Db.Clock.Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        _team = await PastTeam.SeedAsync(Db.Services, Admin, name => Db.PersonAsync(name));
        _hr = await Db.PersonAsync("Hana HR", isHr: true);
    }

    [Fact]
    public async Task Changing_todays_team_changes_no_figure_of_a_past_period()
    {
        var before = await PastFiguresAsync();
        var fay = await Db.PersonAsync("Fay Newcomer");
        await _team.ChangeTodaysTeamAsync(Db.Services, Admin, fay);
        var after = await PastFiguresAsync();

        Assert.Equal(before.Count, after.Count);
        for (var i = 0; i < before.Count; i++)
        {
            Assert.Equal(before[i], after[i]);
        }
    }

    [Fact]
    public async Task Leavers_count_for_the_weeks_they_were_in_the_team_and_todays_team_for_today()
    {
        var dashboards = Db.Get<DashboardService>();
        var monday = _team.ThisMonday;
        var sixWeeks = dashboards.Custom(monday.AddDays(-42), monday.AddDays(-1));
        var thisWeek = dashboards.Custom(monday, Db.Clock.Today);
        var fay = await Db.PersonAsync("Fay Newcomer");
        await _team.ChangeTodaysTeamAsync(Db.Services, Admin, fay);

        // Six members were in the team during the six weeks (Ida from 17 days ago); Ana, Ben, Cal and Dev got support.
        var past = await dashboards.TeamAsync(_team.Lena, _team.TeamId, sixWeeks, 4, CancellationToken.None);
        Assert.Equal(6, past.Members);
        Assert.Equal(4.0 / 6, past[Measure.Coverage].Value);
        // Before Ida joined, five members were expected each Friday; Eve never checked in, Dev every other week.
        // The first week: Ana, Ben and Cal of those five (Dev skips even weeks), though Ana and Ben are gone today.
        Assert.Equal(3.0 / 5, past.Trends[Measure.Participation][0].Value);

        // Today Ana's, Ben's, Cal's (as member) and Dev's first memberships still overlap today; Dev's second is the
        // same person, and Fay joined: seven members this week, each once.
        var now = await dashboards.TeamAsync(_team.Lena, _team.TeamId, thisWeek, 4, CancellationToken.None);
        Assert.Equal(7, now.Members);
        // The member table is today's team: not Ana (left), Ben (deactivated) or Cal (a leader now); Eve is back.
        Assert.Equal(["Dev Then", "Eve Then", "Fay Newcomer", "Ida Then"], now.MemberCoverage!.Select(m => m.Name).Order().ToArray());
        var page = await Db.Get<TeamService>().GetAsync(Admin, _team.TeamId, CancellationToken.None);
        Assert.Equal(
            ["Ana Then Left", "Ben Then Deactivated", "Cal Then RoleChanged", "Dev Then Left", "Eve Then Deactivated"],
            page.Past.Select(p => $"{p.Name} {p.EndedBecause}").Order().ToArray());
        Assert.Contains(page.Leaders, l => l.PersonId == _team.Members["Cal"].PersonId);
    }

    /// <summary>
    /// Participation over a period without weeks is counted by arithmetic over each membership's days (with a window
    /// over a person's memberships): the same value and people as the weekly statement's whole period, on either database.
    /// </summary>
    [Fact]
    public async Task Participation_by_arithmetic_agrees_with_the_weekly_count_for_leavers_and_returns()
    {
        var fay = await Db.PersonAsync("Fay Newcomer");
        await _team.ChangeTodaysTeamAsync(Db.Services, Admin, fay);
        var whole = new DayRange(_team.ThisMonday.AddDays(-42), Db.Clock.Today);
        await using var db = Db.NewDb();
        var scope = new FigureScope(db, Db.Clock.Zone, Db.Clock.Now, _team.TeamId);
        var weekly = await CheckInFigures.ReadAsync(scope, new Slices(whole, Weekly: true, Halves: false), Db.Clock.Today, CancellationToken.None);
        var arithmetic = await CheckInFigures.ReadAsync(scope, new Slices(whole, Weekly: false, Halves: false), Db.Clock.Today, CancellationToken.None);
        var expected = weekly.For(_team.TeamId, Bucket.Whole)[Measure.Participation];
        Assert.NotNull(expected.Value);
        Assert.Equal(expected, arithmetic.For(_team.TeamId, Bucket.Whole)[Measure.Participation]);
    }

    /// <summary>Everything the leader and HR are told about past periods, as JSON text, in a fixed order.</summary>
    private async Task<List<string>> PastFiguresAsync()
    {
        var dashboards = Db.Get<DashboardService>();
        var growth = Db.Get<GrowthFiguresService>();
        var monday = _team.ThisMonday;
        var ct = CancellationToken.None;
        var answers = new List<string>();
        string Json(object value) => JsonSerializer.Serialize(value);

        // The leader: periods of any days, all over before today.
        foreach (var (from, to) in new[] { (-42, -1), (-14, -8), (-20, -3), (-3, -1), (-17, -17) })
        {
            var period = dashboards.Custom(monday.AddDays(from), monday.AddDays(to));
            var dashboard = await dashboards.TeamAsync(_team.Lena, _team.TeamId, period, 4, ct);
            Assert.NotNull(dashboard.MemberCoverage);
            // The member table and who has had no recent 1:1 are today's team by definition (who to serve now);
            // everything else is of the period.
            answers.Add(Json(OfThePeriod(dashboard with { MemberCoverage = null, OneOnOneGaps = null })));
            var grown = await growth.TeamAsync(_team.Lena, _team.TeamId, period, ct);
            answers.Add(Json(grown with { Conversations = null }));
        }
        // HR: whole weeks that are over.
        foreach (var (from, to) in new[] { (-42, -1), (-28, -1), (-14, -8) })
        {
            var period = dashboards.Custom(monday.AddDays(from), monday.AddDays(to));
            answers.Add(Json(OfThePeriod(await dashboards.TeamAsync(_hr, _team.TeamId, period, 4, ct))));
            // The overview names today's leaders, the people to talk to now; every figure beside them is of the period.
            var overview = await dashboards.OverviewAsync(_hr, period, ct);
            answers.Add(Json(overview with
            {
                Rows = overview.Rows.Select(r => r with { Leaders = "", Figures = OfThePeriod(r.Figures) }).ToList(),
            }));
            answers.Add(Json(await growth.TeamAsync(_hr, _team.TeamId, period, ct)));
            answers.Add(Json(await growth.OverviewAsync(_hr, period, ct)));
        }
        // HR's participation report, for the check-in periods due before today.
        var rows = await Db.Get<CheckInParticipationReport>().ParticipationAsync(_hr, 8, ct);
        answers.AddRange(rows.Where(r => r.Period.Due < Db.Clock.Today).Select(Json));
        Assert.Contains(rows, r => r.Period.Due < Db.Clock.Today && r.Submitted > 0);
        return answers;
    }

    /// <summary>
    /// Without "Members with no recent 1:1": a figure of now about today's team (docs/metrics.md, "Fair comparisons and
    /// follow-through"), so changing today's team changes it by definition, whatever the period.
    /// </summary>
    private static TeamDashboard OfThePeriod(TeamDashboard dashboard) =>
        dashboard with { Figures = dashboard.Figures.Where(f => f.Measure != Measure.MembersWithoutOneOnOne).ToList() };

    private static Dictionary<Measure, Figure> OfThePeriod(IReadOnlyDictionary<Measure, Figure> figures) =>
        figures.Where(f => f.Key != Measure.MembersWithoutOneOnOne).ToDictionary(f => f.Key, f => f.Value);
}
