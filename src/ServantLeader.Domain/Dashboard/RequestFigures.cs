using ServantLeader.Domain.Common;

namespace ServantLeader.Domain.Dashboard;

/// <summary>The request figures: how many came in, how they ended and were rated, and how long they waited.</summary>
internal static class RequestFigures
{
    private const double HourMs = 3_600_000;

    public static async Task<FigureCells> ReadAsync(FigureScope scope, Slices slices, int targetWorkingDays, CancellationToken ct)
    {
        var cells = new FigureCells.Builder();
        var sql = new SqlText();
        var (t0, t1) = slices.Whole.Instants(scope.Zone);
        var source = scope.Source(sql, "ServiceRequests", $"""a."CreatedAt" >= {sql.Parameter(t0)} AND a."CreatedAt" < {sql.Parameter(t1)}""");
        var target = RequestWaitFigures.TargetColumns(scope, sql, t0, t1, targetWorkingDays);
        sql.Append(FigureScope.Grouped(scope.InstantGroups(sql, slices, "a.\"CreatedAt\""), source, $"""
            COUNT(*) AS "Received",
            COUNT(DISTINCT a."RequesterId") AS "Requesters",
            COUNT(DISTINCT CASE WHEN a."AcknowledgedAt" IS NOT NULL THEN a."RequesterId" END) AS "AcknowledgedPeople",
            SUM(CASE WHEN a."Status" = 'Resolved' THEN 1 ELSE 0 END) AS "Resolved",
            COUNT(DISTINCT CASE WHEN a."Status" = 'Resolved' THEN a."RequesterId" END) AS "ResolvedPeople",
            SUM(CASE WHEN a."Status" = 'Declined' THEN 1 ELSE 0 END) AS "Declined",
            SUM(CASE WHEN a."Rating" IS NOT NULL THEN 1 ELSE 0 END) AS "Rated",
            COUNT(DISTINCT CASE WHEN a."Rating" IS NOT NULL THEN a."RequesterId" END) AS "Raters",
            SUM(CASE WHEN a."Rating" IS NOT NULL THEN a."Rating" ELSE 0 END) AS "RatingSum",
            SUM(CASE WHEN a."Rating" >= 4 THEN 1 ELSE 0 END) AS "RatedHigh",
            SUM(CASE WHEN a."AcknowledgedAt" IS NULL THEN 1 ELSE 0 END) AS "Unanswered",
            COUNT(DISTINCT CASE WHEN a."AcknowledgedAt" IS NULL THEN a."RequesterId" END) AS "UnansweredPeople",
            SUM(CASE WHEN a."Status" IN ('Open', 'Acknowledged') THEN 1 ELSE 0 END) AS "StillOpen",
            COUNT(DISTINCT CASE WHEN a."Status" IN ('Open', 'Acknowledged') THEN a."RequesterId" END) AS "StillOpenPeople",
            SUM(CASE WHEN a."Status" = 'Resolved' AND a."ConfirmedAt" IS NOT NULL THEN 1 ELSE 0 END) AS "Confirmed",
            SUM(CASE WHEN a."ReopenCount" > 0 THEN 1 ELSE 0 END) AS "Reopened",
            SUM(CASE WHEN a."Status" = 'Resolved' OR a."ReopenCount" > 0 THEN 1 ELSE 0 END) AS "ReopenBase",
            COUNT(DISTINCT CASE WHEN a."Status" = 'Resolved' OR a."ReopenCount" > 0 THEN a."RequesterId" END) AS "ReopenPeople",
            {target}
            """));
        var people = new Dictionary<(int, int), RequestRow>();
        foreach (var row in await sql.ReadAsync<RequestRow>(scope.Db, ct))
        {
            people[(row.TeamId, row.Bucket)] = row;
            cells.SetCount(row.TeamId, row.Bucket, Measure.RequestsReceived, row.Received, row.Requesters);
            cells.SetRatio(row.TeamId, row.Bucket, Measure.ResolutionRate, row.Resolved, row.Received, row.Requesters);
            cells.SetRatio(row.TeamId, row.Bucket, Measure.DeclinedShare, row.Declined, row.Received, row.Requesters);
            cells.SetRatio(row.TeamId, row.Bucket, Measure.SatisfactionMean, row.RatingSum, row.Rated, row.Raters);
            cells.SetRatio(row.TeamId, row.Bucket, Measure.SatisfiedShare, row.RatedHigh, row.Rated, row.Raters);
            // The requests the durations leave out, counted beside them; and the waits that count against the target.
            cells.SetCount(row.TeamId, row.Bucket, Measure.NotYetAcknowledged, row.Unanswered, row.UnansweredPeople);
            cells.SetCount(row.TeamId, row.Bucket, Measure.NotYetResolved, row.StillOpen, row.StillOpenPeople);
            cells.SetRatio(row.TeamId, row.Bucket, Measure.AcknowledgedWithinTarget, row.OnTarget, row.TargetDue, row.TargetPeople);
            cells.SetRatio(row.TeamId, row.Bucket, Measure.ConfirmedShare, row.Confirmed, row.Resolved, row.ResolvedPeople);
            cells.SetRatio(row.TeamId, row.Bucket, Measure.ReopenRate, row.Reopened, row.ReopenBase, row.ReopenPeople);
            // Who is behind each duration, even in a slice whose percentiles are not computed (HR's rule needs it).
            cells.Set(row.TeamId, row.Bucket, Measure.AcknowledgeMedianHours, null, row.AcknowledgedPeople);
            cells.Set(row.TeamId, row.Bucket, Measure.AcknowledgeP90Hours, null, row.AcknowledgedPeople);
            cells.Set(row.TeamId, row.Bucket, Measure.ResolveMedianHours, null, row.ResolvedPeople);
            cells.Set(row.TeamId, row.Bucket, Measure.ResolveP90Hours, null, row.ResolvedPeople);
        }

        // Durations: one ranked list per kind, team and slice; each percentile is read off at its rank.
        sql = new SqlText();
        source = scope.Source(sql, "ServiceRequests", $"""a."CreatedAt" >= {sql.Parameter(t0)} AND a."CreatedAt" < {sql.Parameter(t1)}""");
        var groups = scope.InstantGroups(sql, slices, "\"c\"");
        var ranked = slices.WeekRule ? WeekRuleRanked(sql, groups[1], slices.WeeklyPercentiles) : "\"G\" AS (" + string.Join("\n  UNION ALL\n", groups.SelectMany(g => new[]
        {
            $"""SELECT 0 AS "k", "TeamId", {g} AS "b", "v0" AS "v" FROM "V" WHERE "v0" IS NOT NULL""",
            $"""SELECT 1 AS "k", "TeamId", {g} AS "b", "v1" AS "v" FROM "V" WHERE "v1" IS NOT NULL""",
        })) + ")";
        sql.Append($"""
            WITH "V" AS (
              SELECT a."TeamId" AS "TeamId", a."CreatedAt" AS "c", a."RequesterId" AS "p", a."AcknowledgedAt" - a."CreatedAt" AS "v0",
                CASE WHEN a."Status" = 'Resolved' THEN a."ResolvedAt" - a."CreatedAt" END AS "v1"
              {source}
            ), {ranked}, "R" AS (
              SELECT "k", "TeamId", "b", "v",
                ROW_NUMBER() OVER (PARTITION BY "k", "TeamId", "b" ORDER BY "v") - 1 AS "i",
                COUNT(*) OVER (PARTITION BY "k", "TeamId", "b") AS "n"
              FROM "G"
            )
            SELECT "k" AS "Kind", "TeamId", "b" AS "Bucket", MAX("n") AS "N",
              MAX(CASE WHEN "i" = ("n" - 1) * 50 / 100 THEN "v" END) AS "P50Low",
              MAX(CASE WHEN "i" = ("n" - 1) * 50 / 100 + 1 THEN "v" END) AS "P50High",
              MAX(CASE WHEN "i" = ("n" - 1) * 90 / 100 THEN "v" END) AS "P90Low",
              MAX(CASE WHEN "i" = ("n" - 1) * 90 / 100 + 1 THEN "v" END) AS "P90High"
            FROM "R"
            WHERE "i" IN (("n" - 1) * 50 / 100, ("n" - 1) * 50 / 100 + 1, ("n" - 1) * 90 / 100, ("n" - 1) * 90 / 100 + 1)
            GROUP BY "k", "TeamId", "b"
            """);
        foreach (var row in await sql.ReadAsync<PercentileRow>(scope.Db, ct))
        {
            var counts = people.GetValueOrDefault((row.TeamId, row.Bucket));
            var (median, p90, who) = row.Kind == 0
                ? (Measure.AcknowledgeMedianHours, Measure.AcknowledgeP90Hours, counts?.AcknowledgedPeople ?? 0)
                : (Measure.ResolveMedianHours, Measure.ResolveP90Hours, counts?.ResolvedPeople ?? 0);
            // A percentile rests on the durations it ranked (for HR's whole period, only the kept weeks').
            cells.Set(row.TeamId, row.Bucket, median, Percentile.Interpolate(row.N, 50, row.P50Low, row.P50High) / HourMs, who, 0, row.N);
            cells.Set(row.TeamId, row.Bucket, p90, Percentile.Interpolate(row.N, 90, row.P90Low, row.P90High) / HourMs, who, 0, row.N);
        }
        return cells.Build();
    }

