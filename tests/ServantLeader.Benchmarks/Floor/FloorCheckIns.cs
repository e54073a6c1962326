using Microsoft.Data.Sqlite;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Dashboard;

namespace ServantLeader.Benchmarks.Floor;

/// <summary>
/// Check-in figures (docs/metrics.md, "Definitions" and "Details and edge cases"): participation, leader review rate,
/// pulse mean and trend, open blockers and the oldest one. Three statements: participation (the team's check-in
/// periods, the team as it was on each due day), the check-ins by week (review by <c>SubmittedAt</c>, pulse by
/// <c>PeriodDue</c>, and the pulse's halves), and the open blockers now. Days are UTC days (the benchmark's zone).
/// </summary>
internal static class FloorCheckIns
{
    private const long DayMs = 86_400_000;
    private const long ReviewWindowMs = 3 * DayMs;

    // Kinds of rows the check-in statement returns.
    private const int Review = 0;
    private const int Pulse = 1;
    private const int Half = 2;

    public static async Task ReadAsync(FloorContext context, FloorResult into)
    {
        var hr = context.TeamId is null;
        var period = hr ? context.Period.ForHr(context.Today) : context.Period;
        var monday = DashboardPeriod.WeekStart(period.From);
        var weeks = period.WeekRanges().Count;
        var today = context.Today;
        var nowMs = context.Now.ToUnixTimeMilliseconds();
        // The pulse trend's halves: the leader's first ⌊days ÷ 2⌋ days (at least one, as the app's Slices.FirstHalf: a
        // one-day period has it all in its first half); HR's first ⌊N ÷ 2⌋ whole weeks.
        var secondHalf = hr ? period.From.AddDays(7 * (weeks / 2)) : period.From.AddDays(Math.Max(1, period.Days / 2));

        var participation = new Dictionary<(int Team, int Week), (long Expected, long Submitted, int People)>();
        var review = new Dictionary<(int Team, int Week), (long Due, long Within, int People)>();
        var pulse = new Dictionary<(int Team, int Week), (long N, long Sum, int People)>();
        var halves = new Dictionary<(int Team, int Half), (long N, long Sum, int People)>();
        var teams = new SortedSet<int>();

        await using (var command = context.Connection.CreateCommand())
        {
            command.CommandText = ForTeams(ParticipationSql, context.TeamId);
            command.Parameters.AddWithValue("$team", (object?)context.TeamId ?? DBNull.Value);
            command.Parameters.AddWithValue("$from", UnixDay(period.From));
            // Due in the period and already over: a period due today is not counted until tomorrow.
            command.Parameters.AddWithValue("$to", Math.Min(UnixDay(period.To), UnixDay(today) - 1));
            command.Parameters.AddWithValue("$monday", UnixDay(monday));
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                participation[(reader.GetInt32(0), reader.GetInt32(1))] = (reader.GetInt64(2), reader.GetInt64(3), reader.GetInt32(4));
            }
        }

