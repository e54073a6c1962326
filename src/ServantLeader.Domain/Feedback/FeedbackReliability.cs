using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Dashboard;
using ServantLeader.Domain.Data;

namespace ServantLeader.Domain.Feedback;

/// <summary>Each dimension's consistency in a round, and the whole instrument's (the index read as one scale).</summary>
public sealed record RoundReliability(IReadOnlyDictionary<ServantDimension, Reliability> Dimensions, Reliability Index)
{
    public static RoundReliability None { get; } = new(new Dictionary<ServantDimension, Reliability>(), Reliability.NotJudged(0, 0));
}

/// <summary>
/// Cronbach's alpha from sums the database adds up: per statement, and per answer sheet's total (per dimension and over
/// the whole instrument). Only team-view sheets about leaders at or above the round's threshold count, so no group
/// below it feeds a number; no sheet leaves the database, only counts, sums and sums of squares.
/// </summary>
internal static class FeedbackReliability
{
    /// <summary>One leader's sheets (<paramref name="subjectId"/>), or every shown leader's pooled (null).</summary>
    public static async Task<RoundReliability> ReadAsync(ServantLeaderDb db, int roundId, int instrumentId, int minResponses, int? subjectId,
        CancellationToken ct)
    {
        var statements = await db.Set<InstrumentItem>().Where(i => i.InstrumentId == instrumentId)
            .Select(i => new { i.Id, i.Dimension }).ToListAsync(ct);
        var sql = new SqlText();
        var round = sql.Parameter(roundId);
        var subject = sql.Parameter(subjectId ?? 0);
        // Every stored sheet answers every statement (the form refuses gaps), so a sheet's total is over the same
        // statements as each statement's variance.
        sql.Append($"""
            WITH "Shown" AS (
                SELECT e."SubjectId" FROM "FeedbackResponses" e
                WHERE e."RoundId" = {round} AND NOT e."IsSelfView"
                GROUP BY e."SubjectId" HAVING COUNT(*) >= {sql.Parameter(minResponses)}
            ), "Answers" AS (
                SELECT s."ResponseId", s."ItemId", i."Dimension", s."Score"
                FROM "FeedbackResponses" r
                JOIN "Shown" w ON w."SubjectId" = r."SubjectId"
                JOIN "FeedbackScores" s ON s."ResponseId" = r."Id"
                JOIN "InstrumentItems" i ON i."Id" = s."ItemId"
                WHERE r."RoundId" = {round} AND NOT r."IsSelfView" AND ({subject} = 0 OR r."SubjectId" = {subject})
            ), "DimensionTotals" AS (
                SELECT a."ResponseId", a."Dimension", SUM(a."Score") AS "T" FROM "Answers" a GROUP BY a."ResponseId", a."Dimension"
            ), "SheetTotals" AS (
                SELECT a."ResponseId", SUM(a."Score") AS "T" FROM "Answers" a GROUP BY a."ResponseId"
            )
            SELECT a."ItemId" AS "ItemId", NULL AS "Dimension", 0 AS "Whole",
                   CAST(COUNT(*) AS BIGINT) AS "N", CAST(SUM(a."Score") AS BIGINT) AS "S", CAST(SUM(a."Score" * a."Score") AS BIGINT) AS "SS"
            FROM "Answers" a GROUP BY a."ItemId"
            UNION ALL
            SELECT 0, d."Dimension", 0, CAST(COUNT(*) AS BIGINT), CAST(SUM(d."T") AS BIGINT), CAST(SUM(d."T" * d."T") AS BIGINT)
            FROM "DimensionTotals" d GROUP BY d."Dimension"
            UNION ALL
            SELECT 0, NULL, 1, CAST(COUNT(*) AS BIGINT), CAST(SUM(t."T") AS BIGINT), CAST(SUM(t."T" * t."T") AS BIGINT)
            FROM "SheetTotals" t
            """);
        var rows = await sql.ReadAsync<SumsRow>(db, ct);

        var perStatement = rows.Where(r => r.ItemId != 0).ToDictionary(r => r.ItemId, r => r.Sums);
        var perDimension = rows.Where(r => r.Dimension is not null).ToDictionary(r => Enum.Parse<ServantDimension>(r.Dimension!), r => r.Sums);
        var whole = rows.SingleOrDefault(r => r.Whole == 1)?.Sums ?? default;
        ScoreSums Of(int itemId) => perStatement.GetValueOrDefault(itemId);

        var dimensions = statements.GroupBy(s => s.Dimension).ToDictionary(
            g => g.Key,
            g => CronbachAlpha.Of(g.Select(s => Of(s.Id)).ToList(), perDimension.GetValueOrDefault(g.Key)));
        return new RoundReliability(dimensions, CronbachAlpha.Of(statements.Select(s => Of(s.Id)).ToList(), whole));
    }

    private sealed class SumsRow
    {
        public int ItemId { get; set; }
        public string? Dimension { get; set; }
        public int Whole { get; set; }
        public long N { get; set; }
        public long S { get; set; }
        public long SS { get; set; }
        public ScoreSums Sums => new(N, S, SS);
    }
}
