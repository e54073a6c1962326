using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
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
public sealed class DashboardService(IDbContextFactory<ServantLeaderDb> dbs, TimeProvider time, IMemoryCache cache)
{
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
        var leads = await db.LeadsTeamAsync(actor.PersonId, teamId, ct);
        if (!leads && !actor.IsHr)
        {
            throw new NotFoundException();
        }
        var team = await db.Teams.Where(t => t.Id == teamId).Select(t => new { t.Id, t.Name }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        var forHr = !leads;
        if (forHr)
        {
            period = period.ForHr(time.Today());
        }
        quietWeeks = Math.Clamp(quietWeeks, 1, 52);

        var weeks = period.WeekRanges();
        IReadOnlyList<CategorySupport> categories = [];
        IReadOnlyList<MemberCoverage>? coverage = null;
        var queries = await FiguresAsync(db, teamId, new Slices(period.Whole, Weekly: true, Halves: !forHr, WeekRule: forHr), ct,
            async other => categories = await new FigureQueries(other, time.LocalTimeZone, time.GetUtcNow(), teamId).CategoriesAsync(period.Whole, ct, weekRule: forHr),
            async other => coverage = forHr ? null : await MemberCoverageAsync(other, teamId, period, quietWeeks, ct));

        var figures = forHr ? HrFiguresOf(queries, teamId, weeks.Count) : FiguresOf(queries, teamId, forHr: false);
        var trends = Measures.All.Where(d => d.HasTrend).ToDictionary(d => d.Measure, d => (IReadOnlyList<TrendPoint>)weeks
            .Select((w, i) => forHr && WholeWeeks.IsSmall(queries.For(teamId, i), d.Measure)
                ? new Figure(d, null, 0, Withheld: true)
                : Shown(d, queries.For(teamId, i), forHr))
            .Select((f, i) => new TrendPoint(weeks[i].From, f.Value, f.Withheld))
            .ToList());
        var members = figures.First(f => f.Measure == Measure.Coverage).People;

        return new TeamDashboard(team.Id, team.Name, members, period, forHr, figures, trends,
            categories.Select(c => c.Withheld ? c with { Entries = 0, Hours = 0 } : c).ToList(),
            coverage,
            quietWeeks, FlagRules.Raise(m => figures.First(f => f.Measure == m)));
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
        List<(int Id, string Name, List<string> Leaders)> teams = [];
        var weeks = period.WeekRanges().Count;
        var queries = await FiguresAsync(db, null, new Slices(period.Whole, Weekly: true, Halves: false, WeekRule: true, WeeklyPercentiles: false), ct,
            async other => teams = (await other.Teams.OrderBy(t => t.Name)
                .Select(t => new
                {
                    t.Id,
                    t.Name,
                    Leaders = t.Memberships.Where(m => m.Role == TeamRole.Leader).OrderBy(m => m.Person.DisplayName).Select(m => m.Person.DisplayName).ToList(),
                })
                .AsSplitQuery()
                .ToListAsync(ct)).Select(t => (t.Id, t.Name, t.Leaders)).ToList());
        return teams.Select(t =>
        {
            var figures = HrFiguresOf(queries, t.Id, weeks).ToDictionary(f => f.Measure);
            return new OverviewRow(t.Id, t.Name, string.Join(", ", t.Leaders), figures[Measure.Coverage].People, figures,
                FlagRules.Raise(m => figures[m]));
        }).ToList();
    }

    /// <summary>
    /// The figure families (and any extra reads) run side by side, each on its own connection: they read disjoint
    /// tables, SQLite's WAL lets readers run in parallel, and a dashboard is one person waiting.
    /// </summary>
    private async Task<FigureQueries> FiguresAsync(ServantLeaderDb db, int? teamId, Slices slices, CancellationToken ct,
        params Func<ServantLeaderDb, Task>[] extras)
    {
        var now = time.GetUtcNow();
        var today = time.Today();
        Func<FigureQueries, Task>[] families =
        [
            q => q.RequestsAsync(slices, ct),
            async q =>
            {
                await q.SupportAsync(slices, ct);
                await q.CreditAsync(slices, ct);
            },
            async q =>
            {
                await q.CheckInsAsync(slices, today, ct);
                await q.BlockersAsync(ct);
            },
        ];
        var parts = new FigureQueries?[families.Length];
        var work = families
            .Select((family, i) => (Func<ServantLeaderDb, Task>)(async other =>
            {
                var queries = new FigureQueries(other, time.LocalTimeZone, now, teamId);
                await family(queries);
                parts[i] = queries;
            }))
            .Concat(extras)
            .ToList();

        async Task Run(Func<ServantLeaderDb, Task> item)
        {
            await using var other = await dbs.CreateDbContextAsync(ct);
            await item(other);
        }
        if (await SharesOneConnectionAsync(db, ct))
        {
            foreach (var item in work)
            {
                await Run(item);
            }
        }
        else
        {
            // SQLite's "async" calls complete synchronously; Task.Run is what puts the reads on separate cores.
            await Task.WhenAll(work.Select(item => Task.Run(() => Run(item), ct)));
        }
        return parts.Skip(1).Aggregate(parts[0]!, (all, part) => all.Merge(part!));
    }

