using Microsoft.Data.Sqlite;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Dashboard;

namespace ServantLeader.Benchmarks.Floor;

/// <summary>
/// Follow-through (docs/metrics.md, "Fair comparisons and follow-through"): the time to clear a blocker and the blockers
/// not cleared yet, 1:1 action items done on time, and the members with no recent 1:1 (with, for a leader, who they are).
/// </summary>
internal static class FloorFollowThrough
{
    private const long DayMs = 86_400_000;
    private const long WeekMs = 7 * DayMs;

    public static async Task ReadAsync(FloorContext context, FloorResult into)
    {
        if (context.TeamId is { } teamId)
        {
            await TeamAsync(context, teamId, into);
        }
        else
        {
            await OverviewAsync(context, into);
        }
    }

    // ---------------------------------------------------------------- a leader's dashboard of one team

    private static async Task TeamAsync(FloorContext context, int teamId, FloorResult into)
    {
        var period = context.Period;
        var weeks = period.WeekRanges();
        var (startMs, endMs) = period.Whole.Instants(TimeZoneInfo.Utc);
        var anchorMs = DayRange.StartOfDay(DashboardPeriod.WeekStart(period.From), TimeZoneInfo.Utc).ToUnixTimeMilliseconds();

        // Blockers: each raised in the period, its week, and its days to clear (null: not cleared yet); per slice the
        // median of the cleared ones (PERCENTILE_CONT by rank), the cleared count and people, the not-cleared count and people.
        var blockers = new Dictionary<int, (double? Median, int Cleared, int ClearedPeople, int NotCleared, int NotClearedPeople)>();
        await using (var command = context.Connection.CreateCommand())
        {
            command.CommandText = BlockerRows("c.TeamId = @team") + """
                , x AS (
                    SELECT -1 AS slice, MemberId, d FROM b
                    UNION ALL
                    SELECT (raised - @anchor) / @week, MemberId, d FROM b
                ), r AS (
                    SELECT slice, MemberId, d,
                           ROW_NUMBER() OVER (PARTITION BY slice, d IS NULL ORDER BY d) - 1 AS rn,
                           COUNT(d) OVER (PARTITION BY slice) AS n
                    FROM x
                )
                SELECT slice,
                       SUM(CASE WHEN d IS NULL THEN NULL
                                WHEN rn = (n - 1) / 2 THEN CASE WHEN n % 2 = 0 THEN 0.5 * d ELSE d END
                                WHEN n % 2 = 0 AND rn = n / 2 THEN 0.5 * d END),
                       COUNT(d),
                       COUNT(DISTINCT CASE WHEN d IS NOT NULL THEN MemberId END),
                       SUM(d IS NULL),
                       COUNT(DISTINCT CASE WHEN d IS NULL THEN MemberId END)
                FROM r
                GROUP BY slice
                """;
            command.Parameters.AddWithValue("@team", teamId);
            command.Parameters.AddWithValue("@start", startMs);
            command.Parameters.AddWithValue("@end", endMs);
            command.Parameters.AddWithValue("@anchor", anchorMs);
            command.Parameters.AddWithValue("@week", WeekMs);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                blockers[reader.GetInt32(0)] = (reader.IsDBNull(1) ? null : reader.GetDouble(1), reader.GetInt32(2), reader.GetInt32(3),
                    reader.GetInt32(4), reader.GetInt32(5));
            }
        }
        for (var slice = -1; slice < weeks.Count; slice++)
        {
            var (median, cleared, clearedPeople, notCleared, notClearedPeople) = blockers.GetValueOrDefault(slice);
            into.Set(teamId, Measure.BlockerClearMedianDays, slice, new FloorFigure(median, clearedPeople, cleared));
            into.Set(teamId, Measure.BlockersNotCleared, slice, new FloorFigure(notCleared, notClearedPeople, notCleared));
        }

