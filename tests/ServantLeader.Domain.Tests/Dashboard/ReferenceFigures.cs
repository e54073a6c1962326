using System.Globalization;
using Microsoft.Data.Sqlite;
using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Dashboard;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Tests.Dashboard;

/// <summary>
/// The dashboard's figures computed a second, independent way: every raw row read with plain ADO.NET, then
/// LINQ-to-objects straight from the definitions in docs/metrics.md. Shares no code with the dashboard's SQL.
/// </summary>
internal sealed class ReferenceFigures
{
    private sealed record Request(int Team, int Requester, string Status, long Created, long? Acknowledged, long? Resolved, int? Rating,
        long? Confirmed = null, int Reopened = 0);
    private sealed record Support(int Team, int Member, int? Request, int Minutes, DateOnly Date);
    /// <summary>A membership: from <paramref name="Since"/> up to <paramref name="Until"/> (null while it lasts).</summary>
    private sealed record Member(int Team, int Person, string Role, long Since, long? Until)
    {
        /// <summary>
        /// docs/metrics.md, "The team as it was": the membership counts for the instants [t0, t1) when it overlapped them;
        /// one that ended the instant it began covers no time.
        /// </summary>
        public bool Overlaps(long t0, long t1) => Since < t1 && (Until is not { } until || (until > t0 && until > Since));
    }
    private sealed record CheckIn(int Id, int Team, int Member, DateOnly Due, string Status, int? Pulse, bool Blocker, int? Request, long? Submitted, long? Reviewed);
    private sealed record Credit(int Team, int Giver, int Receiver, long Created);
    private sealed record Team(int Id, CheckInCadence Cadence, DayOfWeek DueDay);

    private List<Request> _requests = [];
    private List<Support> _support = [];
    private List<Member> _members = [];
    private List<CheckIn> _checkIns = [];
    private List<Credit> _credits = [];
    private List<Team> _teams = [];

    public required TimeZoneInfo Zone { get; init; }
    public required DateTimeOffset Now { get; init; }

    /// <summary>The organisation's target for a first response, in working days (the app's default unless a test sets it).</summary>
    public int TargetWorkingDays { get; init; } = 1;

