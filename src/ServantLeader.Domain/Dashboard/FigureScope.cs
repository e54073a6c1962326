using System.Text;
using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Data;

namespace ServantLeader.Domain.Dashboard;

/// <summary>
/// What every figure statement is written for (the database, the organisation's time zone, now, and one team or every
/// team), and the SQL fragments the statements share: a table's rows in range, and the slice each row falls in.
/// Hand-written SQL rather than LINQ because the figures need window functions (percentiles), and weeks that follow
/// the organisation's time zone across daylight-saving changes. The SQL is portable apart from one day-number function.
/// </summary>
internal sealed record FigureScope(ServantLeaderDb Db, TimeZoneInfo Zone, DateTimeOffset Now, int? TeamId)
{
    public const long DayMs = 86_400_000;
    public const long WeekMs = 7 * DayMs;

    /// <summary>The slice key of the whole period, as SQL.</summary>
    private const string WholeGroup = "-1";

    /// <summary>
    /// The rows of one table in range, aliased "a". For one team, an index range on (TeamId, …); for every team, the
    /// same index entered team by team through "Teams", so the rows arrive grouped by team and need no sort.
    /// </summary>
    public string Source(SqlText sql, string table, string range, string? condition = null)
    {
        var where = condition is null ? "" : $" AND {condition}";
        return TeamId is { } id
            ? $"""FROM "{table}" a WHERE a."TeamId" = {sql.Parameter(id)} AND {range}{where}"""
            : $"""FROM "Teams" t JOIN "{table}" a ON a."TeamId" = t."Id" AND {range} WHERE 1 = 1{where}""";
    }

    /// <summary>One SELECT per grouping, glued with UNION ALL: the whole period, and the weeks or halves.</summary>
    public static string Grouped(IReadOnlyList<string> groups, string source, string aggregates) =>
        string.Join("\nUNION ALL\n", groups.Select(g => g == WholeGroup
            ? $"""SELECT a."TeamId" AS "TeamId", {g} AS "Bucket", {aggregates} {source} GROUP BY a."TeamId" """
            : $"""SELECT a."TeamId" AS "TeamId", {g} AS "Bucket", {aggregates} {source} GROUP BY a."TeamId", {g}"""));

    /// <summary>The slice keys for rows stamped with an instant: -1, and the 0-based week of its local day.</summary>
    public List<string> InstantGroups(SqlText sql, Slices slices, string column)
    {
        var groups = new List<string> { WholeGroup };
        if (slices.Weekly)
        {
            // Local wall-clock milliseconds = UTC + the zone's offset at that instant.
            var (t0, t1) = slices.Whole.Instants(Zone);
            var offset = OffsetSql(sql, column, t0, t1);
            var origin = new DateTimeOffset(slices.WeekOrigin.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
            groups.Add($"(({column} + {offset} - {sql.Parameter(origin)}) / {WeekMs})");
        }
        return groups;
    }

    /// <summary>The slice keys for rows stamped with a date: -1, the 0-based week, and -2/-3 for the halves.</summary>
    public List<string> DateGroups(SqlText sql, Slices slices, string column, bool halves)
    {
        var groups = new List<string> { WholeGroup };
        if (slices.Weekly)
        {
            groups.Add($"({DayDifference(sql, column, slices.WeekOrigin)} / 7)");
        }
        if (halves)
        {
            groups.Add($"(CASE WHEN {column} <= {sql.Parameter(slices.FirstHalf.To)} THEN {Bucket.FirstHalf} ELSE {Bucket.SecondHalf} END)");
        }
        return groups;
    }

    /// <summary>Whole days from <paramref name="origin"/> to the date in <paramref name="column"/>.</summary>
    public string DayDifference(SqlText sql, string column, DateOnly origin) => Db.Database.IsSqlite()
        ? $"(CAST(julianday({column}) AS INTEGER) - CAST(julianday({sql.Parameter(origin)}) AS INTEGER))"
        : $"({column} - {sql.Parameter(origin)})";

    /// <summary>
    /// The zone's offset in milliseconds at the instant in <paramref name="column"/>, for instants in [from, to): it
    /// changes only at daylight-saving transitions, listed as a CASE.
    /// </summary>
    public string OffsetSql(SqlText sql, string column, long fromMs, long toMs)
    {
        var transitions = Transitions(fromMs, toMs);
        if (transitions.Count == 1)
        {
            return sql.Parameter(transitions[0].OffsetMs);
        }
        var offset = new StringBuilder("(CASE");
        for (var i = 1; i < transitions.Count; i++)
        {
            offset.Append($" WHEN {column} < {sql.Parameter(transitions[i].FromMs)} THEN {sql.Parameter(transitions[i - 1].OffsetMs)}");
        }
        return offset.Append($" ELSE {sql.Parameter(transitions[^1].OffsetMs)} END)").ToString();
    }

    /// <summary>The zone's offset from <paramref name="fromMs"/> on, and each change of it before <paramref name="toMs"/>.</summary>
    private List<(long FromMs, long OffsetMs)> Transitions(long fromMs, long toMs)
    {
        long OffsetAt(long ms) => (long)Zone.GetUtcOffset(DateTimeOffset.FromUnixTimeMilliseconds(ms)).TotalMilliseconds;
        var result = new List<(long, long)> { (fromMs, OffsetAt(fromMs)) };
        // Offsets change at most a few times a year and never twice in six hours: step by hours, then narrow down.
        const long Step = 6 * 3_600_000L;
        for (var at = fromMs; at < toMs; at += Step)
        {
            var next = Math.Min(at + Step, toMs);
            if (OffsetAt(next) == OffsetAt(at))
            {
                continue;
            }
            var (low, high) = (at, next);
            while (high - low > 1)
            {
                var mid = low + (high - low) / 2;
                (low, high) = OffsetAt(mid) == OffsetAt(at) ? (mid, high) : (low, mid);
            }
            result.Add((high, OffsetAt(high)));
        }
        return result;
    }
}
