namespace ServantLeader.Domain.Dashboard;

/// <summary>The credit figures: credit the team's leaders gave, and credit its members received, as the team was then.</summary>
internal static class CreditFigures
{
    /// <summary>
    /// The giver led the team (or the receiver was its member) when the credit was given: a leader who left later still
    /// gave it, a member who joined later did not receive it as a member (docs/metrics.md, "The team as it was").
    /// </summary>
    private const string AtCredit = """m."Since" <= k."CreatedAt" AND (m."Until" IS NULL OR m."Until" > k."CreatedAt")""";

    public static async Task<FigureCells> ReadAsync(FigureScope scope, Slices slices, CancellationToken ct)
    {
        var cells = new FigureCells.Builder();
        var sql = new SqlText();
        sql.Buckets(slices.Buckets(), scope.Zone);
        sql.Append($"""
            , "K" AS (
              SELECT k."TeamId", k."ReceiverId", b."b",
                CASE WHEN EXISTS (SELECT 1 FROM "Memberships" m WHERE m."TeamId" = k."TeamId" AND m."PersonId" = k."GiverId" AND m."Role" = 'Leader' AND {AtCredit}) THEN 1 ELSE 0 END AS "ByLeader",
                CASE WHEN EXISTS (SELECT 1 FROM "Memberships" m WHERE m."TeamId" = k."TeamId" AND m."PersonId" = k."ReceiverId" AND m."Role" = 'Member' AND {AtCredit}) THEN 1 ELSE 0 END AS "ToMember"
              FROM "Credits" k
              JOIN "B" b ON k."CreatedAt" >= b."t0" AND k."CreatedAt" < b."t1"
            """);
        sql.TeamFilter("k", scope.TeamId);
        sql.Append("""
            )
            SELECT "TeamId", "b" AS "Bucket", SUM("ByLeader") AS "Given", SUM("ToMember") AS "Received",
              COUNT(DISTINCT CASE WHEN "ByLeader" = 1 THEN "ReceiverId" END) AS "GivenPeople",
              COUNT(DISTINCT CASE WHEN "ToMember" = 1 THEN "ReceiverId" END) AS "ReceivedPeople"
            FROM "K" GROUP BY "TeamId", "b"
            """);
        foreach (var row in await sql.ReadAsync<CreditRow>(scope.Db, ct))
        {
            cells.SetCount(row.TeamId, row.Bucket, Measure.CreditGiven, row.Given, row.GivenPeople);
            cells.SetCount(row.TeamId, row.Bucket, Measure.CreditReceived, row.Received, row.ReceivedPeople);
        }
        return cells.Build();
    }
}