    /// <summary>The fairness and follow-through figures' own reference, merged into every computation when set.</summary>
    public FairnessReference? Fairness { get; init; }

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, Zone).DateTime);

    public async Task LoadAsync(SqliteConnection connection)
    {
        _requests = await ReadAsync(connection, "SELECT TeamId, RequesterId, Status, CreatedAt, AcknowledgedAt, ResolvedAt, Rating, ConfirmedAt, ReopenCount FROM ServiceRequests",
            r => new Request(r.GetInt32(0), r.GetInt32(1), r.GetString(2), r.GetInt64(3), Long(r, 4), Long(r, 5), r.IsDBNull(6) ? null : r.GetInt32(6),
                Long(r, 7), r.GetInt32(8)));
        _support = await ReadAsync(connection, "SELECT TeamId, MemberId, RequestId, Minutes, Date FROM SupportEntries",
            r => new Support(r.GetInt32(0), r.GetInt32(1), r.IsDBNull(2) ? null : r.GetInt32(2), r.GetInt32(3), Day(r.GetString(4))));
        _members = await ReadAsync(connection, "SELECT TeamId, PersonId, Role, Since, Until FROM Memberships",
            r => new Member(r.GetInt32(0), r.GetInt32(1), r.GetString(2), r.GetInt64(3), Long(r, 4)));
        _checkIns = await ReadAsync(connection, "SELECT Id, TeamId, MemberId, PeriodDue, Status, Pulse, Challenges, RequestId, SubmittedAt, ReviewedAt FROM CheckIns",
            r => new CheckIn(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), Day(r.GetString(3)), r.GetString(4), r.IsDBNull(5) ? null : r.GetInt32(5),
                r.GetString(6).Length > 0, r.IsDBNull(7) ? null : r.GetInt32(7), Long(r, 8), Long(r, 9)));
        _credits = await ReadAsync(connection, "SELECT TeamId, GiverId, ReceiverId, CreatedAt FROM Credits",
            r => new Credit(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetInt64(3)));
        _teams = await ReadAsync(connection, "SELECT Id, CheckInCadence, CheckInDueDay FROM Teams",
            r => new Team(r.GetInt32(0), Enum.Parse<CheckInCadence>(r.GetString(1)), Enum.Parse<DayOfWeek>(r.GetString(2))));
    }

    public IEnumerable<int> TeamIds => _teams.Select(t => t.Id);

    /// <summary>Each figure's value and the number of distinct people it comes from, for one team and some days.</summary>
    public Dictionary<Measure, (double? Value, int People)> Compute(int team, DateOnly from, DateOnly to, bool withHalves = false)
    {
        var result = Compute(team, [(from, to)]);
        if (withHalves)
        {
            var days = to.DayNumber - from.DayNumber + 1;
            var firstEnd = from.AddDays(days / 2 - 1);
            var before = Pulse(team, [(from, firstEnd)]);
            var after = Pulse(team, [(firstEnd.AddDays(1), to)]);
            result[Measure.PulseChange] = (before.Value is null || after.Value is null ? null : after.Value - before.Value, Math.Min(before.People, after.People));
        }
        return result;
    }

    /// <summary>
    /// HR's figures over whole weeks, written out from docs/metrics.md: for each figure, the weeks in which it comes
    /// from at least 3 people; the figure over those weeks' days only; withheld when it has data but no such week.
    /// </summary>
    public Dictionary<Measure, (double? Value, bool Withheld)> ComputeForHr(int team, DateOnly from, DateOnly to)
    {
        var weeks = Enumerable.Range(0, (to.DayNumber - from.DayNumber + 1) / 7).Select(i => (From: from.AddDays(7 * i), To: from.AddDays(7 * i + 6))).ToList();
        var weekly = weeks.Select(w => Compute(team, w.From, w.To)).ToList();
        var now = Compute(team, from, to);
        var result = new Dictionary<Measure, (double?, bool)>();
        foreach (var measure in Enum.GetValues<Measure>())
        {
            if (measure is Measure.OpenBlockers or Measure.OldestBlockerDays or Measure.WaitingNow or Measure.LongestWaitHours
                or Measure.MembersWithoutOneOnOne)
            {
                var (value, people) = now[measure];
                result[measure] = people is 1 or 2 ? (null, true) : (value, false);
                continue;
            }
            var source = measure == Measure.PulseChange ? Measure.PulseMean : measure;
            var kept = weeks.Where((_, i) => weekly[i][source].People >= 3).ToList();
            // A request figure from nobody in a week when one or two people asked is withheld too (docs/metrics.md).
            var requestFigure = measure is not Measure.RequestsReceived && measure.ToString() is var name
                && (name.StartsWith("Acknowledge", StringComparison.Ordinal) || name.StartsWith("Resolve", StringComparison.Ordinal)
                    || name.StartsWith("Satisf", StringComparison.Ordinal) || measure is Measure.ResolutionRate or Measure.DeclinedShare
                    or Measure.NotYetAcknowledged or Measure.NotYetResolved or Measure.ConfirmedShare or Measure.ReopenRate);
            var left = weekly.Count(w => w[source].People is 1 or 2
                || (requestFigure && w[source].People == 0 && w[Measure.RequestsReceived].People is 1 or 2));
            if (measure == Measure.PulseChange)
            {
                var half = weeks.Count / 2;
                var first = kept.Where(w => weeks.IndexOf(w) < half).ToList();
                var second = kept.Where(w => weeks.IndexOf(w) >= half).ToList();
                var (before, after) = (Pulse(team, first).Value, Pulse(team, second).Value);
                var withheldHalf = (first.Count == 0 && weekly.Take(half).Any(w => w[source].People is 1 or 2))
                    || (second.Count == 0 && weekly.Skip(half).Any(w => w[source].People is 1 or 2));
                result[measure] = before is null || after is null ? (null, withheldHalf) : (after - before, false);
                continue;
            }
            var isCount = measure is Measure.RequestsReceived or Measure.SupportEntries or Measure.SupportHours or Measure.CreditGiven or Measure.CreditReceived
                or Measure.NotYetAcknowledged or Measure.NotYetResolved or Measure.BlockersNotCleared;
            result[measure] = kept.Count > 0 ? (Compute(team, kept)[measure].Value, false)
                : left > 0 ? (null, true)
                : (isCount ? 0 : null, false);
        }
        return result;
    }

    /// <summary>
    /// The figures over some disjoint ranges of days; coverage counts the members whose membership overlapped one of
    /// the ranges, and the support they got on those days.
    /// </summary>
    private Dictionary<Measure, (double? Value, int People)> Compute(int team, IReadOnlyList<(DateOnly From, DateOnly To)> ranges)
    {
        var spans = ranges.Select(r => (T0: Midnight(r.From), T1: Midnight(r.To.AddDays(1)))).ToList();
        bool At(long instant) => spans.Any(s => instant >= s.T0 && instant < s.T1);
        bool On(DateOnly day) => ranges.Any(r => day >= r.From && day <= r.To);
        var result = new Dictionary<Measure, (double?, int)>();

        var requests = _requests.Where(r => r.Team == team && At(r.Created)).ToList();
        var requesters = requests.Select(r => r.Requester).Distinct().Count();
        result[Measure.RequestsReceived] = (requests.Count, requesters);
        var acknowledged = requests.Where(r => r.Acknowledged is not null).ToList();
        var resolved = requests.Where(r => r.Status == "Resolved").ToList();
        result[Measure.AcknowledgeMedianHours] = (Percent(acknowledged.Select(r => (r.Acknowledged!.Value - r.Created) / 3_600_000.0), 0.5), People(acknowledged));
        result[Measure.AcknowledgeP90Hours] = (Percent(acknowledged.Select(r => (r.Acknowledged!.Value - r.Created) / 3_600_000.0), 0.9), People(acknowledged));
        result[Measure.ResolveMedianHours] = (Percent(resolved.Select(r => (r.Resolved!.Value - r.Created) / 3_600_000.0), 0.5), People(resolved));
        result[Measure.ResolveP90Hours] = (Percent(resolved.Select(r => (r.Resolved!.Value - r.Created) / 3_600_000.0), 0.9), People(resolved));
        result[Measure.ResolutionRate] = (Share(resolved.Count, requests.Count), requesters);
        result[Measure.DeclinedShare] = (Share(requests.Count(r => r.Status == "Declined"), requests.Count), requesters);
        var rated = requests.Where(r => r.Rating is not null).ToList();
        result[Measure.SatisfactionMean] = (rated.Count == 0 ? null : rated.Average(r => r.Rating!.Value), People(rated));
        result[Measure.SatisfiedShare] = (Share(rated.Count(r => r.Rating >= 4), rated.Count), People(rated));
        RequestsThatWait(team, requests, resolved, result);

        var support = _support.Where(s => s.Team == team && On(s.Date)).ToList();
        var supported = support.Select(s => s.Member).Distinct().Count();
        result[Measure.SupportEntries] = (support.Count, supported);
        result[Measure.SupportHours] = (support.Sum(s => s.Minutes) / 60.0, supported);
        result[Measure.ProactiveShare] = (Share(support.Count(s => s.Request is null), support.Count), supported);
        var eligible = _members.Where(m => m.Team == team && m.Role == nameof(TeamRole.Member) && spans.Any(s => m.Overlaps(s.T0, s.T1)))
            .Select(m => m.Person).Distinct().ToList();
        result[Measure.Coverage] = (Share(eligible.Count(p => support.Any(s => s.Member == p)), eligible.Count), eligible.Count);

        result[Measure.Participation] = Participation(team, ranges);
        result[Measure.PulseMean] = Pulse(team, ranges);

        var submitted = _checkIns.Where(c => c.Team == team && c.Submitted is { } at && At(at)).ToList();
        var due = submitted.Where(c => c.Reviewed is not null || c.Submitted + 3 * 86_400_000L <= Now.ToUnixTimeMilliseconds()).ToList();
        // The people behind the rate are the members whose check-ins are in its denominator (docs/metrics.md).
        result[Measure.ReviewRate] = (Share(due.Count(c => c.Reviewed is not null && c.Reviewed - c.Submitted <= 3 * 86_400_000L), due.Count),
            due.Select(c => c.Member).Distinct().Count());

        var open = _checkIns.Where(c => c.Team == team && c.Status != "Draft" && c.Blocker
            && (c.Status == "Submitted" || (c.Request is { } id && RequestIsActive(id)))).ToList();
        result[Measure.OpenBlockers] = (open.Count, open.Select(c => c.Member).Distinct().Count());
        result[Measure.OldestBlockerDays] = (open.Count == 0 ? null : (Now.ToUnixTimeMilliseconds() - open.Min(c => c.Submitted!.Value)) / 86_400_000.0,
            open.Select(c => c.Member).Distinct().Count());

        var credits = _credits.Where(k => k.Team == team && At(k.Created)).ToList();
        // In the team at the credit's instant: the membership began at or before it and had not ended.
        bool Held(Member m, long at) => m.Since <= at && (m.Until is null || m.Until > at);
        var byLeaders = credits.Where(k => _members.Any(m => m.Team == team && m.Person == k.Giver && m.Role == nameof(TeamRole.Leader) && Held(m, k.Created))).ToList();
        var toMembers = credits.Where(k => _members.Any(m => m.Team == team && m.Person == k.Receiver && m.Role == nameof(TeamRole.Member) && Held(m, k.Created))).ToList();
        result[Measure.CreditGiven] = (byLeaders.Count, byLeaders.Select(k => k.Receiver).Distinct().Count());
        result[Measure.CreditReceived] = (toMembers.Count, toMembers.Select(k => k.Receiver).Distinct().Count());
        foreach (var (measure, cell) in Fairness?.Compute(team, ranges) ?? [])
        {
            result[measure] = cell;
        }
        return result;
    }

    /// <summary>The figures of issue 16's "Requests that wait" and satisfaction's companions, from docs/metrics.md.</summary>
    private void RequestsThatWait(int team, List<Request> requests, List<Request> resolved, Dictionary<Measure, (double?, int)> result)
    {
        var unanswered = requests.Where(r => r.Acknowledged is null).ToList();
        result[Measure.NotYetAcknowledged] = (unanswered.Count, People(unanswered));
        var open = requests.Where(r => r.Status is "Open" or "Acknowledged").ToList();
        result[Measure.NotYetResolved] = (open.Count, People(open));
        var nowLocal = Local(Now.ToUnixTimeMilliseconds());
        var due = requests.Where(r => r.Acknowledged is not null || nowLocal > Deadline(r.Created)).ToList();
        result[Measure.AcknowledgedWithinTarget] = (Share(due.Count(r => r.Acknowledged is { } at && Local(at) <= Deadline(r.Created)), due.Count), People(due));
        result[Measure.ConfirmedShare] = (Share(resolved.Count(r => r.Confirmed is not null), resolved.Count), People(resolved));
        var reopenBase = requests.Where(r => r.Status == "Resolved" || r.Reopened > 0).ToList();
        result[Measure.ReopenRate] = (Share(reopenBase.Count(r => r.Reopened > 0), reopenBase.Count), People(reopenBase));
        var waiting = _requests.Where(r => r.Team == team && r.Status == "Open" && r.Acknowledged is null).ToList();
        result[Measure.WaitingNow] = (waiting.Count, People(waiting));
        result[Measure.LongestWaitHours] = (waiting.Count == 0 ? null : (Now.ToUnixTimeMilliseconds() - waiting.Min(r => r.Created)) / 3_600_000.0, People(waiting));
    }

    /// <summary>Local wall-clock time of an instant in the organisation's zone.</summary>
    private DateTime Local(long instant) => TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(instant), Zone).DateTime;

    /// <summary>Walks day by day: a weekend request starts on Monday 00:00; each working day lands on the next weekday.</summary>
    private DateTime Deadline(long created)
    {
        static bool Weekend(DateTime d) => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var at = Local(created);
        while (Weekend(at))
        {
            at = at.Date.AddDays(1);
        }
        for (var i = 0; i < TargetWorkingDays; i++)
        {
            do
            {
                at = at.AddDays(1);
            }
            while (Weekend(at));
        }
        return at;
    }

    private readonly Dictionary<int, bool> _active = [];

    private bool RequestIsActive(int id)
    {
        if (_active.Count == 0)
        {
            // Request ids follow insertion order in a fresh database; read them back to be sure.
            throw new InvalidOperationException("Call LoadRequestIdsAsync first.");
        }
        return _active.TryGetValue(id, out var active) && active;
    }

    public async Task LoadRequestIdsAsync(SqliteConnection connection)
    {
        foreach (var (id, status) in await ReadAsync(connection, "SELECT Id, Status FROM ServiceRequests", r => (r.GetInt32(0), r.GetString(1))))
        {
            _active[id] = status is "Open" or "Acknowledged";
        }
        _active[-1] = false;
    }

    private (double?, int) Participation(int team, IReadOnlyList<(DateOnly From, DateOnly To)> ranges)
    {
        var rhythm = _teams.Single(t => t.Id == team);
        var expected = 0;
        var done = 0;
        var people = new HashSet<int>();
        foreach (var (from, to) in ranges)
        {
            var last = to < Today ? to : Today.AddDays(-1);
            for (var p = CheckInPeriod.Containing(from, rhythm.Cadence, rhythm.DueDay); p.Due <= last; p = p.Next())
            {
                if (p.Due < from)
                {
                    continue;
                }
                // Expected of each person whose membership overlapped the due day, once.
                var (dayStart, dayEnd) = (Midnight(p.Due), Midnight(p.Due.AddDays(1)));
                foreach (var person in _members.Where(m => m.Team == team && m.Role == nameof(TeamRole.Member) && m.Overlaps(dayStart, dayEnd))
                             .Select(m => m.Person).Distinct())
                {
                    expected++;
                    people.Add(person);
                    if (_checkIns.Any(c => c.Team == team && c.Member == person && c.Due == p.Due && c.Status != "Draft"))
                    {
                        done++;
                    }
                }
            }
        }
        return (Share(done, expected), people.Count);
    }

    private (double? Value, int People) Pulse(int team, IReadOnlyList<(DateOnly From, DateOnly To)> ranges)
    {
        var pulses = _checkIns.Where(c => c.Team == team && c.Status != "Draft" && c.Pulse is not null && ranges.Any(r => c.Due >= r.From && c.Due <= r.To)).ToList();
        return (pulses.Count == 0 ? null : pulses.Average(c => c.Pulse!.Value), pulses.Select(c => c.Member).Distinct().Count());
    }

    private long Midnight(DateOnly day) =>
        new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), Zone)).ToUnixTimeMilliseconds();

    private static int People(IEnumerable<Request> requests) => requests.Select(r => r.Requester).Distinct().Count();

    private static double? Share(int part, int whole) => whole == 0 ? null : (double)part / whole;

    /// <summary>Linear interpolation between closest ranks, written out from the definition.</summary>
    private static double? Percent(IEnumerable<double> values, double p)
    {
        var sorted = values.OrderBy(v => v).ToList();
        if (sorted.Count == 0)
        {
            return null;
        }
        var h = (sorted.Count - 1) * p;
        var lower = (int)Math.Floor(h);
        var upper = (int)Math.Ceiling(h);
        return sorted[lower] + (h - lower) * (sorted[upper] - sorted[lower]);
    }

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static long? Long(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);

    private static async Task<List<T>> ReadAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(map(reader));
        }
        return rows;
    }
}
