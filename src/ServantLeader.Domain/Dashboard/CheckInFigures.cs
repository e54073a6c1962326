using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Dashboard;

/// <summary>
/// The check-in figures: participation on each team's own rhythm, the pulse, reviews on time, and the open blockers.
/// </summary>
internal static class CheckInFigures
{
    private const long DayMs = FigureScope.DayMs;
    private const long ReviewWindowMs = 3 * DayMs;

    public static async Task<FigureCells> ReadAsync(FigureScope scope, Slices slices, DateOnly today, CancellationToken ct)
    {
        var cells = new FigureCells.Builder();
        var teamId = scope.TeamId;
        // Participation: the expected (member, period) pairs, each team with its own cadence and due day.
        var rhythms = await scope.Db.Teams
            .Where(t => teamId == null || t.Id == teamId)
            .Select(t => new { t.CheckInCadence, t.CheckInDueDay })
            .Distinct()
            .ToListAsync(ct);
        var byRhythm = rhythms.Select(r => (r.CheckInCadence, r.CheckInDueDay)).ToList();
        if (slices.Weekly)
        {
            await ParticipationByWeekAsync(scope, slices, byRhythm, today, cells, ct);
        }
        else
        {
            await ParticipationByArithmeticAsync(scope, slices.Whole, byRhythm, today, cells, ct);
        }

        var pulse = new SqlText();
        var source = scope.Source(pulse, "CheckIns",
            $"""a."PeriodDue" >= {pulse.Parameter(slices.Whole.From)} AND a."PeriodDue" <= {pulse.Parameter(slices.Whole.To)}""",
            """a."Status" <> 'Draft' AND a."Pulse" IS NOT NULL""");
        pulse.Append(FigureScope.Grouped(scope.DateGroups(pulse, slices, "a.\"PeriodDue\"", slices.Halves), source, """
            COUNT(*) AS "Pulses", SUM(a."Pulse") AS "PulseSum", SUM(a."Pulse" * a."Pulse") AS "PulseSquares", COUNT(DISTINCT a."MemberId") AS "People"
            """));
        foreach (var row in await pulse.ReadAsync<PulseRow>(scope.Db, ct))
        {
            // The squares give each half's spread, so a fall in the pulse can be told from noise (FlagRules).
            cells.SetRatio(row.TeamId, row.Bucket, Measure.PulseMean, row.PulseSum, row.Pulses, row.People, row.PulseSquares);
        }

        var review = new SqlText();
        var (t0, t1) = slices.Whole.Instants(scope.Zone);
        source = scope.Source(review, "CheckIns", $"""a."SubmittedAt" >= {review.Parameter(t0)} AND a."SubmittedAt" < {review.Parameter(t1)}""");
        var nowMs = review.Parameter(scope.Now.ToUnixTimeMilliseconds());
        review.Append(FigureScope.Grouped(scope.InstantGroups(review, slices, "a.\"SubmittedAt\""), source, $"""
            SUM(CASE WHEN a."ReviewedAt" IS NOT NULL OR a."SubmittedAt" + {ReviewWindowMs} <= {nowMs} THEN 1 ELSE 0 END) AS "Due",
            SUM(CASE WHEN a."ReviewedAt" IS NOT NULL AND a."ReviewedAt" - a."SubmittedAt" <= {ReviewWindowMs} THEN 1 ELSE 0 END) AS "OnTime",
            COUNT(DISTINCT CASE WHEN a."ReviewedAt" IS NOT NULL OR a."SubmittedAt" + {ReviewWindowMs} <= {nowMs} THEN a."MemberId" END) AS "People"
            """));
        // The people behind the rate are those whose check-ins are in its denominator, not every member who submitted.
        foreach (var row in await review.ReadAsync<ReviewRow>(scope.Db, ct))
        {
            cells.SetRatio(row.TeamId, row.Bucket, Measure.ReviewRate, row.OnTime, row.Due, row.People);
        }
        return cells.Build();
    }

