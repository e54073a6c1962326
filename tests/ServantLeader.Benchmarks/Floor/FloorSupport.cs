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
    /// One statement, two kinds of rows. Kind 0, one per slice (the weeks i = 0 … and the whole period i = -1): the
    /// team's entries, minutes, proactive entries and the members who received an entry; and over the members counted
    /// (a Member membership that overlapped the slice, each person once) their number, the covered, the deep, their
    /// minutes, Σ rank·minutes (ascending) and the best-served fifth's minutes. Kind 1, one per member counted over the
    /// period, fewest minutes first (the spread): their entries and minutes in the period and, for today's members, the
    /// day their membership began, their last support from the team up to today and their place in the member table (quiet members first, then by
    /// last support, none first, then by name).
    /// </summary>
    private const string TeamSql = """
        WITH RECURSIVE
        w(i, s, e) AS (
            SELECT 0, max(@monday, @start), min(@monday + @week, @end)
            UNION ALL
            SELECT i + 1, @monday + (i + 1) * @week, min(@monday + (i + 2) * @week, @end) FROM w WHERE i + 1 < @weeks
        ),
        tm AS MATERIALIZED (
            SELECT PersonId, Since, Until FROM Memberships
            WHERE TeamId = @team AND Role = 'Member' AND Since < @end AND (Until IS NULL OR (Until > @start AND Until > Since))
        ),
        mw AS (
            SELECT DISTINCT w.i, tm.PersonId FROM w JOIN tm ON tm.Since < w.e AND (tm.Until IS NULL OR tm.Until > w.s)
        ),
        sw AS MATERIALIZED (
            SELECT (CAST(julianday(Date) AS INTEGER) - @mondayJd) / 7 AS i, MemberId, count(*) AS n, sum(Minutes) AS mins,
                   sum(RequestId IS NULL) AS pro
            FROM SupportEntries WHERE TeamId = @team AND Date BETWEEN @from AND @to
            GROUP BY 1, 2
        ),
        sp AS MATERIALIZED (SELECT MemberId, sum(n) AS n, sum(mins) AS mins, sum(pro) AS pro FROM sw GROUP BY MemberId),
        mp AS MATERIALIZED (
            SELECT mp.PersonId, coalesce(sp.n, 0) AS n, coalesce(sp.mins, 0) AS mins,
                   (SELECT min(Since) FROM tm c WHERE c.PersonId = mp.PersonId AND c.Since <= @now AND (c.Until IS NULL OR c.Until > @now)) AS since
            FROM (SELECT DISTINCT PersonId FROM tm) mp LEFT JOIN sp ON sp.MemberId = mp.PersonId
        ),
        x AS (
            SELECT mw.i, coalesce(sw.n, 0) AS n, coalesce(sw.mins, 0) AS mins
            FROM mw LEFT JOIN sw ON sw.i = mw.i AND sw.MemberId = mw.PersonId
            UNION ALL
            SELECT -1, n, mins FROM mp
        ),
        r AS (
            SELECT i, n, mins, row_number() OVER win AS rk,
                   count(*) OVER (win ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS cnt
            FROM x WINDOW win AS (PARTITION BY i ORDER BY mins)
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
        ),
        cur AS (
            SELECT mp.PersonId, mp.since, pe.DisplayName AS name,
                   (SELECT max(Date) FROM SupportEntries e WHERE e.MemberId = mp.PersonId AND e.TeamId = @team AND e.Date <= @today) AS last
            FROM mp JOIN People pe ON pe.Id = mp.PersonId
            WHERE mp.since IS NOT NULL AND pe.IsActive
        )
        SELECT 0, s.i, coalesce(t.n, 0), coalesce(t.mins, 0), coalesce(t.pro, 0), coalesce(t.people, 0),
               coalesce(f.members, 0), coalesce(f.covered, 0), coalesce(f.deep, 0), coalesce(f.mins, 0), coalesce(f.ix, 0),
               coalesce(f.top, 0), coalesce(f.got, 0), NULL
        FROM (SELECT i FROM w UNION ALL SELECT -1) s LEFT JOIN t ON t.i = s.i LEFT JOIN f ON f.i = s.i
        UNION ALL
        SELECT 1, mp.PersonId, mp.n, mp.mins, cur.since, cur.last, cur.name,
               CASE WHEN cur.PersonId IS NOT NULL THEN row_number() OVER (
                   ORDER BY cur.PersonId IS NULL, max(coalesce(cur.last, ''), date(cur.since / 1000, 'unixepoch')) > @quietSince,
                            cur.last IS NOT NULL, cur.last, cur.name, cur.PersonId) END,
               NULL, NULL, NULL, NULL, NULL, NULL
        FROM mp LEFT JOIN cur ON cur.PersonId = mp.PersonId
        ORDER BY 1, 4
        """;

    private static async Task TeamAsync(FloorContext context, int teamId, FloorResult into)
    {
        var period = context.Period;
        var weeks = period.WeekRanges();
        var monday = DashboardPeriod.WeekStart(period.From);
        await using var command = context.Connection.CreateCommand();
        command.CommandText = TeamSql;
        command.Parameters.AddWithValue("@team", teamId);
        command.Parameters.AddWithValue("@monday", Ms(monday));
        command.Parameters.AddWithValue("@mondayJd", monday.DayNumber + 1721425);
        command.Parameters.AddWithValue("@week", WeekMs);
        command.Parameters.AddWithValue("@weeks", weeks.Count);
        command.Parameters.AddWithValue("@start", Ms(period.From));
        command.Parameters.AddWithValue("@end", Ms(period.To) + DayMs);
        command.Parameters.AddWithValue("@now", context.Now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("@from", Text(period.From));
        command.Parameters.AddWithValue("@to", Text(period.To));
        command.Parameters.AddWithValue("@today", Text(context.Today));
        command.Parameters.AddWithValue("@quietSince", Text(context.Today.AddDays(-7 * FloorContext.QuietWeeks)));
        command.Parameters.AddWithValue("@depthEntries", FloorContext.DepthEntries);
        command.Parameters.AddWithValue("@depthMinutes", FloorContext.DepthMinutes);
        var slices = new Slice[weeks.Count + 1];
        var spread = new List<double>();
        var members = new SortedList<long, MemberCoverage>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                if (reader.GetInt32(0) == 0)
                {
                    var i = reader.GetInt32(1);
                    slices[i + 1] = Slice.Read(reader);
                    continue;
                }
                var hours = reader.GetInt64(3) / 60.0;
                spread.Add(hours);
                if (!reader.IsDBNull(7))
                {
                    var since = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)).UtcDateTime);
                    DateOnly? last = reader.IsDBNull(5) ? null : DateOnly.ParseExact(reader.GetString(5), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                    var later = last is { } l && l > since ? l : since;
                    var quiet = later.DayNumber <= context.Today.DayNumber - 7 * FloorContext.QuietWeeks;
                    members.Add(reader.GetInt64(7), new MemberCoverage(reader.GetInt32(1), reader.GetString(6), reader.GetInt32(2), hours, last, quiet, since));
                }
            }
        }
        var memberWeeks = 0.0;
        for (var i = 0; i < weeks.Count; i++)
        {
            var s = slices[i + 1];
            var mw = s.Members * (weeks[i].To.DayNumber - weeks[i].From.DayNumber + 1) / 7.0;
            memberWeeks += mw;
            Set(into, teamId, i, s, mw);
        }
        Set(into, teamId, FloorKey.Whole, slices[0], memberWeeks);
        into.Members = [.. members.Values];
        into.SupportSpread = spread;
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
        public static Slice Read(SqliteDataReader r) => new(r.GetInt32(2), r.GetInt64(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6),
            r.GetInt32(7), r.GetInt32(8), r.GetInt64(9), r.GetInt64(10), r.GetInt64(11), r.GetInt32(12));
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
            SELECT DISTINCT m.TeamId, w.i, m.PersonId FROM Memberships m JOIN w
              ON m.Since < w.e AND (m.Until IS NULL OR (m.Until > w.s AND m.Until > m.Since))
            WHERE m.Role = 'Member' AND m.Since < @end AND (m.Until IS NULL OR (m.Until > @start AND m.Until > m.Since))
        ),
        sw AS MATERIALIZED (
            SELECT s.TeamId, s.i, s.MemberId, s.n, s.mins, s.pro, mw.PersonId IS NOT NULL AS member
            FROM (
                SELECT TeamId, (CAST(julianday(Date) AS INTEGER) - @mondayJd) / 7 AS i, MemberId, count(*) AS n, sum(Minutes) AS mins,
                       sum(RequestId IS NULL) AS pro
                FROM SupportEntries WHERE Date BETWEEN @from AND @to
                GROUP BY 1, 2, 3
            ) s LEFT JOIN mw ON mw.TeamId = s.TeamId AND mw.i = s.i AND mw.PersonId = s.MemberId
        ),
        wk AS MATERIALIZED (
            SELECT TeamId, i, sum(n) AS n, sum(mins) AS mins, sum(pro) AS pro, sum(people) AS people, sum(members) AS members,
                   sum(got) AS got
            FROM (
                SELECT TeamId, i, sum(n) AS n, sum(mins) AS mins, sum(pro) AS pro, count(*) AS people, 0 AS members, sum(member) AS got
                FROM sw GROUP BY TeamId, i
                UNION ALL
                SELECT TeamId, i, 0, 0, 0, 0, count(*), 0 FROM mw GROUP BY TeamId, i
            ) GROUP BY TeamId, i
        ),
        -- each team's members, with whether they were in the team during a week kept for coverage, for depth
        pm AS (
            SELECT mw.TeamId, mw.PersonId, max(wk.members >= 3) AS c, max(wk.got >= 3) AS d
            FROM mw JOIN wk ON wk.TeamId = mw.TeamId AND wk.i = mw.i GROUP BY mw.TeamId, mw.PersonId
        ),
        -- each team's receivers: whether they got support in a week kept for coverage, and their support in the weeks kept for depth
        ps AS (
            SELECT sw.TeamId, sw.MemberId, max(wk.members >= 3) AS c,
                   sum(CASE WHEN wk.got >= 3 THEN sw.n ELSE 0 END) AS n, sum(CASE WHEN wk.got >= 3 THEN sw.mins ELSE 0 END) AS mins
            FROM sw JOIN wk ON wk.TeamId = sw.TeamId AND wk.i = sw.i GROUP BY sw.TeamId, sw.MemberId
        ),
        x AS (
            SELECT pm.TeamId, pm.c, pm.d, coalesce(ps.c, 0) AS covered, coalesce(ps.n, 0) AS n, coalesce(ps.mins, 0) AS mins
            FROM pm LEFT JOIN ps ON ps.TeamId = pm.TeamId AND ps.MemberId = pm.PersonId
        ),
        r AS (
            SELECT TeamId, n, mins, row_number() OVER win AS rk,
                   count(*) OVER (win ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS cnt
            FROM x WHERE d WINDOW win AS (PARTITION BY TeamId ORDER BY mins)
        ),
        f AS (
            SELECT TeamId, count(*) AS members, sum(n >= @depthEntries OR mins >= @depthMinutes) AS deep, sum(mins) AS mins,
                   sum(rk * mins) AS ix, sum(CASE WHEN rk > cnt - (cnt + 4) / 5 THEN mins ELSE 0 END) AS top, sum(mins > 0) AS got
            FROM r GROUP BY TeamId
        ),
        k AS (
            SELECT TeamId,
                   sum(people >= 3) AS keptE, sum(people BETWEEN 1 AND 2) AS outE,
                   sum(CASE WHEN people >= 3 THEN n ELSE 0 END) AS n, sum(CASE WHEN people >= 3 THEN mins ELSE 0 END) AS mins,
                   sum(CASE WHEN people >= 3 THEN pro ELSE 0 END) AS pro, sum(CASE WHEN people >= 3 THEN members ELSE 0 END) AS mweeks,
                   sum(members >= 3) AS keptC, sum(members BETWEEN 1 AND 2) AS outC,
                   sum(got >= 3) AS keptD, sum(got BETWEEN 1 AND 2) AS outD
            FROM wk GROUP BY TeamId
        )
        SELECT tt.Id, coalesce(k.keptE, 0), coalesce(k.outE, 0), coalesce(k.n, 0), coalesce(k.mins, 0), coalesce(k.pro, 0),
               coalesce(k.mweeks, 0), (SELECT count(*) FROM ps WHERE ps.TeamId = tt.Id),
               coalesce(k.keptC, 0), coalesce(k.outC, 0),
               (SELECT count(*) FROM pm WHERE pm.TeamId = tt.Id AND (pm.c OR k.keptC = 0)),
               (SELECT coalesce(sum(c AND covered), 0) FROM x WHERE x.TeamId = tt.Id),
               coalesce(k.keptD, 0), coalesce(k.outD, 0), coalesce(f.members, 0), coalesce(f.deep, 0), coalesce(f.mins, 0),
               coalesce(f.ix, 0), coalesce(f.top, 0), coalesce(f.got, 0)
        FROM Teams tt LEFT JOIN k ON k.TeamId = tt.Id LEFT JOIN f ON f.TeamId = tt.Id
        """;

    private static async Task OverviewAsync(FloorContext context, FloorResult into)
    {
        var period = context.Period.ForHr(context.Today);
        var weeks = period.WeekRanges();
        await using var command = context.Connection.CreateCommand();
        command.CommandText = OverviewSql;
        command.Parameters.AddWithValue("@start", Ms(period.From));
        command.Parameters.AddWithValue("@end", Ms(period.To) + DayMs);
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
            ? new FloorFigure(null, people, null, Withheld: true, WithheldWeeks: leftOut)
            : new FloorFigure(value, people, count, WithheldWeeks: leftOut));
}
