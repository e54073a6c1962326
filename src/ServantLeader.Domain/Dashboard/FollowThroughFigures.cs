using ServantLeader.Domain.Common;

namespace ServantLeader.Domain.Dashboard;

/// <summary>
/// The "follow-through" figures, from data that already exists: leader-owned 1:1 action items done by their due date,
/// members with no recent 1:1, and how long a blocker raised in a check-in takes to clear.
/// </summary>
internal static class FollowThroughFigures
{
    public static async Task<FigureCells> ReadAsync(FigureScope scope, Slices slices, DateOnly today, FairnessOptions options, CancellationToken ct)
    {
        var cells = new FigureCells.Builder();
        await ActionItemsAsync(scope, slices, today, cells, ct);
        await BlockersAsync(scope, slices, cells, ct);
        var sql = new SqlText();
        sql.Append($"""
            SELECT m."TeamId" AS "TeamId", COUNT(DISTINCT m."PersonId") AS "Without"
            {WithoutOneOnOne(sql, scope, options)}
            GROUP BY m."TeamId"
            """);
        foreach (var row in await sql.ReadAsync<WithoutRow>(scope.Db, ct))
        {
            cells.SetCount(row.TeamId, Bucket.Whole, Measure.MembersWithoutOneOnOne, row.Without, row.Without);
        }
        return cells.Build();
    }