        await using (var command = context.Connection.CreateCommand())
        {
            command.CommandText = ForTeams(CheckInSql, context.TeamId);
            command.Parameters.AddWithValue("$team", (object?)context.TeamId ?? DBNull.Value);
            command.Parameters.AddWithValue("$fromMs", Ms(period.From));
            command.Parameters.AddWithValue("$toMs", Ms(period.To.AddDays(1)));
            command.Parameters.AddWithValue("$mondayMs", Ms(monday));
            command.Parameters.AddWithValue("$dueBefore", nowMs - ReviewWindowMs);
            command.Parameters.AddWithValue("$within", ReviewWindowMs);
            command.Parameters.AddWithValue("$fromDay", Text(period.From));
            command.Parameters.AddWithValue("$toDay", Text(period.To));
            command.Parameters.AddWithValue("$monday", Text(monday));
            command.Parameters.AddWithValue("$second", Text(secondHalf));
            command.Parameters.AddWithValue("$halves", hr ? 0 : 1);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var key = (reader.GetInt32(1), reader.GetInt32(2));
                var row = (reader.GetInt64(3), reader.GetInt64(4), reader.GetInt32(5));
                switch (reader.GetInt32(0))
                {
                    case Review: review[key] = row; break;
                    case Pulse: pulse[key] = row; break;
                    case Half: halves[key] = row; break;
                }
            }
        }

        var blockers = new Dictionary<int, (long Open, int People, long Oldest)>();
        await using (var command = context.Connection.CreateCommand())
        {
            command.CommandText = ForTeams(context.TeamId is null ? BlockersSql : TeamBlockersSql, context.TeamId);
            command.Parameters.AddWithValue("$team", (object?)context.TeamId ?? DBNull.Value);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                blockers[reader.GetInt32(0)] = (reader.GetInt64(1), reader.GetInt32(2), reader.GetInt64(3));
            }
        }

        if (hr)
        {
            await using var command = context.Connection.CreateCommand();
            command.CommandText = "SELECT Id FROM Teams";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                teams.Add(reader.GetInt32(0));
            }
        }
        else
        {
            teams.Add(context.TeamId!.Value);
        }

        foreach (var team in teams)
        {
            if (hr)
            {
                into.Set(team, Measure.Participation, FloorKey.Whole, WholeWeeks(participation, team, weeks, w => (w.Expected, w.Submitted, w.People)));
                into.Set(team, Measure.ReviewRate, FloorKey.Whole, WholeWeeks(review, team, weeks, w => (w.Due, w.Within, w.People)));
                into.Set(team, Measure.PulseMean, FloorKey.Whole, WholeWeeks(pulse, team, weeks, w => (w.N, w.Sum, w.People)));
                into.Set(team, Measure.PulseChange, FloorKey.Whole, HrTrend(pulse, team, weeks));
            }
            else
            {
                for (var slice = FloorKey.Whole; slice < weeks; slice++)
                {
                    into.Set(team, Measure.Participation, slice, Ratio(participation.GetValueOrDefault((team, slice))));
                    into.Set(team, Measure.ReviewRate, slice, Ratio(review.GetValueOrDefault((team, slice))));
                    into.Set(team, Measure.PulseMean, slice, Ratio(pulse.GetValueOrDefault((team, slice))));
                }
                var (first, second) = (halves.GetValueOrDefault((team, 0)), halves.GetValueOrDefault((team, 1)));
                // The people behind the trend: the smaller half's pulse people (none when there is no trend).
                var trend = first.N > 0 && second.N > 0;
                into.Set(team, Measure.PulseChange, FloorKey.Whole, new FloorFigure(
                    trend ? (double)second.Sum / second.N - (double)first.Sum / first.N : null,
                    trend ? Math.Min(first.People, second.People) : 0, (int)(first.N + second.N)));
            }

            var open = blockers.GetValueOrDefault(team);
            var hidden = hr && open.People is > 0 and < GroupSize.Minimum;
            into.Set(team, Measure.OpenBlockers, FloorKey.Whole, hidden
                ? new FloorFigure(null, open.People, null, Withheld: true)
                : new FloorFigure(open.Open, open.People, (int)open.Open));
            into.Set(team, Measure.OldestBlockerDays, FloorKey.Whole, hidden
                ? new FloorFigure(null, open.People, null, Withheld: true)
                : new FloorFigure(open.Open > 0 ? (nowMs - open.Oldest) / (double)DayMs : null, open.People, (int)open.Open));
        }
    }

    private static FloorFigure Ratio((long Of, long Part, int People) slice) =>
        new(slice.Of > 0 ? (double)slice.Part / slice.Of : null, slice.People, (int)slice.Of);

    /// <summary>HR's whole-weeks rule: the weeks with 3 or more people behind the figure, added up.</summary>
    private static FloorFigure WholeWeeks<T>(Dictionary<(int Team, int Week), T> byWeek, int team, int weeks,
        Func<T, (long Of, long Part, int People)> read)
    {
        long of = 0, part = 0;
        int kept = 0, left = 0;
        for (var week = 0; week < weeks; week++)
        {
            if (!byWeek.TryGetValue((team, week), out var row))
            {
                continue;
            }
            var (o, p, people) = read(row);
            if (people >= GroupSize.Minimum)
            {
                of += o;
                part += p;
                kept++;
            }
            else if (people > 0)
            {
                left++;
            }
        }
        var all = byWeek.TryGetValue((team, FloorKey.Whole), out var whole) ? read(whole).People : 0;
        if (kept == 0 && left > 0)
        {
            return new FloorFigure(null, all, null, Withheld: true, WithheldWeeks: left);
        }
        return new FloorFigure(of > 0 ? (double)part / of : null, all, (int)of, WithheldWeeks: left);
    }

    /// <summary>
    /// HR's pulse trend: the first ⌊N ÷ 2⌋ whole weeks and the rest, each half over the pulse's kept weeks. Its people
    /// are the smaller of the halves' largest kept week (as the app adds up kept weeks: see the report).
    /// </summary>
    private static FloorFigure HrTrend(Dictionary<(int Team, int Week), (long N, long Sum, int People)> pulse, int team, int weeks)
    {
        var n = new long[2];
        var sum = new long[2];
        var people = new int[2];
        var kept = new int[2];
        var left = new int[2];
        for (var week = 0; week < weeks; week++)
        {
            var half = week < weeks / 2 ? 0 : 1;
            var row = pulse.GetValueOrDefault((team, week));
            if (row.People >= GroupSize.Minimum)
            {
                n[half] += row.N;
                sum[half] += row.Sum;
                people[half] = Math.Max(people[half], row.People);
                kept[half]++;
            }
            else if (row.People > 0)
            {
                left[half]++;
            }
        }
        if (n[0] > 0 && n[1] > 0)
        {
            return new FloorFigure((double)sum[1] / n[1] - (double)sum[0] / n[0], Math.Min(people[0], people[1]), (int)(n[0] + n[1]),
                WithheldWeeks: left[0] + left[1]);
        }
        var withheld = (kept[0] == 0 && left[0] > 0) || (kept[1] == 0 && left[1] > 0);
        return new FloorFigure(null, 0, null, withheld, left[0] + left[1]);
    }

    /// <summary>One team's statement filters on it (so the team's indexes are used); the overview's reads every team.</summary>
    private static string ForTeams(string sql, int? team) =>
        sql.Replace("{Id}", team is null ? "1" : "Id = $team", StringComparison.Ordinal)
            .Replace("{m.TeamId}", team is null ? "1" : "m.TeamId = $team", StringComparison.Ordinal)
            .Replace("{TeamId}", team is null ? "1" : "TeamId = $team", StringComparison.Ordinal);

    private static readonly DateOnly UnixEpoch = new(1970, 1, 1);

    private static long UnixDay(DateOnly day) => day.DayNumber - UnixEpoch.DayNumber;

    private static long Ms(DateOnly day) => UnixDay(day) * DayMs;

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Expected and submitted check-ins per team and week (and the whole period, week −1): the team's check-in periods
    /// due from $from to $to (unix days), each expected of every person whose Member membership overlapped its due day.
    /// Due dates follow from the team's cadence and due day alone: weekly every 7 days, fortnightly every 14 from the
    /// first due weekday on or after Monday 1 January 2024 (unix day 19723). Unix day 0 is a Thursday.
    /// </summary>
    private const string ParticipationSql = """
        WITH RECURSIVE
        t AS (
            SELECT Id AS TeamId,
                   CASE CheckInCadence WHEN 'Fortnightly' THEN 14 ELSE 7 END AS Step,
                   CASE CheckInDueDay WHEN 'Sunday' THEN 0 WHEN 'Monday' THEN 1 WHEN 'Tuesday' THEN 2 WHEN 'Wednesday' THEN 3
                                      WHEN 'Thursday' THEN 4 WHEN 'Friday' THEN 5 ELSE 6 END AS Dow
            FROM Teams WHERE {Id}),
        f AS (SELECT TeamId, Step, Dow, $from + ((Dow - ($from + 4) % 7 + 7) % 7) AS D FROM t),
        g AS (
            SELECT TeamId, Step,
                   CASE WHEN Step = 14 AND (((D - (19723 + (Dow + 6) % 7)) / 7) % 2 + 2) % 2 <> 0 THEN D + 7 ELSE D END AS D
            FROM f),
        dues(TeamId, Step, D) AS (
            SELECT TeamId, Step, D FROM g WHERE D <= $to
            UNION ALL
            SELECT TeamId, Step, D + Step FROM dues WHERE D + Step <= $to),
        e AS MATERIALIZED (
            SELECT x.TeamId, x.D, x.PersonId,
                   EXISTS (SELECT 1 FROM CheckIns c INDEXED BY IX_CheckIns_Participation
                           WHERE c.TeamId = x.TeamId AND c.MemberId = x.PersonId AND c.PeriodDue = date(x.D * 86400, 'unixepoch')
                             AND c.Status IN ('Submitted', 'Reviewed')) AS S
            FROM (SELECT DISTINCT d.TeamId, d.D, m.PersonId
                  FROM dues d
                  JOIN Memberships m ON m.TeamId = d.TeamId AND {m.TeamId} AND m.Role = 'Member'
                   AND m.Since < (d.D + 1) * 86400000 AND (m.Until IS NULL OR m.Until > d.D * 86400000)) x)
        SELECT TeamId, (D - $monday) / 7, COUNT(*), SUM(S), COUNT(DISTINCT PersonId) FROM e GROUP BY TeamId, (D - $monday) / 7
        UNION ALL
        SELECT TeamId, -1, COUNT(*), SUM(S), COUNT(DISTINCT PersonId) FROM e GROUP BY TeamId
        """;

    /// <summary>
    /// Per team and week (and −1, the whole period): review (check-ins submitted in the period, by <c>SubmittedAt</c>,
    /// which only a submitted or reviewed check-in has, that are due a review: reviewed, or submitted 72 hours ago or
    /// more; those reviewed within 72 hours; their members), pulse (submitted
    /// pulses whose period is due in the period: count, sum, members) and, for a leader, the pulse's two halves.
    /// </summary>
    private const string CheckInSql = """
        WITH r AS MATERIALIZED (
            SELECT TeamId, MemberId, SubmittedAt,
                   (ReviewedAt IS NOT NULL AND ReviewedAt - SubmittedAt <= $within) AS Within
            FROM CheckIns
            WHERE {TeamId} AND SubmittedAt >= $fromMs AND SubmittedAt < $toMs
              AND (ReviewedAt IS NOT NULL OR SubmittedAt <= $dueBefore)),
        p AS MATERIALIZED (
            SELECT TeamId, MemberId, PeriodDue, Pulse
            FROM CheckIns
            WHERE {TeamId} AND PeriodDue >= $fromDay AND PeriodDue <= $toDay
              AND Status IN ('Submitted', 'Reviewed') AND Pulse IS NOT NULL)
        SELECT 0, TeamId, (SubmittedAt - $mondayMs) / 604800000, COUNT(*), SUM(Within), COUNT(DISTINCT MemberId)
        FROM r GROUP BY TeamId, (SubmittedAt - $mondayMs) / 604800000
        UNION ALL
        SELECT 0, TeamId, -1, COUNT(*), SUM(Within), COUNT(DISTINCT MemberId) FROM r GROUP BY TeamId
        UNION ALL
        SELECT 1, TeamId, CAST((julianday(PeriodDue) - julianday($monday)) / 7 AS INTEGER), COUNT(*), SUM(Pulse), COUNT(DISTINCT MemberId)
        FROM p GROUP BY TeamId, CAST((julianday(PeriodDue) - julianday($monday)) / 7 AS INTEGER)
        UNION ALL
        SELECT 1, TeamId, -1, COUNT(*), SUM(Pulse), COUNT(DISTINCT MemberId) FROM p GROUP BY TeamId
        UNION ALL
        SELECT 2, TeamId, PeriodDue >= $second, COUNT(*), SUM(Pulse), COUNT(DISTINCT MemberId)
        FROM p WHERE $halves GROUP BY TeamId, PeriodDue >= $second
        """;

    /// <summary>
    /// Open blockers now: submitted check-ins with a blocker not yet reviewed, and reviewed ones whose request for help
    /// is still Open or Acknowledged. Count, members, and the oldest one's <c>SubmittedAt</c>.
    /// </summary>
    private const string BlockersSql = """
        WITH o AS (
            SELECT TeamId, MemberId, SubmittedAt FROM CheckIns
            WHERE Status = 'Submitted' AND Challenges <> ''
            UNION ALL
            SELECT c.TeamId, c.MemberId, c.SubmittedAt
            FROM ServiceRequests s
            JOIN CheckIns c ON c.RequestId = s.Id AND c.RequestId IS NOT NULL AND c.Challenges <> ''
            WHERE s.Status IN ('Open', 'Acknowledged') AND c.Status = 'Reviewed')
        SELECT TeamId, COUNT(*), COUNT(DISTINCT MemberId), MIN(SubmittedAt) FROM o GROUP BY TeamId
        """;

    /// <summary>
    /// The same for one team: its open requests (a request made from a check-in is in the check-in's team) lead to the
    /// reviewed check-ins whose blocker they keep open.
    /// </summary>
    private const string TeamBlockersSql = """
        WITH o AS (
            SELECT TeamId, MemberId, SubmittedAt FROM CheckIns
            WHERE TeamId = $team AND Status = 'Submitted' AND Challenges <> ''
            UNION ALL
            SELECT c.TeamId, c.MemberId, c.SubmittedAt
            FROM ServiceRequests s
            JOIN CheckIns c ON c.RequestId = s.Id AND c.RequestId IS NOT NULL AND c.Challenges <> ''
            WHERE s.TeamId = $team AND s.Status IN ('Open', 'Acknowledged') AND c.Status = 'Reviewed' AND c.TeamId = $team)
        SELECT TeamId, COUNT(*), COUNT(DISTINCT MemberId), MIN(SubmittedAt) FROM o GROUP BY TeamId
        """;
}
