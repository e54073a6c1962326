using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.OneOnOnes;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Dashboard;

/// <summary>
/// The growth section of a team's dashboard, and HR's growth columns of the overview (docs/metrics.md, "Growth").
/// The same readers as the service figures: the team's leaders see their team over any days, with each member's last
/// growth conversation; HR sees whole weeks that are over, each figure built only from the weeks in which it rests on
/// at least <see cref="GroupSize.Minimum"/> people, and never anything per member.
/// </summary>
public sealed class GrowthFiguresService(IDbContextFactory<ServantLeaderDb> dbs, TimeProvider time, IMemoryCache cache)
{
    public async Task<GrowthDashboard> TeamAsync(Actor actor, int teamId, DashboardPeriod period, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var reader = await DashboardReader.OpenAsync(db, actor, teamId, period, time.Today(), ct);
        var forHr = reader.ForHr;
        period = reader.Period;
        var weeks = period.WeekRanges();
        var reads = await ParallelReads.StartAsync(dbs, db, ct);
        var cells = await GrowthFigures.ReadAsync(reads, other => Scope(other, teamId), new Slices(period.Whole, Weekly: true, Halves: false, WeekRule: forHr), ct);
        var figures = GrowthMeasures.All
            .Select(d => forHr ? HrFigure(d, cells, teamId, weeks.Count) : Shown(d, cells.Of(teamId, Bucket.Whole, d.Measure)))
            .ToList();
        var trends = GrowthMeasures.All.ToDictionary(d => d.Measure, d => (IReadOnlyList<TrendPoint>)weeks
            .Select((w, i) => cells.Of(teamId, i, d.Measure) is var cell && forHr && IsSmall(cell.People)
                ? new TrendPoint(w.From, null, Withheld: true)
                : new TrendPoint(w.From, Shown(d, cell).Value, Withheld: false))
            .ToList());
        var conversations = forHr ? null : await ConversationsAsync(db, teamId, ct);
        var members = cells.Of(teamId, Bucket.Whole, GrowthMeasure.PlansKeptAlive).People;
        return new GrowthDashboard(reader.TeamId, reader.TeamName, members, period, forHr, figures, trends, await MediansAsync(period, ct), conversations);
    }

    /// <summary>HR's growth columns: every team's figures over whole weeks that are over, by HR's rule.</summary>
    public async Task<GrowthOverview> OverviewAsync(Actor actor, DashboardPeriod period, CancellationToken ct)
    {
        if (!actor.IsHr)
        {
            throw new ActionNotAllowedException("Only HR sees the overview of every team.");
        }
        period = period.ForHr(time.Today());
        var rows = await RowsAsync(period, ct);
        return new GrowthOverview(period,
            rows.ToDictionary(r => r.Key, r => (IReadOnlyDictionary<GrowthMeasure, GrowthFigure>)r.Value), MediansOf(rows));
    }

    /// <summary>
    /// The median team's value of each growth figure, among the teams whose figure HR could see, over HR's whole weeks
    /// nearest to the period. A backdrop, recomputed at most every <see cref="DashboardService.MedianLifetime"/>.
    /// </summary>
    private async Task<IReadOnlyDictionary<GrowthMeasure, double?>> MediansAsync(DashboardPeriod period, CancellationToken ct)
    {
        if (period.NearestWholeWeeks(time.Today()) is not { } weeks)
        {
            return GrowthMeasures.All.ToDictionary(d => d.Measure, _ => (double?)null);
        }
        var key = (nameof(GrowthFiguresService), weeks.From, weeks.To, time.Today());
        if (cache.TryGetValue(key, out IReadOnlyDictionary<GrowthMeasure, double?>? medians) && medians is not null)
        {
            return medians;
        }
        medians = MediansOf(await RowsAsync(weeks, ct));
        cache.Set(key, medians, DashboardService.MedianLifetime);
        return medians;
    }

    private async Task<Dictionary<int, Dictionary<GrowthMeasure, GrowthFigure>>> RowsAsync(DashboardPeriod period, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var weeks = period.WeekRanges().Count;
        var reads = await ParallelReads.StartAsync(dbs, db, ct);
        var cells = await GrowthFigures.ReadAsync(reads, other => Scope(other, null), new Slices(period.Whole, Weekly: true, Halves: false, WeekRule: true), ct);
        return cells.Teams.ToDictionary(t => t, t => GrowthMeasures.All.ToDictionary(d => d.Measure, d => HrFigure(d, cells, t, weeks)));
    }