    /// <summary>A host that hands every context the same open connection (an in-memory database) cannot read in parallel.</summary>
    private async Task<bool> SharesOneConnectionAsync(ServantLeaderDb db, CancellationToken ct)
    {
        await using var other = await dbs.CreateDbContextAsync(ct);
        return ReferenceEquals(db.Database.GetDbConnection(), other.Database.GetDbConnection());
    }

    private static Dictionary<Measure, double?> MediansOf(IReadOnlyList<OverviewRow> rows) =>
        Measures.All.ToDictionary(d => d.Measure, d => Percentile.Of(
            rows.Select(r => r[d.Measure]).Where(f => f is { Withheld: false, Value: not null }).Select(f => f.Value!.Value), 50));

    private static List<Figure> FiguresOf(FigureQueries queries, int teamId, bool forHr)
    {
        var whole = queries.For(teamId, Bucket.Whole);
        var first = queries.For(teamId, Bucket.FirstHalf);
        var second = queries.For(teamId, Bucket.SecondHalf);
        return Measures.All.Select(d =>
        {
            if (d.Measure != Measure.PulseChange)
            {
                return Shown(d, whole, forHr);
            }
            var before = first.GetValueOrDefault(Measure.PulseMean);
            var after = second.GetValueOrDefault(Measure.PulseMean);
            var change = before.Value is { } b && after.Value is { } a ? a - b : (double?)null;
            return Shown(d, new Dictionary<Measure, Cell> { [d.Measure] = new(change, Math.Min(before.People, after.People)) }, forHr);
        }).ToList();
    }

    private static List<Figure> HrFiguresOf(FigureQueries queries, int teamId, int weeks) =>
        Measures.All.Select(d => WholeWeeks.Figure(d, queries, teamId, weeks, (definition, cells) => Shown(definition, cells, forHr: true))).ToList();

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
            : new Figure(definition, cell.Value, cell.People, Withheld: false);
    }

    private static bool IsCount(Measure measure) => measure is Measure.RequestsReceived or Measure.SupportEntries
        or Measure.SupportHours or Measure.OpenBlockers or Measure.CreditGiven or Measure.CreditReceived;

    /// <summary>Zero people reveals nothing about anyone; one or two would.</summary>
    private static bool IsSmallGroup(int people) => people is > 0 and < GroupSize.Minimum;

    private async Task<IReadOnlyList<MemberCoverage>> MemberCoverageAsync(ServantLeaderDb db, int teamId, DashboardPeriod period,
        int quietWeeks, CancellationToken ct)
    {
        var today = time.Today();
        var quietSince = today.AddDays(-7 * quietWeeks);
        var rows = await db.Memberships
            .Where(m => m.TeamId == teamId && m.Role == TeamRole.Member && m.Person.IsActive)
            .Select(m => new
            {
                m.PersonId,
                m.Person.DisplayName,
                Entries = db.SupportEntries.Count(s => s.TeamId == teamId && s.MemberId == m.PersonId && s.Date >= period.From && s.Date <= period.To),
                Minutes = db.SupportEntries.Where(s => s.TeamId == teamId && s.MemberId == m.PersonId && s.Date >= period.From && s.Date <= period.To)
                    .Sum(s => (int?)s.Minutes) ?? 0,
                Last = db.SupportEntries.Where(s => s.TeamId == teamId && s.MemberId == m.PersonId && s.Date <= today)
                    .Max(s => (DateOnly?)s.Date),
            })
            .ToListAsync(ct);
        return rows
            .Select(r => new MemberCoverage(r.PersonId, r.DisplayName, r.Entries, r.Minutes / 60.0, r.Last, r.Last is null || r.Last <= quietSince))
            .OrderByDescending(r => r.Quiet).ThenBy(r => r.LastSupport).ThenBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();
    }
}