    /// <summary>Participation week by week: the expected (member, check-in period) pairs of each team's own rhythm.</summary>
    private static async Task ParticipationByWeekAsync(FigureScope scope, Slices slices, IReadOnlyList<(CheckInCadence Cadence, DayOfWeek DueDay)> rhythms,
        DateOnly today, FigureCells.Builder cells, CancellationToken ct)
    {
        var periods = new List<(int Bucket, CheckInCadence Cadence, DayOfWeek DueDay, DateOnly Due, long DueStart, long DueEnd)>();
        foreach (var (cadence, dueDay) in rhythms)
        {
            foreach (var bucket in slices.Buckets().Where(b => b.Key >= 0))
            {
                var last = bucket.Days.To < today ? bucket.Days.To : today.AddDays(-1);
                for (var p = CheckInPeriod.Containing(bucket.Days.From, cadence, dueDay); p.Due <= last; p = p.Next())
                {
                    if (p.Due >= bucket.Days.From)
                    {
                        var (dueStart, dueEnd) = new DayRange(p.Due, p.Due).Instants(scope.Zone);
                        periods.Add((bucket.Key, cadence, dueDay, p.Due, dueStart, dueEnd));
                    }
                }
            }
        }
        if (periods.Count > 0)
        {
            var sql = new SqlText();
            sql.Append("""WITH "Q"("b", "Cadence", "DueDay", "Due", "DueStart", "DueEnd") AS (VALUES """);
            for (var i = 0; i < periods.Count; i++)
            {
                var p = periods[i];
                sql.Append(i == 0 ? "(" : ", (");
                sql.Append($"{sql.Parameter(p.Bucket)}, {sql.Parameter(p.Cadence.ToString())}, {sql.Parameter(p.DueDay.ToString())}, {sql.Parameter(p.Due)}, {sql.Parameter(p.DueStart)}, {sql.Parameter(p.DueEnd)})");
            }
            // A member is expected for a period when a membership of theirs overlapped its due day: not before they
            // joined, and still for the periods due while they were in the team after they left. Once per person.
            sql.Append($"""
                ), "P" AS (
                  SELECT DISTINCT m."TeamId", q."b", q."Due", m."PersonId"
                  FROM "Memberships" m
                  JOIN "Teams" t ON t."Id" = m."TeamId"
                  JOIN "Q" q ON q."Cadence" = t."CheckInCadence" AND q."DueDay" = t."CheckInDueDay"
                    AND {TeamAsItWas.Overlaps("m", "q.\"DueStart\"", "q.\"DueEnd\"")}
                  WHERE m."Role" = 'Member'
                """);
            sql.TeamFilter("m", scope.TeamId, and: true);
            sql.Append("""
                ), "E" AS (
                  SELECT x."TeamId", x."b", x."PersonId",
                    CASE WHEN EXISTS (
                      SELECT 1 FROM "CheckIns" c
                      WHERE c."TeamId" = x."TeamId" AND c."MemberId" = x."PersonId" AND c."PeriodDue" = x."Due" AND c."Status" <> 'Draft'
                    ) THEN 1 ELSE 0 END AS "s"
                  FROM "P" x
                """);
            sql.Append("""
                )
                SELECT "TeamId", "b" AS "Bucket", COUNT(*) AS "Expected", SUM("s") AS "Submitted", COUNT(DISTINCT "PersonId") AS "People"
                FROM "E" GROUP BY "TeamId", "b"
                """);
            // Weeks partition the period, so the whole period is their roll-up.
            sql.Append($"""
                UNION ALL
                SELECT "TeamId", {sql.Parameter(Bucket.Whole)}, COUNT(*), SUM("s"), COUNT(DISTINCT "PersonId") FROM "E" GROUP BY "TeamId"
                """);
            foreach (var row in await sql.ReadAsync<ParticipationRow>(scope.Db, ct))
            {
                cells.SetRatio(row.TeamId, row.Bucket, Measure.Participation, row.Submitted, row.Expected, row.People);
            }
        }
    }