    private static Dictionary<GrowthMeasure, double?> MediansOf(Dictionary<int, Dictionary<GrowthMeasure, GrowthFigure>> rows) =>
        GrowthMeasures.All.ToDictionary(d => d.Measure, d => OrganisationMedian.Of(
            rows.Values.Select(r => r[d.Measure]).Where(f => f is { Withheld: false, Value: not null }).Select(f => f.Value!.Value)));

    /// <summary>
    /// One of HR's figures over whole weeks: counts add up the weeks resting on 3 or more people, the share of support
    /// adds up their minutes. Plans kept alive is a figure of the period's end, shown when the team has 3 or more members
    /// on its last day; servants grown was counted by the statement over the weeks with 3 or more members.
    /// </summary>
    private static GrowthFigure HrFigure(GrowthMeasureDefinition definition, GrowthCells cells, int team, int weeks)
    {
        var whole = cells.Of(team, Bucket.Whole, definition.Measure);
        if (definition.Measure == GrowthMeasure.PlansKeptAlive)
        {
            // A figure of the period's end: it rests on the members in the team on the last day, whatever the weeks before.
            return IsSmall(whole.People)
                ? new GrowthFigure(definition, null, whole.People, Withheld: true, WithheldWeeks: 0)
                : new GrowthFigure(definition, whole.Value, whole.People, Withheld: false);
        }
        var weekly = Enumerable.Range(0, weeks).Select(i => cells.Of(team, i, definition.Measure)).ToList();
        var kept = weekly.Where(c => c.People >= GroupSize.Minimum).ToList();
        var left = weekly.Count(c => IsSmall(c.People));
        if (kept.Count == 0)
        {
            return left > 0
                ? new GrowthFigure(definition, null, whole.People, Withheld: true, WithheldWeeks: left)
                : new GrowthFigure(definition, IsCount(definition.Measure) ? 0 : null, 0, Withheld: false);
        }
        var denominator = kept.Sum(c => c.Denominator);
        var (value, leftOut) = definition.Measure switch
        {
            GrowthMeasure.ServantsGrown => (whole.Value, left),
            GrowthMeasure.GrowthSupportShare => (denominator == 0 ? null : kept.Sum(c => c.Numerator) / denominator, left),
            _ => ((double?)kept.Sum(c => c.Numerator), left),
        };
        return WithCount(new GrowthFigure(definition, value, whole.People, Withheld: false, WithheldWeeks: leftOut), whole);
    }

    /// <summary>A count with no rows is zero; a share with nothing to divide by is "no data yet".</summary>
    private static GrowthFigure Shown(GrowthMeasureDefinition definition, Cell cell) =>
        WithCount(new(definition, cell.Value ?? (IsCount(definition.Measure) ? 0 : null), cell.People, Withheld: false), cell);

    /// <summary>
    /// A share of the team's members carries its members and its Wilson interval (both computed from the whole period's
    /// cell, as its value is). The share of support is of minutes, not of members: no interval.
    /// </summary>
    private static GrowthFigure WithCount(GrowthFigure figure, Cell cell) =>
        figure.Measure is GrowthMeasure.PlansKeptAlive or GrowthMeasure.ServantsGrown && figure.Value is not null
            ? figure with { Count = (int)cell.Denominator, Interval = FigureUncertainty.Wilson(cell.Numerator, cell.Denominator) }
            : figure;

    private static bool IsCount(GrowthMeasure measure) =>
        GrowthMeasures.Of(measure).Unit is MeasureUnit.Count or MeasureUnit.Hours;

    /// <summary>Zero people reveals nothing about anyone; one or two would.</summary>
    private static bool IsSmall(int people) => people is > 0 and < GroupSize.Minimum;

    private async Task<IReadOnlyList<GrowthConversation>> ConversationsAsync(ServantLeaderDb db, int teamId, CancellationToken ct)
    {
        var rows = await db.Memberships
            .Where(m => m.TeamId == teamId && m.Role == TeamRole.Member && m.Person.IsActive)
            .Select(m => new
            {
                m.PersonId,
                m.Person.DisplayName,
                Last = db.OneOnOnes.Where(o => o.MemberId == m.PersonId && o.IsGrowthConversation && o.Status == MeetingStatus.Held)
                    .Max(o => o.HeldAt),
            })
            .ToListAsync(ct);
        var today = time.Today();
        return rows
            .Select(r =>
            {
                DateOnly? held = r.Last is { } at ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, time.LocalTimeZone).DateTime) : null;
                return new GrowthConversation(r.PersonId, r.DisplayName, held, today.DayNumber - held?.DayNumber);
            })
            .OrderBy(c => c.LastHeld ?? DateOnly.MinValue).ThenBy(c => c.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    private FigureScope Scope(ServantLeaderDb db, int? teamId) => new(db, time.LocalTimeZone, time.GetUtcNow(), teamId);
}
