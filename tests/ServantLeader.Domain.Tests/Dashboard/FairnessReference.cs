using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Dashboard;
using ServantLeader.Domain.Data;

namespace ServantLeader.Domain.Tests.Dashboard;

/// <summary>
/// The fairness and follow-through figures computed a second, independent way, written out from docs/metrics.md
/// ("Fair comparisons and follow-through"): raw rows read once, then plain LINQ-to-objects. Shares no code with the
/// dashboard's SQL, and reads through EF only to stay provider-neutral (it runs on SQLite and PostgreSQL alike).
/// </summary>
internal sealed class FairnessReference
{
    private sealed record Member(int Team, int Person, string Role, long Since, long? Until);
    private sealed record Support(int Team, int Member, int Minutes, DateOnly Date);
    private sealed record CheckIn(int Id, int Team, int Member, string Status, bool Blocker, int? Request, long? Submitted);
    private sealed record Request(int Id, string Status, long? Resolved);
    private sealed record Item(int Leader, int Member, int Owner, DateOnly? DueOn, long? DoneAt);
    private sealed record Meeting(int Leader, int Member, string Status, long? HeldAt);

    private List<Member> _members = [];
    private List<Support> _support = [];
    private List<CheckIn> _checkIns = [];
    private Dictionary<int, Request> _requests = [];
    private List<Item> _items = [];
    private List<Meeting> _meetings = [];