    /// <summary>
    /// Participation over the whole period without listing every (member, period) pair: a rhythm's due dates are every
    /// L days from an anchor A, so the periods a member is expected for, from the later of the period's start and the
    /// day they joined up to the earlier of the day they left and the last period that is over, are counted by integer
    /// division; their submitted check-ins are counted from the member's own index range. Day numbers count from the
    /// period's first day.
    /// </summary>
    private static async Task ParticipationByArithmeticAsync(FigureScope scope, DayRange whole, IReadOnlyList<(CheckInCadence Cadence, DayOfWeek DueDay)> rhythms,
        DateOnly today, FigureCells.Builder cells, CancellationToken ct)
    {
        var last = whole.To < today ? whole.To : today.AddDays(-1);
        if (rhythms.Count == 0 || last < whole.From)
        {
            return;
        }
        var sql = new SqlText();
        var origin = whole.From;
        var (t0, _) = whole.Instants(scope.Zone);
        var (_, lastEnd) = new DayRange(whole.From, last).Instants(scope.Zone);
        sql.Append("""WITH "R"("Cadence", "DueDay", "L", "A") AS (VALUES """);
        for (var i = 0; i < rhythms.Count; i++)
        {
            var (cadence, weekday) = rhythms[i];
            var anchor = CheckInPeriod.Containing(origin.AddDays(-15), cadence, weekday);
            sql.Append($"{(i == 0 ? "(" : ", (")}{sql.Parameter(cadence.ToString())}, {sql.Parameter(weekday.ToString())}, {sql.Parameter(anchor.Length)}, {sql.Parameter(anchor.Due.DayNumber - origin.DayNumber)})");
        }
        var since = scope.OffsetSql(sql, "m.\"Since\"", t0, lastEnd);
        var until = scope.OffsetSql(sql, "m.\"Until\"", t0, lastEnd);
        var originEpochDay = sql.Parameter(origin.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber);
        var lastDay = sql.Parameter(last.DayNumber - origin.DayNumber);
        var dueDay = scope.DayDifference(sql, "c.\"PeriodDue\"", origin);
        // Each membership of role Member covers the due days from the day it began ("lo") to the last day it overlapped
        // ("hi": the day of the instant just before it ended). One person's memberships in a team follow each other but
        // may share a day (two role changes in a day), so each starts after the days of the ones before it.
        sql.Append($"""
            ), "M" AS (
              SELECT m."TeamId", m."PersonId", r."L", r."A",
                CASE WHEN m."Since" < {sql.Parameter(t0)} THEN 0 ELSE (m."Since" + {since}) / {DayMs} - {originEpochDay} END AS "lo",
                CASE WHEN m."Until" IS NULL OR m."Until" >= {sql.Parameter(lastEnd)} THEN {lastDay}
                  ELSE (m."Until" - 1 + {until}) / {DayMs} - {originEpochDay} END AS "hi",
                m."Since" AS "since", m."Id" AS "id"
              FROM "Teams" t
              JOIN "R" r ON r."Cadence" = t."CheckInCadence" AND r."DueDay" = t."CheckInDueDay"
              JOIN "Memberships" m ON m."TeamId" = t."Id"
              WHERE m."Role" = 'Member' AND {TeamAsItWas.Overlaps("m", sql.Parameter(t0), sql.Parameter(lastEnd))}
            """);
        sql.TeamFilter("m", scope.TeamId, and: true);
        sql.Append($"""
            ), "N" AS (
              SELECT "TeamId", "PersonId", "L", "A", "hi",
                CASE WHEN "before" IS NOT NULL AND "before" + 1 > "lo" THEN "before" + 1 ELSE "lo" END AS "lo"
              FROM (
                SELECT x.*, MAX(x."hi") OVER (PARTITION BY x."TeamId", x."PersonId" ORDER BY x."since", x."id"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS "before"
                FROM "M" x
              ) y
            ), "E" AS (
              SELECT n."TeamId", n."PersonId",
                CASE WHEN n."hi" >= n."lo" THEN (n."hi" - n."A") / n."L" - (n."lo" - 1 - n."A") / n."L" ELSE 0 END AS "Expected",
                (SELECT COUNT(*) FROM "CheckIns" c
                 WHERE c."TeamId" = n."TeamId" AND c."MemberId" = n."PersonId" AND c."Status" <> 'Draft'
                   AND c."PeriodDue" >= {sql.Parameter(whole.From)} AND c."PeriodDue" <= {sql.Parameter(last)}
                   AND {dueDay} >= n."lo" AND {dueDay} <= n."hi" AND ({dueDay} - n."A") % n."L" = 0) AS "Submitted"
              FROM "N" n
            )
            SELECT "TeamId", {sql.Parameter(Bucket.Whole)} AS "Bucket", SUM("Expected") AS "Expected", SUM("Submitted") AS "Submitted",
              COUNT(DISTINCT CASE WHEN "Expected" > 0 THEN "PersonId" END) AS "People"
            FROM "E" GROUP BY "TeamId"
            """);
        foreach (var row in await sql.ReadAsync<ParticipationRow>(scope.Db, ct))
        {
            if (row.People > 0)
            {
                cells.SetRatio(row.TeamId, row.Bucket, Measure.Participation, row.Submitted, row.Expected, row.People);
            }
        }
    }

    /// <summary>Open blockers are a figure of now, whatever the period: they are stored under the whole-period slice.</summary>
    public static async Task<FigureCells> BlockersAsync(FigureScope scope, CancellationToken ct)
    {
        var cells = new FigureCells.Builder();
        var sql = new SqlText();
        // The first part reads a partial index; the second starts from the few check-ins linked to a request (CROSS JOIN
        // keeps SQLite from starting at every active request instead).
        sql.Append("""
            SELECT x."TeamId" AS "TeamId", COUNT(*) AS "Open", COUNT(DISTINCT x."MemberId") AS "People", MIN(x."SubmittedAt") AS "Oldest"
            FROM (
              SELECT c."Id", c."TeamId", c."MemberId", c."SubmittedAt" FROM "CheckIns" c
              WHERE c."Status" = 'Submitted' AND c."Challenges" <> ''
            """);
        sql.TeamFilter("c", scope.TeamId, and: true);
        sql.Append("""
              UNION
              SELECT c."Id", c."TeamId", c."MemberId", c."SubmittedAt" FROM "CheckIns" c
              CROSS JOIN "ServiceRequests" r
              WHERE c."RequestId" IS NOT NULL AND r."Id" = c."RequestId" AND r."Status" IN ('Open', 'Acknowledged')
                AND c."Status" <> 'Draft' AND c."Challenges" <> ''
            """);
        sql.TeamFilter("c", scope.TeamId, and: true);
        sql.Append("""
            ) x GROUP BY x."TeamId"
            """);
        var nowMs = scope.Now.ToUnixTimeMilliseconds();
        foreach (var row in await sql.ReadAsync<BlockerRow>(scope.Db, ct))
        {
            cells.Set(row.TeamId, Bucket.Whole, Measure.OpenBlockers, row.Open, row.People, row.Open, row.Open);
            cells.Set(row.TeamId, Bucket.Whole, Measure.OldestBlockerDays, row.Oldest is { } oldest ? (nowMs - oldest) / (double)DayMs : null, row.People, 0, row.Open);
        }
        return cells.Build();
    }
}
