using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Dashboard;

/// <summary>
/// The "service provided" dashboard: a team's figures for its leaders and for HR, and HR's overview of every team.
/// Leaders see everything about their own team, over any days. HR sees whole weeks that are over, each figure built
/// only from the weeks in which it rests on at least <see cref="GroupSize.Minimum"/> people (<see cref="WholeWeeks"/>),
/// and never the member coverage table.
/// </summary>
public sealed class DashboardService(IDbContextFactory<ServantLeaderDb> dbs, TimeProvider time, IMemoryCache cache,
    IOptions<AcknowledgeTargetOptions> target, IOptions<FairnessOptions> fairness)
{
    /// <summary>A member with no support for this many weeks is flagged, unless the reader picks another number.</summary>
    public const int DefaultQuietWeeks = 4;

    /// <summary>The organisation medians are a backdrop, not a live figure: they are recomputed every few minutes.</summary>
    public static readonly TimeSpan MedianLifetime = TimeSpan.FromMinutes(5);

    public DashboardPeriod LastWeeks(int weeks) => DashboardPeriod.LastWeeks(weeks, time.Today());

    public DashboardPeriod Custom(DateOnly from, DateOnly to) => DashboardPeriod.Custom(from, to, time.Today());

    public DateOnly Today => time.Today();

    /// <summary>The teams whose dashboard the actor may open: the ones they lead, or every team for HR.</summary>
    public async Task<IReadOnlyList<DashboardTeam>> TeamsAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var teams = actor.IsHr ? db.Teams : db.Teams.Where(t => db.TeamsLedBy(actor.PersonId).Contains(t.Id));
        return await teams.OrderBy(t => t.Name).Select(t => new DashboardTeam(t.Id, t.Name)).ToListAsync(ct);
    }

    public async Task<TeamDashboard> TeamAsync(Actor actor, int teamId, DashboardPeriod period, int quietWeeks, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var reader = await DashboardReader.OpenAsync(db, actor, teamId, period, time.Today(), ct);
        var forHr = reader.ForHr;
        period = reader.Period;
        quietWeeks = Math.Clamp(quietWeeks, 1, 52);

        var weeks = period.WeekRanges();
        var reads = await ParallelReads.StartAsync(dbs, db, ct);
        var cellsRead = FiguresAsync(reads, teamId, new Slices(period.Whole, Weekly: true, Halves: !forHr, WeekRule: forHr), ct);
        var categoriesRead = reads.Run(other => SupportFigures.CategoriesAsync(Scope(other, time.GetUtcNow(), teamId), period.Whole, forHr, ct));
        var coverageRead = forHr
            ? Task.FromResult<IReadOnlyList<MemberCoverage>?>(null)
            : reads.Run<IReadOnlyList<MemberCoverage>?>(async other => await MemberCoverageAsync(other, teamId, period, quietWeeks, ct));
        // Who is behind the fairness and follow-through figures: the team's leaders only, never HR.
        var spreadRead = forHr ? Task.FromResult<IReadOnlyList<double>?>(null)
            : reads.Run<IReadOnlyList<double>?>(async other => await FairnessFigures.HoursByMemberAsync(Scope(other, time.GetUtcNow(), teamId), period.Whole, ct));
        var gapsRead = forHr ? Task.FromResult<IReadOnlyList<OneOnOneGap>?>(null)
            : reads.Run<IReadOnlyList<OneOnOneGap>?>(async other => await FollowThroughFigures.GapsAsync(Scope(other, time.GetUtcNow(), teamId), fairness.Value, ct));
        await Task.WhenAll(cellsRead, categoriesRead, coverageRead, spreadRead, gapsRead);
        var (cells, categories, coverage) = (await cellsRead, await categoriesRead, await coverageRead);

        var figures = forHr ? HrFiguresOf(cells, teamId, weeks.Count) : FiguresOf(cells, teamId, forHr: false);
        var trends = Measures.All.Where(d => d.HasTrend).ToDictionary(d => d.Measure, d => (IReadOnlyList<TrendPoint>)weeks
            .Select((w, i) => forHr && WholeWeeks.IsSmall(cells.For(teamId, i), d.Measure)
                ? new Figure(d, null, 0, Withheld: true)
                : Shown(d, cells.For(teamId, i), forHr))
            .Select((f, i) => new TrendPoint(weeks[i].From, f.Value, f.Withheld) { People = f.Withheld ? 0 : f.People, Count = f.Count })
            .ToList());
        var members = figures.First(f => f.Measure == Measure.Coverage).People;

        return new TeamDashboard(reader.TeamId, reader.TeamName, members, period, forHr, figures, trends,
            categories.Select(c => c.Withheld ? c with { Entries = 0, Hours = 0 } : c).ToList(),
            coverage,
            quietWeeks, FlagRules.Raise(m => figures.First(f => f.Measure == m), period.Days))
        {
            SupportSpread = await spreadRead, OneOnOneGaps = await gapsRead, NoOneOnOneWeeks = fairness.Value.NoOneOnOneWeeks,
        };
    }

    /// <summary>The median team's value of every figure over the period, among teams whose figure HR could see.</summary>
    public async Task<IReadOnlyDictionary<Measure, double?>> OrganisationMediansAsync(Actor actor, DashboardPeriod period, CancellationToken ct)
    {
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            if (!actor.IsHr && !await db.TeamsLedBy(actor.PersonId).AnyAsync(ct))
            {
                throw new ActionNotAllowedException("Only leaders and HR see the organisation's figures.");
            }
        }
        // The medians are of HR's figures, so they follow HR's whole weeks, whoever asks.
        if (period.NearestWholeWeeks(time.Today()) is not { } weeks)
        {
            return Measures.All.ToDictionary(d => d.Measure, _ => (double?)null);
        }
        var key = (nameof(OrganisationMediansAsync), weeks.From, weeks.To, time.Today());
        if (cache.TryGetValue(key, out IReadOnlyDictionary<Measure, double?>? medians) && medians is not null)
        {
            return medians;
        }
        var rows = await RowsAsync(weeks, ct);
        medians = MediansOf(rows);
        cache.Set(key, medians, MedianLifetime);
        return medians;
    }

    public async Task<Overview> OverviewAsync(Actor actor, DashboardPeriod period, CancellationToken ct)
    {
        if (!actor.IsHr)
        {
            throw new ActionNotAllowedException("Only HR sees the overview of every team.");
        }
        period = period.ForHr(time.Today());
        var rows = await RowsAsync(period, ct);
        return new Overview(period, rows, MediansOf(rows));
    }

    private async Task<IReadOnlyList<OverviewRow>> RowsAsync(DashboardPeriod period, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var weeks = period.WeekRanges().Count;
        var reads = await ParallelReads.StartAsync(dbs, db, ct);
        var cellsRead = FiguresAsync(reads, null, new Slices(period.Whole, Weekly: true, Halves: false, WeekRule: true, WeeklyPercentiles: false), ct);
        var teamsRead = reads.Run(async other => (await other.Teams.OrderBy(t => t.Name)
                .Select(t => new
                {
                    t.Id,
                    t.Name,
                    Leaders = t.Memberships.Where(m => m.Role == TeamRole.Leader).OrderBy(m => m.Person.DisplayName).Select(m => m.Person.DisplayName).ToList(),
                })
                .AsSplitQuery()
                .ToListAsync(ct))
            .Select(t => new TeamLeaders(t.Id, t.Name, t.Leaders))
            .ToList());
        await Task.WhenAll(cellsRead, teamsRead);
        var (cells, teams) = (await cellsRead, await teamsRead);
        return teams.Select(t =>
        {
            var figures = HrFiguresOf(cells, t.Id, weeks).ToDictionary(f => f.Measure);
            return new OverviewRow(t.Id, t.Name, string.Join(", ", t.Leaders), figures[Measure.Coverage].People, figures,
                FlagRules.Raise(m => figures[m], period.Days));
        }).ToList();
    }

    /// <summary>
    /// Every figure family, each read on its own connection (<see cref="ParallelReads"/>); the families compute
    /// disjoint measures, so their cells together are every figure's.
    /// </summary>
    private async Task<FigureCells> FiguresAsync(ParallelReads reads, int? teamId, Slices slices, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = time.Today();
        Task<FigureCells>[] families =
        [
            reads.Run(async other => FigureCells.Of(
            [
                await RequestFigures.ReadAsync(Scope(other, now, teamId), slices, target.Value.AcknowledgeTargetWorkingDays, ct),
                await RequestWaitFigures.WaitingNowAsync(Scope(other, now, teamId), ct),
            ])),
            reads.Run(async other => FigureCells.Of(
            [
                await SupportFigures.ReadAsync(Scope(other, now, teamId), slices, ct),
                await CreditFigures.ReadAsync(Scope(other, now, teamId), slices, ct),
            ])),
            reads.Run(async other => FigureCells.Of(
            [
                await CheckInFigures.ReadAsync(Scope(other, now, teamId), slices, today, ct),
                await CheckInFigures.BlockersAsync(Scope(other, now, teamId), ct),
            ])),
            reads.Run(other => FairnessFigures.ReadAsync(Scope(other, now, teamId), slices, fairness.Value, ct)),
            reads.Run(other => FollowThroughFigures.ReadAsync(Scope(other, now, teamId), slices, today, fairness.Value, ct)),
        ];
        return FigureCells.Of(await Task.WhenAll(families));
    }

    private FigureScope Scope(ServantLeaderDb db, DateTimeOffset now, int? teamId) => new(db, time.LocalTimeZone, now, teamId);

    private static Dictionary<Measure, double?> MediansOf(IReadOnlyList<OverviewRow> rows) =>
        Measures.All.ToDictionary(d => d.Measure, d => !DashboardBlocks.HasOrganisationMedian(d.Measure) ? null : OrganisationMedian.Of(
            rows.Select(r => r[d.Measure]).Where(f => f is { Withheld: false, Value: not null }).Select(f => f.Value!.Value)));

    private static List<Figure> FiguresOf(FigureCells cells, int teamId, bool forHr)
    {
        var whole = cells.For(teamId, Bucket.Whole);
        var first = cells.For(teamId, Bucket.FirstHalf);
        var second = cells.For(teamId, Bucket.SecondHalf);
        return Measures.All.Select(d =>
        {
            if (d.Measure != Measure.PulseChange)
            {
                return Shown(d, whole, forHr);
            }
            var before = first.GetValueOrDefault(Measure.PulseMean);
            var after = second.GetValueOrDefault(Measure.PulseMean);
            return FigureUncertainty.PulseTrend(d, before, after, Math.Min(before.People, after.People), withheldWeeks: 0);
        }).ToList();
    }

    private static List<Figure> HrFiguresOf(FigureCells cells, int teamId, int weeks) =>
        Measures.All.Select(d => WholeWeeks.Figure(d, cells, teamId, weeks, (definition, slice) => Shown(definition, slice, forHr: true))).ToList();

    /// <summary>A count with no rows is zero; a share or a mean with nothing to divide by is "no data yet".</summary>
    private static Figure Shown(MeasureDefinition definition, IReadOnlyDictionary<Measure, Cell> cells, bool forHr)
    {
        var cell = cells.TryGetValue(definition.Measure, out var c)
            ? c
            : new Cell(IsCount(definition.Measure) ? 0 : null, 0);
        return Shown(definition, cell, forHr);
    }

    private static Figure Shown(MeasureDefinition definition, Cell cell, bool forHr)
    {
        return forHr && IsSmallGroup(cell.People)
            ? new Figure(definition, null, cell.People, Withheld: true)
            : FigureUncertainty.With(new Figure(definition, cell.Value, cell.People, Withheld: false), cell);
    }

    private static bool IsCount(Measure measure) => measure is Measure.RequestsReceived or Measure.SupportEntries
        or Measure.SupportHours or Measure.OpenBlockers or Measure.CreditGiven or Measure.CreditReceived
        or Measure.NotYetAcknowledged or Measure.NotYetResolved or Measure.WaitingNow
        or Measure.BlockersNotCleared or Measure.MembersWithoutOneOnOne;

    /// <summary>Zero people reveals nothing about anyone; one or two would.</summary>
    private static bool IsSmallGroup(int people) => people is > 0 and < GroupSize.Minimum;

    /// <summary>
    /// The member table: each current member (an active person whose Member membership has not ended) with their entries
    /// and minutes in the period and their last support up to today, by one statement of index seeks per member.
    /// </summary>
    private async Task<IReadOnlyList<MemberCoverage>> MemberCoverageAsync(ServantLeaderDb db, int teamId, DashboardPeriod period,
        int quietWeeks, CancellationToken ct)
    {
        var today = time.Today();
        var quietSince = today.AddDays(-7 * quietWeeks);
        var scope = Scope(db, time.GetUtcNow(), teamId);
        var sql = new SqlText();
        var epoch = DateOnly.FromDateTime(DateTime.UnixEpoch);
        var inPeriod = $"""s."MemberId" = m."PersonId" AND s."TeamId" = m."TeamId" AND s."Date" >= {sql.Parameter(period.From)} AND s."Date" <= {sql.Parameter(period.To)}""";
        var last = $"""(SELECT MAX(s."Date") FROM "SupportEntries" s WHERE s."MemberId" = m."PersonId" AND s."TeamId" = m."TeamId" AND s."Date" <= {sql.Parameter(today)})""";
        sql.Append($"""
            SELECT m."PersonId" AS "PersonId", p."DisplayName" AS "Name", m."Since" AS "Since",
              (SELECT COUNT(*) FROM "SupportEntries" s WHERE {inPeriod}) AS "Entries",
              (SELECT SUM(s."Minutes") FROM "SupportEntries" s WHERE {inPeriod}) AS "Minutes",
              {scope.DayDifference(sql, last, epoch)} AS "LastDay"
            FROM "Memberships" m JOIN "People" p ON p."Id" = m."PersonId"
            WHERE m."TeamId" = {sql.Parameter(teamId)} AND m."Role" = 'Member' AND m."Until" IS NULL AND p."IsActive"
            """);
        return (await sql.ReadAsync<MemberRow>(db, ct))
            .Select(r =>
            {
                // Weeks without support count from the later of the last support and the day they joined: nobody is
                // "without support for 4 weeks" on their first day (the organisation's zone; per-person zones come later).
                var joined = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(r.Since), time.LocalTimeZone).DateTime);
                DateOnly? lastSupport = r.LastDay is { } day ? epoch.AddDays((int)day) : null;
                var since = lastSupport is { } l && l > joined ? l : joined;
                return new MemberCoverage(r.PersonId, r.Name, (int)r.Entries, (r.Minutes ?? 0) / 60.0, lastSupport, since <= quietSince, joined);
            })
            .OrderByDescending(r => r.Quiet).ThenBy(r => r.LastSupport).ThenBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();
    }

#pragma warning disable CA1812 // materialised from SQL by RowMap
    private sealed class MemberRow
    {
        public int PersonId { get; set; }
        public string Name { get; set; } = "";
        public long Since { get; set; }
        public long Entries { get; set; }
        public long? Minutes { get; set; }
        public long? LastDay { get; set; }
    }
#pragma warning restore CA1812

    /// <summary>A team and the names of its leaders, for a row of HR's overview.</summary>
    private sealed record TeamLeaders(int Id, string Name, List<string> Leaders);
}
