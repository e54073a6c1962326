namespace ServantLeader.Domain.Dashboard;

/// <summary>
/// The figures that make waiting count: first responses within the organisation's target (misses include requests
/// still waiting past it), and the requests waiting for a first response right now. docs/metrics.md, "Requests that wait".
/// </summary>
internal static class RequestWaitFigures
{
    private const long DayMs = FigureScope.DayMs;

    /// <summary>
    /// Aggregates of the main request statement (rows aliased "a"): "OnTarget", "TargetDue" and "TargetPeople".
    /// Deadlines are worked out on local wall-clock milliseconds (UTC + the zone's offset at that instant), so a working
    /// day is Monday to Friday in the organisation's zone: a request made at the weekend starts its clock on Monday 00:00,
    /// and each working day added skips Saturday and Sunday. Plain integer arithmetic, the same on SQLite and PostgreSQL.
    /// </summary>
    public static string TargetColumns(FigureScope scope, SqlText sql, long t0, long t1, int workingDays)
    {
        var nowMs = scope.Now.ToUnixTimeMilliseconds();
        var nowLocal = nowMs + (long)scope.Zone.GetUtcOffset(scope.Now).TotalMilliseconds;
        var created = $"""(a."CreatedAt" + {scope.OffsetSql(sql, "a.\"CreatedAt\"", t0, t1)})""";
        var answered = $"""(a."AcknowledgedAt" + {scope.OffsetSql(sql, "a.\"AcknowledgedAt\"", t0, Math.Max(t1, nowMs) + 1)})""";
        // Day 0 of the Unix epoch was a Thursday: weekday 0 = Monday … 6 = Sunday.
        var weekday = $"(({created} / {DayMs} + 3) % 7)";
        var start = $"(CASE WHEN {weekday} >= 5 THEN ({created} / {DayMs} + 7 - {weekday}) * {DayMs} ELSE {created} END)";
        var startWeekday = $"(CASE WHEN {weekday} >= 5 THEN 0 ELSE {weekday} END)";
        // n working days = n / 5 whole weeks, then n % 5 days that cross one weekend when they run past Friday.
        var days = workingDays + 2 * (workingDays / 5);
        var deadline = $"({start} + ({sql.Parameter(days)} + CASE WHEN {startWeekday} + {sql.Parameter(workingDays % 5)} >= 5 THEN 2 ELSE 0 END) * {DayMs})";
        var due = $"""(a."AcknowledgedAt" IS NOT NULL OR {sql.Parameter(nowLocal)} > {deadline})""";
        return $"""
            SUM(CASE WHEN a."AcknowledgedAt" IS NOT NULL AND {answered} <= {deadline} THEN 1 ELSE 0 END) AS "OnTarget",
            SUM(CASE WHEN {due} THEN 1 ELSE 0 END) AS "TargetDue",
            COUNT(DISTINCT CASE WHEN {due} THEN a."RequesterId" END) AS "TargetPeople"
            """;
    }

    /// <summary>
    /// The requests waiting for a first response now, whatever the period: how many, from how many people, and the
    /// oldest one's age in hours. Stored under the whole-period slice, like the open blockers.
    /// </summary>
    public static async Task<FigureCells> WaitingNowAsync(FigureScope scope, CancellationToken ct)
    {
        var cells = new FigureCells.Builder();
        var sql = new SqlText();
        sql.Append("""
            SELECT a."TeamId" AS "TeamId", COUNT(*) AS "Waiting", COUNT(DISTINCT a."RequesterId") AS "People", MIN(a."CreatedAt") AS "Oldest"
            FROM "ServiceRequests" a
            WHERE a."Status" = 'Open' AND a."AcknowledgedAt" IS NULL
            """);
        sql.TeamFilter("a", scope.TeamId, and: true);
        sql.Append("""GROUP BY a."TeamId" """);
        var nowMs = scope.Now.ToUnixTimeMilliseconds();
        foreach (var row in await sql.ReadAsync<WaitingRow>(scope.Db, ct))
        {
            cells.SetCount(row.TeamId, Bucket.Whole, Measure.WaitingNow, row.Waiting, row.People);
            // The longest wait rests on the requests waiting: it is the oldest of them.
            cells.Set(row.TeamId, Bucket.Whole, Measure.LongestWaitHours, row.Oldest is { } oldest ? (nowMs - oldest) / 3_600_000.0 : null, row.People,
                0, row.Waiting);
        }
        return cells.Build();
    }
}

#pragma warning disable CA1812 // materialised from SQL by RowMap
internal sealed class WaitingRow
{
    public int TeamId { get; set; }
    public long Waiting { get; set; }
    public long People { get; set; }
    public long? Oldest { get; set; }
}
#pragma warning restore CA1812