    /// <summary>
    /// The durations by week, and for the whole period only those of the weeks in which at least 3 people's requests
    /// have such a duration: a percentile cannot be added up from weekly percentiles, so the rule filters its values.
    /// </summary>
    private static string WeekRuleRanked(SqlText sql, string week, bool weekly) => $"""
        "X" AS MATERIALIZED (
          SELECT 0 AS "k", "TeamId", {week} AS "w", "p", "v0" AS "v" FROM "V" WHERE "v0" IS NOT NULL
          UNION ALL
          SELECT 1 AS "k", "TeamId", {week} AS "w", "p", "v1" AS "v" FROM "V" WHERE "v1" IS NOT NULL
        ), "Q" AS (
          SELECT "k", "TeamId", "w" FROM "X" GROUP BY "k", "TeamId", "w" HAVING COUNT(DISTINCT "p") >= {sql.Parameter(GroupSize.Minimum)}
        ), "G" AS (
          {(weekly ? "SELECT \"k\", \"TeamId\", \"w\" AS \"b\", \"v\" FROM \"X\" UNION ALL" : "")}
          SELECT x."k", x."TeamId", {Bucket.Whole} AS "b", x."v" FROM "X" x JOIN "Q" q ON q."k" = x."k" AND q."TeamId" = x."TeamId" AND q."w" = x."w"
        )
        """;
}
