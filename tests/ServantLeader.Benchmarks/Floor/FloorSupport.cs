using Microsoft.Data.Sqlite;
using ServantLeader.Domain.Dashboard;

namespace ServantLeader.Benchmarks.Floor;

/// <summary>
/// The support family (docs/metrics.md "Definitions", "Fair comparisons and follow-through", "The team as it was",
/// "What HR sees"): entries, hours, the rates per member-week, proactive share, coverage, depth, Gini and the
/// best-served fifth's share; for a leader also the member table and the spread.
/// </summary>
internal static class FloorSupport
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

    private static long Ms(DateOnly day) => (day.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber) * DayMs;

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    // ---------------------------------------------------------------- a leader's dashboard

    /// <summary>
    /// Slices: the weeks (i = 0 …) and the whole period (i = -1). Per slice: the team's entries, minutes, proactive
    /// entries, the members who received an entry; and over the members counted (membership overlap) their count, the
    /// covered, the deep, their minutes, Σ rank·minutes (ascending) and the best-served fifth's minutes.
    /// </summary>
    private const string TeamSql = """
        WITH RECURSIVE
        w(i, s, e) AS (
            SELECT 0, max(@monday, @start), min(@monday + @week, @end)
            UNION ALL
            SELECT i + 1, @monday + (i + 1) * @week, min(@monday + (i + 2) * @week, @end) FROM w WHERE i + 1 < @weeks
        ),
        mw AS (
            SELECT DISTINCT w.i, m.PersonId FROM w JOIN Memberships m
              ON m.TeamId = @team AND m.Role = 'Member' AND m.Since < w.e AND (m.Until IS NULL OR (m.Until > w.s AND m.Until > m.Since))
        ),
        mp AS (
            SELECT DISTINCT PersonId FROM Memberships
            WHERE TeamId = @team AND Role = 'Member' AND Since < @end AND (Until IS NULL OR (Until > @start AND Until > Since))
        ),
        sw AS MATERIALIZED (
            SELECT (CAST(julianday(Date) AS INTEGER) - @mondayJd) / 7 AS i, MemberId, count(*) AS n, sum(Minutes) AS mins,
                   sum(RequestId IS NULL) AS pro
            FROM SupportEntries WHERE TeamId = @team AND Date BETWEEN @from AND @to
            GROUP BY 1, 2
        ),
        sp AS MATERIALIZED (SELECT MemberId, sum(n) AS n, sum(mins) AS mins, sum(pro) AS pro FROM sw GROUP BY MemberId),
        x AS (
            SELECT mw.i, coalesce(sw.n, 0) AS n, coalesce(sw.mins, 0) AS mins
            FROM mw LEFT JOIN sw ON sw.i = mw.i AND sw.MemberId = mw.PersonId
            UNION ALL
            SELECT -1, coalesce(sp.n, 0), coalesce(sp.mins, 0) FROM mp LEFT JOIN sp ON sp.MemberId = mp.PersonId
        ),
        r AS (
            SELECT i, n, mins, row_number() OVER (PARTITION BY i ORDER BY mins) AS rk, count(*) OVER (PARTITION BY i) AS cnt FROM x
        ),
        f AS (
            SELECT i, count(*) AS members, sum(n > 0) AS covered, sum(n >= @depthEntries OR mins >= @depthMinutes) AS deep,
                   sum(mins) AS mins, sum(rk * mins) AS ix, sum(CASE WHEN rk > cnt - (cnt + 4) / 5 THEN mins ELSE 0 END) AS top,
                   sum(mins > 0) AS got
            FROM r GROUP BY i
        ),
        t AS (
            SELECT i, sum(n) AS n, sum(mins) AS mins, sum(pro) AS pro, count(*) AS people FROM sw GROUP BY i
            UNION ALL
            SELECT -1, sum(n), sum(mins), sum(pro), count(*) FROM sp
        )
        SELECT s.i, coalesce(t.n, 0), coalesce(t.mins, 0), coalesce(t.pro, 0), coalesce(t.people, 0),
               coalesce(f.members, 0), coalesce(f.covered, 0), coalesce(f.deep, 0), coalesce(f.mins, 0), coalesce(f.ix, 0),
               coalesce(f.top, 0), coalesce(f.got, 0)
        FROM (SELECT i FROM w UNION ALL SELECT -1) s LEFT JOIN t ON t.i = s.i LEFT JOIN f ON f.i = s.i
        """;

    /// <summary>The member table (today's members) and the spread (the members counted over the period).</summary>
    private const string MembersSql = """
        WITH
        mp AS (
            SELECT DISTINCT PersonId FROM Memberships
            WHERE TeamId = @team AND Role = 'Member' AND Since < @end AND (Until IS NULL OR (Until > @start AND Until > Since))
        ),
        cur AS (
            SELECT PersonId, min(Since) AS since FROM Memberships
            WHERE TeamId = @team AND Role = 'Member' AND Since <= @now AND (Until IS NULL OR Until > @now)
            GROUP BY PersonId
        ),
        sp AS (
            SELECT MemberId, count(*) AS n, sum(Minutes) AS mins FROM SupportEntries
            WHERE TeamId = @team AND Date BETWEEN @from AND @to GROUP BY MemberId
        )
        SELECT p.PersonId, p.cur AND pe.IsActive, p.since, pe.DisplayName, coalesce(sp.n, 0), coalesce(sp.mins, 0),
               CASE WHEN p.cur THEN (SELECT max(Date) FROM SupportEntries e WHERE e.MemberId = p.PersonId AND e.TeamId = @team AND e.Date <= @today) END AS last
        FROM (
            SELECT PersonId, max(c) AS cur, max(since) AS since, max(inPeriod) AS inPeriod FROM (
                SELECT PersonId, 0 AS c, NULL AS since, 1 AS inPeriod FROM mp
                UNION ALL SELECT PersonId, 1, since, 0 FROM cur
            ) GROUP BY PersonId
        ) p
        JOIN People pe ON pe.Id = p.PersonId
        LEFT JOIN sp ON sp.MemberId = p.PersonId
        ORDER BY last IS NOT NULL, last, pe.DisplayName, p.PersonId
        """;

    private static async Task TeamAsync(FloorContext context, int teamId, FloorResult into)
    {
        var period = context.Period;
        var weeks = period.WeekRanges();
        var monday = DashboardPeriod.WeekStart(period.From);
        await using (var command = context.Connection.CreateCommand())
        {
            command.CommandText = TeamSql;
            command.Parameters.AddWithValue("@team", teamId);
            command.Parameters.AddWithValue("@monday", Ms(monday));
            command.Parameters.AddWithValue("@mondayJd", monday.DayNumber + 1721425);
            command.Parameters.AddWithValue("@week", WeekMs);
            command.Parameters.AddWithValue("@weeks", weeks.Count);
            command.Parameters.AddWithValue("@start", Ms(period.From));
            command.Parameters.AddWithValue("@end", Ms(period.To) + DayMs);
            command.Parameters.AddWithValue("@from", Text(period.From));
            command.Parameters.AddWithValue("@to", Text(period.To));
            command.Parameters.AddWithValue("@depthEntries", FloorContext.DepthEntries);
            command.Parameters.AddWithValue("@depthMinutes", FloorContext.DepthMinutes);
            var slices = new Dictionary<int, Slice>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    slices[reader.GetInt32(0)] = Slice.Read(reader);
                }
            }
            var memberWeeks = 0.0;
            for (var i = 0; i < weeks.Count; i++)
            {
                var s = slices[i];
                var mw = s.Members * (weeks[i].To.DayNumber - weeks[i].From.DayNumber + 1) / 7.0;
                memberWeeks += mw;
                Set(into, teamId, i, s, mw);
            }
            Set(into, teamId, FloorKey.Whole, slices[-1], memberWeeks);
        }

        await using (var command = context.Connection.CreateCommand())
        {
            command.CommandText = MembersSql;
            command.Parameters.AddWithValue("@team", teamId);
            command.Parameters.AddWithValue("@start", Ms(period.From));
            command.Parameters.AddWithValue("@end", Ms(period.To) + DayMs);
            command.Parameters.AddWithValue("@now", context.Now.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("@from", Text(period.From));
            command.Parameters.AddWithValue("@to", Text(period.To));
            command.Parameters.AddWithValue("@today", Text(context.Today));
            var members = new List<MemberCoverage>();
            var spread = new List<double>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var minutes = reader.GetInt64(5);
                spread.Add(minutes / 60.0); // TODO only members in period
                if (reader.GetInt64(1) == 1)
                {
                    var since = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)).UtcDateTime);
                    DateOnly? last = reader.IsDBNull(6) ? null : DateOnly.Parse(reader.GetString(6), System.Globalization.CultureInfo.InvariantCulture);
                    var later = last is { } l && l > since ? l : since;
                    var quiet = later.DayNumber <= context.Today.DayNumber - 7 * FloorContext.QuietWeeks;
                    members.Add(new MemberCoverage(reader.GetInt32(0), reader.GetString(3), reader.GetInt32(4), minutes / 60.0, last, quiet, since));
                }
            }
            spread.Sort();
            into.Members = members;
            into.SupportSpread = spread;
        }
    }

    private static void Set(FloorResult into, int teamId, int slice, Slice s, double memberWeeks)
    {
        var hours = s.Minutes / 60.0;
        into.Set(teamId, Measure.SupportEntries, slice, new FloorFigure(s.Entries, s.People, s.Entries));
        into.Set(teamId, Measure.SupportHours, slice, new FloorFigure(hours, s.People, s.Entries));
        into.Set(teamId, Measure.HoursPerMemberWeek, slice,
            new FloorFigure(memberWeeks > 0 ? hours / memberWeeks : null, s.People, (int)Math.Round(memberWeeks)));
        into.Set(teamId, Measure.EntriesPerMemberWeek, slice,
            new FloorFigure(memberWeeks > 0 ? s.Entries / memberWeeks : null, s.People, (int)Math.Round(memberWeeks)));
        into.Set(teamId, Measure.ProactiveShare, slice,
            new FloorFigure(s.Entries > 0 ? (double)s.Proactive / s.Entries : null, s.People, s.Entries));
        into.Set(teamId, Measure.Coverage, slice,
            new FloorFigure(s.Members > 0 ? (double)s.Covered / s.Members : null, s.Members, s.Members));
        into.Set(teamId, Measure.CoverageDepth, slice,
            new FloorFigure(s.Members > 0 ? (double)s.Deep / s.Members : null, s.Got, s.Members));
        into.Set(teamId, Measure.SupportGini, slice,
            new FloorFigure(s.MemberMinutes > 0 ? 2.0 * s.RankedMinutes / ((double)s.Members * s.MemberMinutes) - (s.Members + 1.0) / s.Members : null,
                s.Got, s.Members));
        into.Set(teamId, Measure.TopFifthShare, slice,
            new FloorFigure(s.MemberMinutes > 0 ? (double)s.TopMinutes / s.MemberMinutes : null, s.Got, s.Members));
    }

    private sealed record Slice(int Entries, long Minutes, int Proactive, int People, int Members, int Covered, int Deep,
        long MemberMinutes, long RankedMinutes, long TopMinutes, int Got)
    {
        public static Slice Read(SqliteDataReader r) => new(r.GetInt32(1), r.GetInt64(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5),
            r.GetInt32(6), r.GetInt32(7), r.GetInt64(8), r.GetInt64(9), r.GetInt64(10), r.GetInt32(11));
    }

    // ---------------------------------------------------------------- HR's overview

    /// <summary>
    /// Every team over HR's whole weeks: per team and week the entries, minutes, proactive entries, members who received
    /// an entry (people), members counted, and members counted who got support; then per team each figure over its own
    /// kept weeks (3 or more people behind it that week), with the weeks left out (1 or 2 people).
    /// </summary>
    private const string OverviewSql = """
        WITH RECURSIVE
        w(i, s, e) AS (
            SELECT 0, @start, @start + @week
            UNION ALL
            SELECT i + 1, s + @week, e + @week FROM w WHERE i + 1 < @weeks
        ),
        mw AS MATERIALIZED (
            SELECT DISTINCT m.TeamId, w.i, m.PersonId FROM w JOIN Memberships m
              ON m.Role = 'Member' AND m.Since < w.e AND (m.Until IS NULL OR (m.Until > w.s AND m.Until > m.Since))
        ),
        sw AS MATERIALIZED (
            SELECT TeamId, (CAST(julianday(Date) AS INTEGER) - @mondayJd) / 7 AS i, MemberId, count(*) AS n, sum(Minutes) AS mins,
                   sum(RequestId IS NULL) AS pro
            FROM SupportEntries WHERE Date BETWEEN @from AND @to
            GROUP BY 1, 2, 3
        ),
        wk AS MATERIALIZED (
            SELECT TeamId, i, sum(n) AS n, sum(mins) AS mins, sum(pro) AS pro, sum(people) AS people, sum(members) AS members,
                   sum(got) AS got
            FROM (
                SELECT TeamId, i, sum(n) AS n, sum(mins) AS mins, sum(pro) AS pro, count(*) AS people, 0 AS members, 0 AS got
                FROM sw GROUP BY TeamId, i
                UNION ALL
                SELECT mw.TeamId, mw.i, 0, 0, 0, 0, count(*), count(sw.MemberId)
                FROM mw LEFT JOIN sw ON sw.TeamId = mw.TeamId AND sw.i = mw.i AND sw.MemberId = mw.PersonId
                GROUP BY mw.TeamId, mw.i
            ) GROUP BY TeamId, i
        ),
        e AS (
            SELECT TeamId,
                   sum(people >= 3) AS keptE, sum(people BETWEEN 1 AND 2) AS outE,
                   sum(CASE WHEN people >= 3 THEN n ELSE 0 END) AS n, sum(CASE WHEN people >= 3 THEN mins ELSE 0 END) AS mins,
                   sum(CASE WHEN people >= 3 THEN pro ELSE 0 END) AS pro, sum(CASE WHEN people >= 3 THEN members ELSE 0 END) AS mweeks,
                   sum(members >= 3) AS keptC, sum(members BETWEEN 1 AND 2) AS outC,
                   sum(got >= 3) AS keptD, sum(got BETWEEN 1 AND 2) AS outD
            FROM wk GROUP BY TeamId
        ),
        pe AS (
            SELECT sw.TeamId, count(DISTINCT sw.MemberId) AS people
            FROM sw JOIN wk ON wk.TeamId = sw.TeamId AND wk.i = sw.i AND wk.people >= 3 GROUP BY sw.TeamId
        ),
        cm AS (
            SELECT DISTINCT mw.TeamId, mw.PersonId FROM mw JOIN wk ON wk.TeamId = mw.TeamId AND wk.i = mw.i AND wk.members >= 3
        ),
        cs AS (
            SELECT DISTINCT sw.TeamId, sw.MemberId FROM sw JOIN wk ON wk.TeamId = sw.TeamId AND wk.i = sw.i AND wk.members >= 3
        ),
        cov AS (
            SELECT cm.TeamId, count(*) AS members, count(cs.MemberId) AS covered
            FROM cm LEFT JOIN cs ON cs.TeamId = cm.TeamId AND cs.MemberId = cm.PersonId GROUP BY cm.TeamId
        ),
        dm AS (
            SELECT DISTINCT mw.TeamId, mw.PersonId FROM mw JOIN wk ON wk.TeamId = mw.TeamId AND wk.i = mw.i AND wk.got >= 3
        ),
        ds AS (
            SELECT sw.TeamId, sw.MemberId, sum(sw.n) AS n, sum(sw.mins) AS mins
            FROM sw JOIN wk ON wk.TeamId = sw.TeamId AND wk.i = sw.i AND wk.got >= 3 GROUP BY sw.TeamId, sw.MemberId
        ),
        dr AS (
            SELECT dm.TeamId, coalesce(ds.n, 0) AS n, coalesce(ds.mins, 0) AS mins,
                   row_number() OVER (PARTITION BY dm.TeamId ORDER BY coalesce(ds.mins, 0)) AS rk,
                   count(*) OVER (PARTITION BY dm.TeamId) AS cnt
            FROM dm LEFT JOIN ds ON ds.TeamId = dm.TeamId AND ds.MemberId = dm.PersonId
        ),
        df AS (
            SELECT TeamId, count(*) AS members, sum(n >= @depthEntries OR mins >= @depthMinutes) AS deep, sum(mins) AS mins,
                   sum(rk * mins) AS ix, sum(CASE WHEN rk > cnt - (cnt + 4) / 5 THEN mins ELSE 0 END) AS top, sum(mins > 0) AS got
            FROM dr GROUP BY TeamId
        )
        SELECT e.TeamId, e.keptE, e.outE, e.n, e.mins, e.pro, e.mweeks, coalesce(pe.people, 0),
               e.keptC, e.outC, coalesce(cov.members, 0), coalesce(cov.covered, 0),
               e.keptD, e.outD, coalesce(df.members, 0), coalesce(df.deep, 0), coalesce(df.mins, 0), coalesce(df.ix, 0),
               coalesce(df.top, 0), coalesce(df.got, 0)
        FROM e LEFT JOIN pe ON pe.TeamId = e.TeamId LEFT JOIN cov ON cov.TeamId = e.TeamId LEFT JOIN df ON df.TeamId = e.TeamId
        """;

    private static async Task OverviewAsync(FloorContext context, FloorResult into)
    {
        var period = context.Period.ForHr(context.Today);
        var weeks = period.WeekRanges();
        await using var command = context.Connection.CreateCommand();
        command.CommandText = OverviewSql;
        command.Parameters.AddWithValue("@start", Ms(period.From));
        command.Parameters.AddWithValue("@mondayJd", period.From.DayNumber + 1721425);
        command.Parameters.AddWithValue("@week", WeekMs);
        command.Parameters.AddWithValue("@weeks", weeks.Count);
        command.Parameters.AddWithValue("@from", Text(period.From));
        command.Parameters.AddWithValue("@to", Text(period.To));
        command.Parameters.AddWithValue("@depthEntries", FloorContext.DepthEntries);
        command.Parameters.AddWithValue("@depthMinutes", FloorContext.DepthMinutes);
        await using var r = await command.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            var team = r.GetInt32(0);
            int keptE = r.GetInt32(1), outE = r.GetInt32(2), n = r.GetInt32(3), pro = r.GetInt32(5), mweeks = r.GetInt32(6), people = r.GetInt32(7);
            var mins = r.GetInt64(4);
            int keptC = r.GetInt32(8), outC = r.GetInt32(9), members = r.GetInt32(10), covered = r.GetInt32(11);
            int keptD = r.GetInt32(12), outD = r.GetInt32(13), dMembers = r.GetInt32(14), deep = r.GetInt32(15), got = r.GetInt32(19);
            long dMins = r.GetInt64(16), ix = r.GetInt64(17), top = r.GetInt64(18);
            var hours = mins / 60.0;
            Hr(into, team, Measure.SupportEntries, keptE, outE, n, people, n);
            Hr(into, team, Measure.SupportHours, keptE, outE, hours, people, n);
            Hr(into, team, Measure.HoursPerMemberWeek, keptE, outE, mweeks > 0 ? hours / mweeks : null, people, mweeks);
            Hr(into, team, Measure.EntriesPerMemberWeek, keptE, outE, mweeks > 0 ? (double)n / mweeks : null, people, mweeks);
            Hr(into, team, Measure.ProactiveShare, keptE, outE, n > 0 ? (double)pro / n : null, people, n);
            Hr(into, team, Measure.Coverage, keptC, outC, members > 0 ? (double)covered / members : null, members, members);
            Hr(into, team, Measure.CoverageDepth, keptD, outD, dMembers > 0 ? (double)deep / dMembers : null, got, dMembers);
            Hr(into, team, Measure.SupportGini, keptD, outD,
                dMins > 0 ? 2.0 * ix / ((double)dMembers * dMins) - (dMembers + 1.0) / dMembers : null, got, dMembers);
            Hr(into, team, Measure.TopFifthShare, keptD, outD, dMins > 0 ? (double)top / dMins : null, got, dMembers);
        }
    }

    private static void Hr(FloorResult into, int team, Measure measure, int kept, int leftOut, double? value, int people, int count) =>
        into.Set(team, measure, FloorKey.Whole, kept == 0 && leftOut > 0
            ? new FloorFigure(null, 0, null, Withheld: true, WithheldWeeks: leftOut)
            : new FloorFigure(value, people, count, WithheldWeeks: leftOut));
}