        // Action items: leader-owned, due in the slice, of a pair whose leader has (had) a Leader membership of the team
        // and whose member a Member membership; due (done, or due day over) and done on time.
        var items = new Dictionary<int, (int Due, int OnTime, int People)>();
        await using (var command = context.Connection.CreateCommand())
        {
            command.CommandText = """
                WITH a AS (
                    SELECT CAST((julianday(DueOn) - julianday(@monday)) AS INTEGER) / 7 AS wk, MemberId,
                           DoneAt IS NOT NULL AND DoneAt < (CAST(strftime('%s', DueOn, '+1 day') AS INTEGER) * 1000) AS onTime
                    FROM ActionItems
                    WHERE LeaderId IN (SELECT PersonId FROM Memberships WHERE TeamId = @team AND Role = 'Leader')
                      AND MemberId IN (SELECT PersonId FROM Memberships WHERE TeamId = @team AND Role = 'Member')
                      AND OwnerId = LeaderId AND DueOn >= @from AND DueOn <= @to
                      AND (DoneAt IS NOT NULL OR DueOn < @today)
                ), x AS (
                    SELECT -1 AS slice, MemberId, onTime FROM a UNION ALL SELECT wk, MemberId, onTime FROM a
                )
                SELECT slice, COUNT(*), SUM(onTime), COUNT(DISTINCT MemberId) FROM x GROUP BY slice
                """;
            command.Parameters.AddWithValue("@team", teamId);
            command.Parameters.AddWithValue("@monday", Day(DashboardPeriod.WeekStart(period.From)));
            command.Parameters.AddWithValue("@from", Day(period.From));
            command.Parameters.AddWithValue("@to", Day(period.To));
            command.Parameters.AddWithValue("@today", Day(context.Today));
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                items[reader.GetInt32(0)] = (reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3));
            }
        }
        for (var slice = -1; slice < weeks.Count; slice++)
        {
            var (due, onTime, people) = items.GetValueOrDefault(slice);
            into.Set(teamId, Measure.ActionItemsOnTime, slice, new FloorFigure(due == 0 ? null : (double)onTime / due, people, due));
        }

        // Members with no recent 1:1: the list (who, last 1:1 with one of the team's leaders) is itself the output.
        var gaps = new List<OneOnOneGap>();
        await using (var command = context.Connection.CreateCommand())
        {
            command.CommandText = NoOneOnOne(oneTeam: true) + """
                SELECT p.Id, p.DisplayName, g.last
                FROM g JOIN People p ON p.Id = g.PersonId
                ORDER BY p.Id
                """;
            command.Parameters.AddWithValue("@team", teamId);
            AddNow(command, context);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                gaps.Add(new OneOnOneGap(reader.GetInt32(0), reader.GetString(1),
                    reader.IsDBNull(2) ? null : DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)).UtcDateTime)));
            }
        }
        // As the page lists them: never first, then the longest ago, then by name (the culture's order).
        into.OneOnOneGaps = gaps.OrderBy(g => g.LastHeld is not null).ThenBy(g => g.LastHeld)
            .ThenBy(g => g.Name, StringComparer.CurrentCulture).ToList();
        into.Set(teamId, Measure.MembersWithoutOneOnOne, FloorKey.Whole, new FloorFigure(gaps.Count, gaps.Count, gaps.Count));
    }

    // ---------------------------------------------------------------- HR's overview

    private static async Task OverviewAsync(FloorContext context, FloorResult into)
    {
        var period = context.Period.ForHr(context.Today);
        var (startMs, endMs) = period.Whole.Instants(TimeZoneInfo.Utc);
        var min = GroupSize.Minimum;

        // Every team, and its members with no recent 1:1 (a figure of now: shown when 0 or 3 or more).
        var teams = new List<int>();
        await using (var command = context.Connection.CreateCommand())
        {
            command.CommandText = NoOneOnOne(oneTeam: false) + """
                SELECT t.Id, COUNT(g.PersonId) FROM Teams t LEFT JOIN g ON g.TeamId = t.Id GROUP BY t.Id ORDER BY t.Id
                """;
            AddNow(command, context);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var team = reader.GetInt32(0);
                var n = reader.GetInt32(1);
                teams.Add(team);
                into.Set(team, Measure.MembersWithoutOneOnOne, FloorKey.Whole, n is > 0 and < 3
                    ? new FloorFigure(null, n, null, true)
                    : new FloorFigure(n, n, n));
            }
        }

        // Blockers: per team, the weeks' cleared people and not-cleared people and count; the median over the blockers
        // raised in the weeks in which 3 or more members' blockers cleared.
        var median = new Dictionary<int, (double? Value, int Count, int People, int LeftOut)>();
        var notCleared = new Dictionary<int, (int Value, int People, int LeftOut, bool Withheld)>();
        await using (var command = context.Connection.CreateCommand())
        {
            command.CommandText = BlockerRows("1") + """
                , bw AS (SELECT TeamId, (raised - @start) / @week AS wk, MemberId, d FROM b),
                w AS (
                    SELECT TeamId, wk,
                           COUNT(DISTINCT CASE WHEN d IS NOT NULL THEN MemberId END) AS pc,
                           COUNT(DISTINCT CASE WHEN d IS NULL THEN MemberId END) AS pn,
                           SUM(d IS NULL) AS nn
                    FROM bw GROUP BY TeamId, wk
                ), k AS (
                    SELECT bw.TeamId, bw.MemberId, bw.d,
                           ROW_NUMBER() OVER (PARTITION BY bw.TeamId ORDER BY bw.d) - 1 AS rn,
                           COUNT(*) OVER (PARTITION BY bw.TeamId) AS n
                    FROM bw JOIN w ON w.TeamId = bw.TeamId AND w.wk = bw.wk
                    WHERE w.pc >= @min AND bw.d IS NOT NULL
                )
                SELECT 0, TeamId,
                       SUM(CASE WHEN rn = (n - 1) / 2 THEN CASE WHEN n % 2 = 0 THEN 0.5 * d ELSE d END
                                WHEN n % 2 = 0 AND rn = n / 2 THEN 0.5 * d END),
                       COUNT(*), COUNT(DISTINCT MemberId), 0
                FROM k GROUP BY TeamId
                UNION ALL
                SELECT 1, TeamId, NULL, SUM(CASE WHEN pc > 0 AND pc < @min THEN 1 ELSE 0 END),
                       SUM(CASE WHEN pn >= @min THEN nn ELSE 0 END), SUM(CASE WHEN pn > 0 AND pn < @min THEN 1 ELSE 0 END)
                FROM w GROUP BY TeamId
                UNION ALL
                SELECT 2, bw.TeamId, NULL, 0, COUNT(DISTINCT bw.MemberId), 0
                FROM bw JOIN w ON w.TeamId = bw.TeamId AND w.wk = bw.wk
                WHERE w.pn >= @min AND bw.d IS NULL
                GROUP BY bw.TeamId
                UNION ALL
                SELECT 3, TeamId, NULL, 0, COUNT(DISTINCT MemberId), 0 FROM bw WHERE d IS NULL GROUP BY TeamId
                """;
            command.Parameters.AddWithValue("@start", startMs);
            command.Parameters.AddWithValue("@end", endMs);
            command.Parameters.AddWithValue("@week", WeekMs);
            command.Parameters.AddWithValue("@min", min);
            var medianLeftOut = new Dictionary<int, int>();
            var nc = new Dictionary<int, (int Value, int LeftOut)>();
            var ncKeptPeople = new Dictionary<int, int>();
            var ncAllPeople = new Dictionary<int, int>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    var team = reader.GetInt32(1);
                    switch (reader.GetInt32(0))
                    {
                        case 0:
                            median[team] = (reader.IsDBNull(2) ? null : reader.GetDouble(2), reader.GetInt32(3), reader.GetInt32(4), 0);
                            break;
                        case 1:
                            medianLeftOut[team] = reader.GetInt32(3);
                            nc[team] = (reader.GetInt32(4), reader.GetInt32(5));
                            break;
                        case 2:
                            ncKeptPeople[team] = reader.GetInt32(4);
                            break;
                        case 3:
                            ncAllPeople[team] = reader.GetInt32(4);
                            break;
                    }
                }
            }
            foreach (var team in teams)
            {
                var (value, count, people, _) = median.GetValueOrDefault(team);
                var leftOut = medianLeftOut.GetValueOrDefault(team);
                median[team] = (value, count, people, leftOut);
                var (ncValue, ncLeftOut) = nc.GetValueOrDefault(team);
                var kept = ncKeptPeople.GetValueOrDefault(team);
                notCleared[team] = (ncValue, ncAllPeople.GetValueOrDefault(team), ncLeftOut, kept == 0 && ncLeftOut > 0);
            }
        }
        foreach (var team in teams)
        {
            var (value, count, people, leftOut) = median[team];
            into.Set(team, Measure.BlockerClearMedianDays, FloorKey.Whole, count == 0 && leftOut > 0
                ? new FloorFigure(null, people, null, true, leftOut)
                : new FloorFigure(value, people, count, false, leftOut));
            var n = notCleared[team];
            into.Set(team, Measure.BlockersNotCleared, FloorKey.Whole, n.Withheld
                ? new FloorFigure(null, n.People, null, true, n.LeftOut)
                : new FloorFigure(n.Value, n.People, n.Value, false, n.LeftOut));
        }

        // Action items: per team and week, the items due, on time and their members; kept weeks with 3 or more members.
        var items = new Dictionary<int, (int Due, int OnTime, int People, int LeftOut)>();
        await using (var command = context.Connection.CreateCommand())
        {
            command.CommandText = """
                WITH a AS (
                    SELECT l.TeamId, CAST((julianday(i.DueOn) - julianday(@from)) AS INTEGER) / 7 AS wk, i.MemberId,
                           i.DoneAt IS NOT NULL AND i.DoneAt < (CAST(strftime('%s', i.DueOn, '+1 day') AS INTEGER) * 1000) AS onTime
                    FROM ActionItems i
                    JOIN (SELECT DISTINCT TeamId, PersonId FROM Memberships WHERE Role = 'Leader') l ON l.PersonId = i.LeaderId
                    JOIN (SELECT DISTINCT TeamId, PersonId FROM Memberships WHERE Role = 'Member') m ON m.PersonId = i.MemberId AND m.TeamId = l.TeamId
                    WHERE i.OwnerId = i.LeaderId AND i.DueOn >= @from AND i.DueOn <= @to
                      AND (i.DoneAt IS NOT NULL OR i.DueOn < @today)
                ), w AS (
                    SELECT TeamId, wk, COUNT(*) AS due, SUM(onTime) AS onTime, COUNT(DISTINCT MemberId) AS people FROM a GROUP BY TeamId, wk
                )
                SELECT w.TeamId, SUM(CASE WHEN w.people >= @min THEN w.due ELSE 0 END),
                       SUM(CASE WHEN w.people >= @min THEN w.onTime ELSE 0 END), p.people, SUM(w.people < @min)
                FROM w JOIN (SELECT TeamId, COUNT(DISTINCT MemberId) AS people FROM a GROUP BY TeamId) p ON p.TeamId = w.TeamId
                GROUP BY w.TeamId
                """;
            command.Parameters.AddWithValue("@from", Day(period.From));
            command.Parameters.AddWithValue("@to", Day(period.To));
            command.Parameters.AddWithValue("@today", Day(context.Today));
            command.Parameters.AddWithValue("@min", min);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                items[reader.GetInt32(0)] = (reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4));
            }
        }
        foreach (var team in teams)
        {
            var (due, onTime, people, leftOut) = items.GetValueOrDefault(team);
            into.Set(team, Measure.ActionItemsOnTime, FloorKey.Whole, due == 0 && leftOut > 0
                ? new FloorFigure(null, people, null, true, leftOut)
                : new FloorFigure(due == 0 ? null : (double)onTime / due, people, due, false, leftOut));
        }
    }

    // ---------------------------------------------------------------- shared fragments

    /// <summary>
    /// CTE <c>b</c>: the blockers raised between @start and @end (a submitted check-in with challenges whose member's
    /// previous submitted check-in in the team had none), with TeamId, MemberId, raised (ms) and d, the days to clear
    /// (null: not cleared yet).
    /// </summary>
    private static string BlockerRows(string teamFilter) => $$"""
        WITH a AS (
            SELECT c.TeamId, c.MemberId, c.SubmittedAt, c.Id, c.RequestId, c.Challenges <> '' AS blocked
            FROM CheckIns c
            WHERE {{teamFilter}} AND c.Status <> 'Draft' AND c.SubmittedAt IS NOT NULL
        ), s AS (
            -- Only the check-ins from @start on, and each member's last one before (whether the first in the period
            -- continues a blocker): the one with the greatest (SubmittedAt, Id), packed into one integer (Id < 2^21).
            SELECT a.*, LAG(blocked) OVER w AS before,
                   MIN(CASE WHEN NOT blocked THEN SubmittedAt END) OVER (w ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS nextClear
            FROM a
            WHERE SubmittedAt >= @start
               OR SubmittedAt * 2097152 + Id IN (SELECT MAX(SubmittedAt * 2097152 + Id) FROM a WHERE SubmittedAt < @start GROUP BY TeamId, MemberId)
            WINDOW w AS (PARTITION BY TeamId, MemberId ORDER BY SubmittedAt, Id)
        ), b AS (
            SELECT s.TeamId, s.MemberId, s.SubmittedAt AS raised,
                   (MIN(COALESCE(s.nextClear, r.ResolvedAt), COALESCE(r.ResolvedAt, s.nextClear)) - s.SubmittedAt) / 86400000.0 AS d
            FROM s LEFT JOIN ServiceRequests r ON r.Id = s.RequestId AND r.Status = 'Resolved' AND r.ResolvedAt >= s.SubmittedAt
            WHERE s.blocked AND NOT COALESCE(s.before, 0) AND s.SubmittedAt >= @start AND s.SubmittedAt < @end
        )
        """;

    /// <summary>
    /// CTE <c>g</c>: the current members of at least the set weeks (TeamId, PersonId) with no 1:1 held with one of the
    /// team's leaders in that time, and <c>last</c>, the HeldAt of their last one with them (null: never).
    /// </summary>
    private static string NoOneOnOne(bool oneTeam) => $$"""
        WITH cur AS (
            SELECT DISTINCT m.TeamId, m.PersonId FROM Memberships m
            WHERE {{(oneTeam ? "m.TeamId = @team" : "1")}} AND m.Role = 'Member' AND m.Until IS NULL AND m.Since <= @cutoff
        ), ls AS (
            SELECT DISTINCT l.TeamId, l.PersonId FROM Memberships l
            WHERE {{(oneTeam ? "l.TeamId = @team" : "1")}} AND l.Role = 'Leader'
        ), g AS (
            SELECT cur.TeamId, cur.PersonId, MAX(o.HeldAt) AS last
            FROM cur
            LEFT JOIN ls ON ls.TeamId = cur.TeamId
            LEFT JOIN OneOnOnes o ON o.LeaderId = ls.PersonId AND o.MemberId = cur.PersonId AND o.Status = 'Held'
            GROUP BY cur.TeamId, cur.PersonId
            HAVING last IS NULL OR last < @cutoff
        )
        """;

    private static void AddNow(SqliteCommand command, FloorContext context)
    {
        command.Parameters.AddWithValue("@cutoff", context.Now.ToUnixTimeMilliseconds() - FloorContext.NoOneOnOneWeeks * WeekMs);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