    public required TimeZoneInfo Zone { get; init; }
    public required DateTimeOffset Now { get; init; }
    public int DepthEntries { get; init; } = 2;
    public int DepthMinutes { get; init; } = 30;
    public int NoOneOnOneWeeks { get; init; } = 6;

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, Zone).DateTime);

    public static IReadOnlyList<Measure> Measures { get; } =
    [
        Measure.HoursPerMemberWeek, Measure.EntriesPerMemberWeek, Measure.CoverageDepth, Measure.SupportGini, Measure.TopFifthShare,
        Measure.BlockerClearMedianDays, Measure.BlockersNotCleared, Measure.ActionItemsOnTime, Measure.MembersWithoutOneOnOne,
    ];

    public async Task LoadAsync(ServantLeaderDb db)
    {
        _members = (await db.Memberships.IgnoreQueryFilters().AsNoTracking()
                .Select(m => new { m.TeamId, m.PersonId, m.Role, m.Since, m.Until }).ToListAsync())
            .Select(m => new Member(m.TeamId, m.PersonId, m.Role.ToString(), m.Since.ToUnixTimeMilliseconds(), m.Until?.ToUnixTimeMilliseconds()))
            .ToList();
        _support = (await db.SupportEntries.AsNoTracking().Select(s => new { s.TeamId, s.MemberId, s.Minutes, s.Date }).ToListAsync())
            .Select(s => new Support(s.TeamId, s.MemberId, s.Minutes, s.Date)).ToList();
        _checkIns = (await db.CheckIns.AsNoTracking()
                .Select(c => new { c.Id, c.TeamId, c.MemberId, c.Status, c.Challenges, c.RequestId, c.SubmittedAt }).ToListAsync())
            .Select(c => new CheckIn(c.Id, c.TeamId, c.MemberId, c.Status.ToString(), c.Challenges.Length > 0, c.RequestId, c.SubmittedAt?.ToUnixTimeMilliseconds()))
            .ToList();
        _requests = (await db.ServiceRequests.AsNoTracking().Select(r => new { r.Id, r.Status, r.ResolvedAt }).ToListAsync())
            .ToDictionary(r => r.Id, r => new Request(r.Id, r.Status.ToString(), r.ResolvedAt?.ToUnixTimeMilliseconds()));
        _items = (await db.ActionItems.AsNoTracking().Select(a => new { a.LeaderId, a.MemberId, a.OwnerId, a.DueOn, a.DoneAt }).ToListAsync())
            .Select(a => new Item(a.LeaderId, a.MemberId, a.OwnerId, a.DueOn, a.DoneAt?.ToUnixTimeMilliseconds())).ToList();
        _meetings = (await db.OneOnOnes.AsNoTracking().Select(o => new { o.LeaderId, o.MemberId, o.Status, o.HeldAt }).ToListAsync())
            .Select(o => new Meeting(o.LeaderId, o.MemberId, o.Status.ToString(), o.HeldAt?.ToUnixTimeMilliseconds())).ToList();
    }

    /// <summary>
    /// The figures over some disjoint ranges of days (whole weeks for HR's kept weeks); the members counted are those
    /// whose Member membership overlapped one of the ranges, each once (docs/metrics.md, "The team as it was").
    /// </summary>
    public Dictionary<Measure, (double? Value, int People)> Compute(int team, IReadOnlyList<(DateOnly From, DateOnly To)> ranges)
    {
        bool On(DateOnly day) => ranges.Any(r => day >= r.From && day <= r.To);
        var result = new Dictionary<Measure, (double?, int)>();

        // Fairness: every member counted, with their minutes (0 when none).
        var counted = MembersIn(team, ranges);
        var support = _support.Where(s => s.Team == team && On(s.Date)).ToList();
        var per = counted.Select(p => (Entries: support.Count(s => s.Member == p), Minutes: support.Where(s => s.Member == p).Sum(s => s.Minutes))).ToList();
        var served = per.Count(x => x.Minutes > 0);
        result[Measure.CoverageDepth] = (counted.Count == 0 ? null : (double)per.Count(x => x.Entries >= DepthEntries || x.Minutes >= DepthMinutes) / counted.Count,
            served);
        var minutes = per.Select(x => (double)x.Minutes).ToList();
        result[Measure.SupportGini] = (Gini(minutes), served);
        result[Measure.TopFifthShare] = (TopFifthShare(minutes), served);

        // Rates: the team's support over its member-weeks, week by week (weeks clipped to each range).
        var memberWeeks = ranges.SelectMany(Weeks).Sum(w => MembersIn(team, [w]).Count * (w.To.DayNumber - w.From.DayNumber + 1) / 7.0);
        var receivers = support.Select(s => s.Member).Distinct().Count();
        result[Measure.HoursPerMemberWeek] = (memberWeeks == 0 ? null : support.Sum(s => s.Minutes) / 60.0 / memberWeeks, receivers);
        result[Measure.EntriesPerMemberWeek] = (memberWeeks == 0 ? null : support.Count / memberWeeks, receivers);

        // Action items owned by the pair's leader, due in the ranges, of pairs that belonged to the team on the due day.
        bool OnDueDay(Member m, DateOnly due) => Overlaps(m, Midnight(due), Midnight(due.AddDays(1)));
        var items = _items.Where(a => a.Owner == a.Leader && a.DueOn is { } due && On(due)
            && _members.Any(m => m.Team == team && m.Person == a.Leader && m.Role == "Leader" && OnDueDay(m, due))
            && _members.Any(m => m.Team == team && m.Person == a.Member && m.Role == "Member" && OnDueDay(m, due))).ToList();
        var dueItems = items.Where(a => a.DoneAt is not null || a.DueOn < Today).ToList();
        result[Measure.ActionItemsOnTime] = (dueItems.Count == 0 ? null
                : (double)dueItems.Count(a => a.DoneAt is { } done && done < Midnight(a.DueOn!.Value.AddDays(1))) / dueItems.Count,
            dueItems.Select(a => a.Member).Distinct().Count());

        // Blockers raised in the ranges, and when each cleared.
        var spans = ranges.Select(r => (T0: Midnight(r.From), T1: Midnight(r.To.AddDays(1)))).ToList();
        var raised = Blockers(team).Where(b => spans.Any(s => b.Raised >= s.T0 && b.Raised < s.T1)).ToList();
        var cleared = raised.Where(b => b.Cleared is not null).ToList();
        result[Measure.BlockerClearMedianDays] = (Median(cleared.Select(b => (b.Cleared!.Value - b.Raised) / 86_400_000.0)),
            cleared.Select(b => b.Member).Distinct().Count());
        var open = raised.Where(b => b.Cleared is null).ToList();
        result[Measure.BlockersNotCleared] = (open.Count, open.Select(b => b.Member).Distinct().Count());

        var without = WithoutOneOnOne(team).Count;
        result[Measure.MembersWithoutOneOnOne] = (without, without);
        return result;
    }

    /// <summary>
    /// The members counted for coverage over some days: a Member membership that overlapped them, from local midnight at
    /// the first day to local midnight after the last (Since &lt; end, and no Until or Until &gt; start and &gt; Since); whether
    /// the person is active today decides nothing. Each person once.
    /// </summary>
    private List<int> MembersIn(int team, IReadOnlyList<(DateOnly From, DateOnly To)> ranges) =>
        _members.Where(m => m.Team == team && m.Role == "Member"
                && ranges.Any(r => Overlaps(m, Midnight(r.From), Midnight(r.To.AddDays(1)))))
            .Select(m => m.Person).Distinct().ToList();

    private static bool Overlaps(Member m, long t0, long t1) => m.Since < t1 && (m.Until is null || (m.Until > t0 && m.Until > m.Since));

    /// <summary>
    /// Current members (a Member membership not ended) of at least the set weeks with no held 1:1 in them with one of
    /// the team's leaders, past or present. Deactivation ends memberships, so whether the person is active decides nothing.
    /// </summary>
    public List<int> WithoutOneOnOne(int team)
    {
        var cutoff = Now.AddDays(-7 * NoOneOnOneWeeks).ToUnixTimeMilliseconds();
        var leaders = _members.Where(m => m.Team == team && m.Role == "Leader").Select(m => m.Person).ToHashSet();
        return _members.Where(m => m.Team == team && m.Role == "Member" && m.Until is null && m.Since <= cutoff)
            .Select(m => m.Person).Distinct()
            .Where(p => !_meetings.Any(o => o.Member == p && leaders.Contains(o.Leader) && o.Status == "Held" && o.HeldAt >= cutoff))
            .ToList();
    }

    private IEnumerable<(int Member, long Raised, long? Cleared)> Blockers(int team)
    {
        foreach (var member in _checkIns.Where(c => c.Team == team).Select(c => c.Member).Distinct())
        {
            var list = _checkIns.Where(c => c.Team == team && c.Member == member && c.Status != "Draft" && c.Submitted is not null)
                .OrderBy(c => c.Submitted).ThenBy(c => c.Id).ToList();
            for (var i = 0; i < list.Count; i++)
            {
                if (!list[i].Blocker || (i > 0 && list[i - 1].Blocker))
                {
                    continue;
                }
                // A request resolved before the blocker was raised does not clear it (metrics.md).
                long? cleared = list.Skip(i + 1).FirstOrDefault(c => !c.Blocker)?.Submitted;
                if (list[i].Request is { } id && _requests.TryGetValue(id, out var request) && request.Status == "Resolved"
                    && request.Resolved is { } resolved && resolved >= list[i].Submitted && (cleared is null || resolved < cleared))
                {
                    cleared = resolved;
                }
                yield return (member, list[i].Submitted!.Value, cleared);
            }
        }
    }

    /// <summary>G = 2·Σ i·xᵢ ÷ (n·Σ xᵢ) − (n + 1) ÷ n over the values sorted ascending, i from 1; none when Σ xᵢ is 0.</summary>
    public static double? Gini(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        var total = sorted.Sum();
        if (sorted.Count == 0 || total == 0)
        {
            return null;
        }
        var n = sorted.Count;
        var ranked = sorted.Select((x, i) => (i + 1) * x).Sum();
        return 2 * ranked / (n * total) - (n + 1.0) / n;
    }

    /// <summary>The ⌈n ÷ 5⌉ largest values' share of the total; none when the total is 0.</summary>
    public static double? TopFifthShare(IReadOnlyList<double> values)
    {
        var total = values.Sum();
        if (values.Count == 0 || total == 0)
        {
            return null;
        }
        var take = (int)Math.Ceiling(values.Count / 5.0);
        return values.OrderDescending().Take(take).Sum() / total;
    }

    private static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }
        var h = (sorted.Count - 1) * 0.5;
        var low = (int)Math.Floor(h);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }

    /// <summary>Monday-to-Sunday weeks, the first and last clipped to the range.</summary>
    private static IEnumerable<(DateOnly From, DateOnly To)> Weeks((DateOnly From, DateOnly To) range)
    {
        var start = range.From;
        while (start <= range.To)
        {
            var sunday = start.AddDays(6 - ((int)start.DayOfWeek + 6) % 7);
            var end = sunday < range.To ? sunday : range.To;
            yield return (start, end);
            start = end.AddDays(1);
        }
    }

    private long Midnight(DateOnly day) =>
        new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), Zone)).ToUnixTimeMilliseconds();
}