    /// <summary>Who of one team has had no recent 1:1, with the day of their last one: the leaders' list. Never for HR.</summary>
    public static async Task<IReadOnlyList<OneOnOneGap>> GapsAsync(FigureScope scope, FairnessOptions options, CancellationToken ct)
    {
        var sql = new SqlText();
        sql.Append($"""
            SELECT DISTINCT m."PersonId" AS "PersonId", p."DisplayName" AS "Name",
              (SELECT MAX(o."HeldAt") FROM "OneOnOnes" o
               WHERE o."MemberId" = m."PersonId" AND o."Status" = 'Held'
                 AND EXISTS (SELECT 1 FROM "Memberships" l WHERE l."TeamId" = m."TeamId" AND l."PersonId" = o."LeaderId" AND l."Role" = 'Leader')) AS "LastHeld"
            {WithoutOneOnOne(sql, scope, options)}
            """);
        return (await sql.ReadAsync<GapRow>(scope.Db, ct))
            .Select(r => new OneOnOneGap(r.PersonId, r.Name,
                r.LastHeld is { } ms ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(ms), scope.Zone).DateTime) : null))
            .OrderBy(g => g.LastHeld is not null).ThenBy(g => g.LastHeld).ThenBy(g => g.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>
    /// The team's current members (a Member membership that has not ended, begun at least the set weeks ago) with no 1:1
    /// held in them with any of the team's leaders, past or present: a member who joined later is not yet due one. A
    /// figure of now, so the team of now; deactivation ends the membership, so whether the person is active decides nothing.
    /// </summary>
    private static string WithoutOneOnOne(SqlText sql, FigureScope scope, FairnessOptions options)
    {
        var cutoff = sql.Parameter(scope.Now.AddDays(-7 * options.NoOneOnOneWeeks).ToUnixTimeMilliseconds());
        return $"""
            FROM "Memberships" m JOIN "People" p ON p."Id" = m."PersonId"
            WHERE m."Role" = 'Member' AND m."Until" IS NULL AND m."Since" <= {cutoff}
              {(scope.TeamId is { } id ? $"""AND m."TeamId" = {sql.Parameter(id)}""" : "")}
              AND NOT EXISTS (
                SELECT 1 FROM "OneOnOnes" o JOIN "Memberships" l ON l."PersonId" = o."LeaderId"
                WHERE l."TeamId" = m."TeamId" AND l."Role" = 'Leader' AND o."MemberId" = m."PersonId" AND o."Status" = 'Held'
                  AND o."HeldAt" >= {cutoff})
            """;
    }

    /// <summary>
    /// Action items of a 1:1 pair owned by its leader, due in the slice, in each team the leader led and the member was a
    /// member of on the due day (the team as it was). Due: done, or the due day is over. On time: done before local
    /// midnight after the due day.
    /// </summary>
    private static async Task ActionItemsAsync(FigureScope scope, Slices slices, DateOnly today, FigureCells.Builder cells, CancellationToken ct)
    {
        var sql = new SqlText();
        var (t0, t1) = slices.Whole.Instants(scope.Zone);
        var offset = scope.OffsetSql(sql, "a.\"DoneAt\"", t0, t1);
        var dueDay = scope.DayDifference(sql, "a.\"DueOn\"", DateOnly.FromDateTime(DateTime.UnixEpoch));
        var week = $"({scope.DayDifference(sql, "x.\"DueOn\"", slices.WeekOrigin)} / 7)";
        // The team as it was on the due day: the leader led it and the member was in it for some of that local day. A
        // membership's start and end are read as local wall-clock milliseconds; offsets are listed for the days around the
        // slice, the only instants whose offset can move them across one of its midnights.
        var (around0, around1) = (t0 - FigureScope.DayMs, t1 + FigureScope.DayMs);
        string OnDueDay(string m) =>
            $"""({m}."Since" + {scope.OffsetSql(sql, $"{m}.\"Since\"", around0, around1)} < ({dueDay} + 1) * CAST({FigureScope.DayMs} AS BIGINT)"""
            + $""" AND ({m}."Until" IS NULL OR ({m}."Until" > {m}."Since" AND {m}."Until" + {scope.OffsetSql(sql, $"{m}.\"Until\"", around0, around1)} > {dueDay} * CAST({FigureScope.DayMs} AS BIGINT))))""";
        sql.Append($"""
            WITH "X" AS (
              SELECT DISTINCT l."TeamId" AS "TeamId", a."Id" AS "Id", a."MemberId" AS "MemberId", a."DueOn" AS "DueOn",
                CASE WHEN a."DoneAt" IS NOT NULL OR a."DueOn" < {sql.Parameter(today)} THEN 1 ELSE 0 END AS "due",
                CASE WHEN a."DoneAt" IS NOT NULL AND a."DoneAt" + {offset} < ({dueDay} + 1) * CAST({FigureScope.DayMs} AS BIGINT) THEN 1 ELSE 0 END AS "onTime"
              FROM "ActionItems" a
              JOIN "Memberships" l ON l."PersonId" = a."LeaderId" AND l."Role" = 'Leader' AND {OnDueDay("l")}
              WHERE a."OwnerId" = a."LeaderId" AND a."DueOn" >= {sql.Parameter(slices.Whole.From)} AND a."DueOn" <= {sql.Parameter(slices.Whole.To)}
                AND EXISTS (SELECT 1 FROM "Memberships" mm WHERE mm."TeamId" = l."TeamId" AND mm."PersonId" = a."MemberId" AND mm."Role" = 'Member'
                  AND {OnDueDay("mm")})
                {(scope.TeamId is { } id ? $"""AND l."TeamId" = {sql.Parameter(id)}""" : "")}
            )
            SELECT "TeamId", {Bucket.Whole} AS "Bucket", SUM("due") AS "Due", SUM("onTime") AS "OnTime",
              COUNT(DISTINCT CASE WHEN "due" = 1 THEN "MemberId" END) AS "People"
            FROM "X" GROUP BY "TeamId"
            UNION ALL
            SELECT x."TeamId", {week}, SUM(x."due"), SUM(x."onTime"), COUNT(DISTINCT CASE WHEN x."due" = 1 THEN x."MemberId" END)
            FROM "X" x GROUP BY x."TeamId", {week}
            """);
        foreach (var row in await sql.ReadAsync<ActionRow>(scope.Db, ct))
        {
            cells.SetRatio(row.TeamId, row.Bucket, Measure.ActionItemsOnTime, row.OnTime, row.Due, row.People);
        }
    }

    /// <summary>
    /// Blockers raised in the slice (by the raising check-in's submission) and when they cleared. A submitted check-in with
    /// a blocker raises one unless the member's previous submitted check-in in the team reported one too (then it goes on);
    /// it clears at the member's next submitted check-in in the team without a blocker, or when the request made from the
    /// raising check-in was resolved (a resolution before the blocker was raised does not clear it), whichever is first.
    /// Blockers not cleared yet are counted, not guessed: the median is over the cleared ones. For HR the whole period's
    /// median uses only weeks with 3 or more members behind it.
    /// </summary>
    private static async Task BlockersAsync(FigureScope scope, Slices slices, FigureCells.Builder cells, CancellationToken ct)
    {
        var sql = new SqlText();
        var (t0, t1) = slices.Whole.Instants(scope.Zone);
        var weekOfV = scope.InstantGroups(sql, slices, "v.\"c\"").Skip(1).FirstOrDefault();
        // HR: the whole period's median only from the weeks in which 3 or more members' blockers cleared ("KW").
        var keptWeeks = slices.WeekRule && weekOfV is not null;
        var wholeFilter = keptWeeks
            ? $"""WHERE v."v" IS NULL OR EXISTS (SELECT 1 FROM "KW" k WHERE k."TeamId" = v."TeamId" AND k."w" = {weekOfV})"""
            : "";
        var kept = keptWeeks
            ? $"""
              , "KW" AS (
                SELECT v."TeamId" AS "TeamId", {weekOfV} AS "w" FROM "V" v WHERE v."v" IS NOT NULL
                GROUP BY v."TeamId", {weekOfV} HAVING COUNT(DISTINCT v."p") >= {sql.Parameter(GroupSize.Minimum)}
              )
              """
            : "";
        // Only the check-ins submitted from the slice's start on are ranked (a blocker clears at a later one, up to now);
        // whether the first of them goes on from an earlier blocker is read from the one before it ("before" = -1).
        var start = sql.Parameter(t0);
        sql.Append($"""
            WITH "C" AS (
              SELECT c."TeamId" AS "TeamId", c."MemberId" AS "MemberId", c."SubmittedAt" AS "s", c."RequestId" AS "r",
                CASE WHEN c."Challenges" <> '' THEN 1 ELSE 0 END AS "blk",
                LAG(CASE WHEN c."Challenges" <> '' THEN 1 ELSE 0 END, 1, -1) OVER (PARTITION BY c."TeamId", c."MemberId" ORDER BY c."SubmittedAt", c."Id") AS "before",
                MIN(CASE WHEN c."Challenges" = '' THEN c."SubmittedAt" END) OVER (PARTITION BY c."TeamId", c."MemberId" ORDER BY c."SubmittedAt", c."Id"
                  ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS "clear"
              FROM "CheckIns" c
              WHERE c."Status" <> 'Draft' AND c."SubmittedAt" >= {start}
                {(scope.TeamId is { } id ? $"""AND c."TeamId" = {sql.Parameter(id)}""" : "")}
            ), "V" AS (
              SELECT x."TeamId" AS "TeamId", x."MemberId" AS "p", x."s" AS "c",
                CASE WHEN r."ResolvedAt" IS NOT NULL AND (x."clear" IS NULL OR r."ResolvedAt" < x."clear") THEN r."ResolvedAt" ELSE x."clear" END - x."s" AS "v"
              FROM "C" x LEFT JOIN "ServiceRequests" r ON r."Id" = x."r" AND r."Status" = 'Resolved' AND r."ResolvedAt" >= x."s"
              WHERE x."blk" = 1 AND x."s" < {sql.Parameter(t1)} AND 0 = CASE WHEN x."before" >= 0 THEN x."before" ELSE COALESCE((
                  SELECT CASE WHEN e."Challenges" <> '' THEN 1 ELSE 0 END FROM "CheckIns" e
                  WHERE e."TeamId" = x."TeamId" AND e."MemberId" = x."MemberId" AND e."Status" <> 'Draft' AND e."SubmittedAt" < {start}
                  ORDER BY e."SubmittedAt" DESC, e."Id" DESC LIMIT 1), 0) END
            ){kept}, "G" AS (
              SELECT v."TeamId" AS "TeamId", {Bucket.Whole} AS "b", v."p" AS "p", v."v" AS "v" FROM "V" v {wholeFilter}
              {(weekOfV is null ? "" : $"""UNION ALL SELECT v."TeamId", {weekOfV}, v."p", v."v" FROM "V" v""")}
            ), "R" AS (
              SELECT "TeamId", "b", "v", ROW_NUMBER() OVER (PARTITION BY "TeamId", "b" ORDER BY "v") - 1 AS "i",
                COUNT(*) OVER (PARTITION BY "TeamId", "b") AS "n"
              FROM "G" WHERE "v" IS NOT NULL
            ), "Q" AS (
              SELECT "TeamId", "b", MAX("n") AS "N", MAX(CASE WHEN "i" = ("n" - 1) / 2 THEN "v" END) AS "Low",
                MAX(CASE WHEN "i" = ("n" - 1) / 2 + 1 THEN "v" END) AS "High"
              FROM "R" GROUP BY "TeamId", "b"
            )
            SELECT g."TeamId" AS "TeamId", g."b" AS "Bucket",
              COUNT(DISTINCT CASE WHEN g."v" IS NOT NULL THEN g."p" END) AS "ClearedPeople",
              SUM(CASE WHEN g."v" IS NULL THEN 1 ELSE 0 END) AS "Open",
              COUNT(DISTINCT CASE WHEN g."v" IS NULL THEN g."p" END) AS "OpenPeople",
              MAX(q."N") AS "N", MAX(q."Low") AS "Low", MAX(q."High") AS "High"
            FROM "G" g LEFT JOIN "Q" q ON q."TeamId" = g."TeamId" AND q."b" = g."b"
            GROUP BY g."TeamId", g."b"
            """);
        foreach (var row in await sql.ReadAsync<BlockerClearRow>(scope.Db, ct))
        {
            cells.Set(row.TeamId, row.Bucket, Measure.BlockerClearMedianDays,
                Percentile.Interpolate(row.N ?? 0, 50, row.Low, row.High) / FigureScope.DayMs, row.ClearedPeople, 0, row.N ?? 0);
            cells.SetCount(row.TeamId, row.Bucket, Measure.BlockersNotCleared, row.Open, row.OpenPeople);
        }
    }

#pragma warning disable CA1812 // materialised from SQL by RowMap
    private sealed class WithoutRow
    {
        public int TeamId { get; set; }
        public long Without { get; set; }
    }

    private sealed class GapRow
    {
        public int PersonId { get; set; }
        public string Name { get; set; } = "";
        public long? LastHeld { get; set; }
    }

    private sealed class ActionRow
    {
        public int TeamId { get; set; }
        public int Bucket { get; set; }
        public long Due { get; set; }
        public long OnTime { get; set; }
        public long People { get; set; }
    }

    private sealed class BlockerClearRow
    {
        public int TeamId { get; set; }
        public int Bucket { get; set; }
        public long ClearedPeople { get; set; }
        public long Open { get; set; }
        public long OpenPeople { get; set; }
        public long? N { get; set; }
        public long? Low { get; set; }
        public long? High { get; set; }
    }
#pragma warning restore CA1812
}
