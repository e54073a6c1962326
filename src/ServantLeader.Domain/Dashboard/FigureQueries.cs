using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Dashboard;

/// <summary>A stretch of days the figures are grouped by: the whole period, one of its halves, or one week.</summary>
internal sealed record Bucket(int Key, DayRange Days)
{
    public const int Whole = -1;
    public const int FirstHalf = -2;
    public const int SecondHalf = -3;
}

/// <summary>One figure's value and how many distinct people it was computed from (HR sees it only from 3 on).</summary>
public readonly record struct Cell(double? Value, int People);

/// <summary>
/// Every dashboard figure, as aggregate SQL over the base tables, grouped by team and bucket in the database.
/// Hand-written SQL rather than LINQ because the figures need window functions (percentiles) and a join against
/// the list of buckets, whose instants follow the organisation's time zone across daylight-saving changes.
/// The SQL is portable: double-quoted identifiers, integer arithmetic, no date functions.
/// </summary>
internal sealed class FigureQueries(ServantLeaderDb db, TimeZoneInfo zone, DateTimeOffset now, int? teamId)
{
    private const long DayMs = 86_400_000;
    private const long ReviewWindowMs = 3 * DayMs;
    private const double HourMs = 3_600_000;

    private readonly Dictionary<(int Team, int Bucket), Dictionary<Measure, Cell>> _cells = [];

    public IReadOnlyDictionary<Measure, Cell> For(int team, int bucket) =>
        _cells.TryGetValue((team, bucket), out var cells) ? cells : new Dictionary<Measure, Cell>();

    /// <summary>Takes in the figures another instance computed (on its own connection, in parallel).</summary>
    public FigureQueries Merge(FigureQueries other)
    {
        foreach (var ((team, bucket), cells) in other._cells)
        {
            foreach (var (measure, cell) in cells)
            {
                Set(team, bucket, measure, cell.Value, cell.People);
            }
        }
        return this;
    }

    private void Set(int team, int bucket, Measure measure, double? value, long people)
    {
        if (!_cells.TryGetValue((team, bucket), out var cells))
        {
            _cells[(team, bucket)] = cells = [];
        }
        cells[measure] = new Cell(value, (int)people);
    }

    private static double? Ratio(long numerator, long denominator) => denominator == 0 ? null : (double)numerator / denominator;

    public async Task RequestsAsync(IReadOnlyList<Bucket> buckets, CancellationToken ct)
    {
        var sql = new SqlText();
        sql.Buckets(buckets, zone);
        sql.Append("""
            SELECT r."TeamId" AS "TeamId", b."b" AS "Bucket",
              COUNT(*) AS "Received",
              COUNT(DISTINCT r."RequesterId") AS "Requesters",
              SUM(CASE WHEN r."Status" = 'Resolved' THEN 1 ELSE 0 END) AS "Resolved",
              SUM(CASE WHEN r."Status" = 'Declined' THEN 1 ELSE 0 END) AS "Declined",
              SUM(CASE WHEN r."Rating" IS NOT NULL THEN 1 ELSE 0 END) AS "Rated",
              COUNT(DISTINCT CASE WHEN r."Rating" IS NOT NULL THEN r."RequesterId" END) AS "Raters",
              SUM(CASE WHEN r."Rating" IS NOT NULL THEN r."Rating" ELSE 0 END) AS "RatingSum",
              SUM(CASE WHEN r."Rating" >= 4 THEN 1 ELSE 0 END) AS "RatedHigh"
            FROM "ServiceRequests" r
            JOIN "B" b ON r."CreatedAt" >= b."t0" AND r."CreatedAt" < b."t1"
            """);
        sql.TeamFilter("r", teamId);
        sql.Append(""" GROUP BY r."TeamId", b."b" """);
        foreach (var row in await db.Database.SqlQuery<RequestRow>(sql.Build()).ToListAsync(ct))
        {
            Set(row.TeamId, row.Bucket, Measure.RequestsReceived, row.Received, row.Requesters);
            Set(row.TeamId, row.Bucket, Measure.ResolutionRate, Ratio(row.Resolved, row.Received), row.Requesters);
            Set(row.TeamId, row.Bucket, Measure.DeclinedShare, Ratio(row.Declined, row.Received), row.Requesters);
            Set(row.TeamId, row.Bucket, Measure.SatisfactionMean, row.Rated == 0 ? null : (double)row.RatingSum / row.Rated, row.Raters);
            Set(row.TeamId, row.Bucket, Measure.SatisfiedShare, Ratio(row.RatedHigh, row.Rated), row.Raters);
        }

        // Durations: one ranked list per team, bucket and kind; the percentile is read off at its rank.
        sql = new SqlText();
        sql.Buckets(buckets, zone);
        sql.Append("""
            , "V" AS (
              SELECT 0 AS "k", r."TeamId", b."b", r."RequesterId" AS "p", r."AcknowledgedAt" - r."CreatedAt" AS "v"
              FROM "ServiceRequests" r JOIN "B" b ON r."CreatedAt" >= b."t0" AND r."CreatedAt" < b."t1"
              WHERE r."AcknowledgedAt" IS NOT NULL
            """);
        sql.TeamFilter("r", teamId, and: true);
        sql.Append("""
              UNION ALL
              SELECT 1, r."TeamId", b."b", r."RequesterId", r."ResolvedAt" - r."CreatedAt"
              FROM "ServiceRequests" r JOIN "B" b ON r."CreatedAt" >= b."t0" AND r."CreatedAt" < b."t1"
              WHERE r."Status" = 'Resolved' AND r."ResolvedAt" IS NOT NULL
            """);
        sql.TeamFilter("r", teamId, and: true);
        sql.Append("""
            ), "R" AS (
              SELECT "k", "TeamId", "b", "v",
                ROW_NUMBER() OVER (PARTITION BY "k", "TeamId", "b" ORDER BY "v") - 1 AS "i",
                COUNT(*) OVER (PARTITION BY "k", "TeamId", "b") AS "n"
              FROM "V"
            ), "P" AS (
              SELECT "k", "TeamId", "b", COUNT(DISTINCT "p") AS "People" FROM "V" GROUP BY "k", "TeamId", "b"
            )
            SELECT R."k" AS "Kind", R."TeamId" AS "TeamId", R."b" AS "Bucket", MAX(R."n") AS "N", MAX(P."People") AS "People",
              MAX(CASE WHEN R."i" = (R."n" - 1) * 50 / 100 THEN R."v" END) AS "P50Low",
              MAX(CASE WHEN R."i" = (R."n" - 1) * 50 / 100 + 1 THEN R."v" END) AS "P50High",
              MAX(CASE WHEN R."i" = (R."n" - 1) * 90 / 100 THEN R."v" END) AS "P90Low",
              MAX(CASE WHEN R."i" = (R."n" - 1) * 90 / 100 + 1 THEN R."v" END) AS "P90High"
            FROM "R" R JOIN "P" P ON P."k" = R."k" AND P."TeamId" = R."TeamId" AND P."b" = R."b"
            WHERE R."i" IN ((R."n" - 1) * 50 / 100, (R."n" - 1) * 50 / 100 + 1, (R."n" - 1) * 90 / 100, (R."n" - 1) * 90 / 100 + 1)
            GROUP BY R."k", R."TeamId", R."b"
            """);
        foreach (var row in await db.Database.SqlQuery<PercentileRow>(sql.Build()).ToListAsync(ct))
        {
            var (median, p90) = row.Kind == 0
                ? (Measure.AcknowledgeMedianHours, Measure.AcknowledgeP90Hours)
                : (Measure.ResolveMedianHours, Measure.ResolveP90Hours);
            Set(row.TeamId, row.Bucket, median, Percentile.Interpolate(row.N, 50, row.P50Low, row.P50High) / HourMs, row.People);
            Set(row.TeamId, row.Bucket, p90, Percentile.Interpolate(row.N, 90, row.P90Low, row.P90High) / HourMs, row.People);
        }
    }

    public async Task SupportAsync(IReadOnlyList<Bucket> buckets, CancellationToken ct)
    {
        var sql = new SqlText();
        sql.Buckets(buckets, zone);
        sql.Append("""
            SELECT s."TeamId" AS "TeamId", b."b" AS "Bucket", COUNT(*) AS "Entries", COUNT(DISTINCT s."MemberId") AS "People",
              SUM(s."Minutes") AS "Minutes", SUM(CASE WHEN s."RequestId" IS NULL THEN 1 ELSE 0 END) AS "Proactive"
            FROM "SupportEntries" s
            JOIN "B" b ON s."Date" >= b."d0" AND s."Date" <= b."d1"
            """);
        sql.TeamFilter("s", teamId);
        sql.Append(""" GROUP BY s."TeamId", b."b" """);
        foreach (var row in await db.Database.SqlQuery<SupportRow>(sql.Build()).ToListAsync(ct))
        {
            Set(row.TeamId, row.Bucket, Measure.SupportEntries, row.Entries, row.People);
            Set(row.TeamId, row.Bucket, Measure.SupportHours, row.Minutes / 60.0, row.People);
            Set(row.TeamId, row.Bucket, Measure.ProactiveShare, Ratio(row.Proactive, row.Entries), row.People);
        }

        sql = new SqlText();
        sql.Buckets(buckets, zone);
        sql.Append("""
            SELECT m."TeamId" AS "TeamId", b."b" AS "Bucket", COUNT(*) AS "Members",
              SUM(CASE WHEN EXISTS (
                SELECT 1 FROM "SupportEntries" s
                WHERE s."MemberId" = m."PersonId" AND s."TeamId" = m."TeamId" AND s."Date" >= b."d0" AND s."Date" <= b."d1"
              ) THEN 1 ELSE 0 END) AS "Served"
            FROM "Memberships" m
            JOIN "People" p ON p."Id" = m."PersonId"
            JOIN "B" b ON m."Since" < b."t1"
            WHERE m."Role" = 'Member' AND p."IsActive"
            """);
        sql.TeamFilter("m", teamId, and: true);
        sql.Append(""" GROUP BY m."TeamId", b."b" """);
        foreach (var row in await db.Database.SqlQuery<CoverageRow>(sql.Build()).ToListAsync(ct))
        {
            Set(row.TeamId, row.Bucket, Measure.Coverage, Ratio(row.Served, row.Members), row.Members);
        }
    }

    public async Task<IReadOnlyList<CategorySupport>> CategoriesAsync(DayRange days, CancellationToken ct)
    {
        var sql = new SqlText();
        sql.Append("""
            SELECT s."Category" AS "Category", COUNT(*) AS "Entries", SUM(s."Minutes") AS "Minutes", COUNT(DISTINCT s."MemberId") AS "People"
            FROM "SupportEntries" s
            WHERE s."Date" >= 
            """);
        sql.Append(sql.Parameter(days.From));
        sql.Append(""" AND s."Date" <= """);
        sql.Append(sql.Parameter(days.To));
        sql.TeamFilter("s", teamId, and: true);
        sql.Append(""" GROUP BY s."Category" """);
        var rows = await db.Database.SqlQuery<CategoryRow>(sql.Build()).ToListAsync(ct);
        return rows
            .Select(r => (Ok: Enum.TryParse<Support.SupportCategory>(r.Category, out var c), Category: c, Row: r))
            .Where(r => r.Ok)
            .Select(r => new CategorySupport(r.Category, (int)r.Row.Entries, r.Row.Minutes / 60.0, (int)r.Row.People))
            .OrderByDescending(c => c.Hours).ThenBy(c => c.Category)
            .ToList();
    }

    public async Task CheckInsAsync(IReadOnlyList<Bucket> buckets, DateOnly today, CancellationToken ct)
    {
        // Participation: the expected (member, period) pairs, each team with its own cadence and due day.
        var rhythms = await db.Teams
            .Where(t => teamId == null || t.Id == teamId)
            .Select(t => new { t.CheckInCadence, t.CheckInDueDay })
            .Distinct()
            .ToListAsync(ct);
        // Weeks partition the period, so when there are weeks the whole period is their roll-up: half the work.
        var weekly = buckets.Where(b => b.Key >= 0).ToList();
        var grouped = weekly.Count > 0 ? weekly : buckets.Where(b => b.Key == Bucket.Whole).ToList();
        var periods = new List<(int Bucket, CheckInCadence Cadence, DayOfWeek DueDay, DateOnly Due, long DueEnd)>();
        foreach (var rhythm in rhythms)
        {
            foreach (var bucket in grouped)
            {
                var last = bucket.Days.To < today ? bucket.Days.To : today.AddDays(-1);
                for (var p = CheckInPeriod.Containing(bucket.Days.From, rhythm.CheckInCadence, rhythm.CheckInDueDay); p.Due <= last; p = p.Next())
                {
                    if (p.Due >= bucket.Days.From)
                    {
                        periods.Add((bucket.Key, rhythm.CheckInCadence, rhythm.CheckInDueDay, p.Due,
                            DayRange.StartOfDay(p.Due.AddDays(1), zone).ToUnixTimeMilliseconds()));
                    }
                }
            }
        }
        if (periods.Count > 0)
        {
            var sql = new SqlText();
            sql.Append("""WITH "Q"("b", "Cadence", "DueDay", "Due", "DueEnd") AS (VALUES """);
            for (var i = 0; i < periods.Count; i++)
            {
                var p = periods[i];
                sql.Append(i == 0 ? "(" : ", (");
                sql.Append($"{sql.Parameter(p.Bucket)}, {sql.Parameter(p.Cadence.ToString())}, {sql.Parameter(p.DueDay.ToString())}, {sql.Parameter(p.Due)}, {sql.Parameter(p.DueEnd)})");
            }
            sql.Append("""
                ), "E" AS (
                  SELECT m."TeamId", q."b", m."PersonId",
                    CASE WHEN EXISTS (
                      SELECT 1 FROM "CheckIns" c
                      WHERE c."TeamId" = m."TeamId" AND c."MemberId" = m."PersonId" AND c."PeriodDue" = q."Due" AND c."Status" <> 'Draft'
                    ) THEN 1 ELSE 0 END AS "s"
                  FROM "Memberships" m
                  JOIN "People" p ON p."Id" = m."PersonId"
                  JOIN "Teams" t ON t."Id" = m."TeamId"
                  JOIN "Q" q ON q."Cadence" = t."CheckInCadence" AND q."DueDay" = t."CheckInDueDay" AND m."Since" < q."DueEnd"
                  WHERE m."Role" = 'Member' AND p."IsActive"
                """);
            sql.TeamFilter("m", teamId, and: true);
            sql.Append("""
                )
                SELECT "TeamId", "b" AS "Bucket", COUNT(*) AS "Expected", SUM("s") AS "Submitted", COUNT(DISTINCT "PersonId") AS "People"
                FROM "E" GROUP BY "TeamId", "b"
                """);
            if (weekly.Count > 0 && buckets.Any(b => b.Key == Bucket.Whole))
            {
                sql.Append($"""
                    UNION ALL
                    SELECT "TeamId", {sql.Parameter(Bucket.Whole)}, COUNT(*), SUM("s"), COUNT(DISTINCT "PersonId") FROM "E" GROUP BY "TeamId"
                    """);
            }
            foreach (var row in await db.Database.SqlQuery<ParticipationRow>(sql.Build()).ToListAsync(ct))
            {
                Set(row.TeamId, row.Bucket, Measure.Participation, Ratio(row.Submitted, row.Expected), row.People);
            }
        }

        var pulse = new SqlText();
        pulse.Buckets(buckets, zone);
        pulse.Append("""
            SELECT c."TeamId" AS "TeamId", b."b" AS "Bucket", COUNT(*) AS "Pulses", SUM(c."Pulse") AS "PulseSum",
              COUNT(DISTINCT c."MemberId") AS "People"
            FROM "CheckIns" c
            JOIN "B" b ON c."PeriodDue" >= b."d0" AND c."PeriodDue" <= b."d1"
            WHERE c."Status" <> 'Draft' AND c."Pulse" IS NOT NULL
            """);
        pulse.TeamFilter("c", teamId, and: true);
        pulse.Append(""" GROUP BY c."TeamId", b."b" """);
        foreach (var row in await db.Database.SqlQuery<PulseRow>(pulse.Build()).ToListAsync(ct))
        {
            Set(row.TeamId, row.Bucket, Measure.PulseMean, (double)row.PulseSum / row.Pulses, row.People);
        }

        var review = new SqlText();
        review.Buckets(buckets, zone);
        var nowMs = review.Parameter(now.ToUnixTimeMilliseconds());
        review.Append($"""
            SELECT c."TeamId" AS "TeamId", b."b" AS "Bucket",
              SUM(CASE WHEN c."ReviewedAt" IS NOT NULL OR c."SubmittedAt" + {ReviewWindowMs} <= {nowMs} THEN 1 ELSE 0 END) AS "Due",
              SUM(CASE WHEN c."ReviewedAt" IS NOT NULL AND c."ReviewedAt" - c."SubmittedAt" <= {ReviewWindowMs} THEN 1 ELSE 0 END) AS "OnTime",
              COUNT(DISTINCT c."MemberId") AS "People"
            FROM "CheckIns" c
            JOIN "B" b ON c."SubmittedAt" >= b."t0" AND c."SubmittedAt" < b."t1"
            WHERE c."SubmittedAt" IS NOT NULL
            """);
        review.TeamFilter("c", teamId, and: true);
        review.Append(""" GROUP BY c."TeamId", b."b" """);
        foreach (var row in await db.Database.SqlQuery<ReviewRow>(review.Build()).ToListAsync(ct))
        {
            Set(row.TeamId, row.Bucket, Measure.ReviewRate, Ratio(row.OnTime, row.Due), row.People);
        }
    }

    /// <summary>Open blockers are a figure of now, whatever the period: they are stored under the whole-period bucket.</summary>
    public async Task BlockersAsync(CancellationToken ct)
    {
        var sql = new SqlText();
        sql.Append("""
            SELECT x."TeamId" AS "TeamId", COUNT(*) AS "Open", COUNT(DISTINCT x."MemberId") AS "People", MIN(x."SubmittedAt") AS "Oldest"
            FROM (
              SELECT c."Id", c."TeamId", c."MemberId", c."SubmittedAt" FROM "CheckIns" c
              WHERE c."Status" = 'Submitted' AND c."Challenges" <> ''
            """);
        sql.TeamFilter("c", teamId, and: true);
        sql.Append("""
              UNION
              SELECT c."Id", c."TeamId", c."MemberId", c."SubmittedAt" FROM "ServiceRequests" r
              JOIN "CheckIns" c ON c."RequestId" = r."Id"
              WHERE r."Status" IN ('Open', 'Acknowledged') AND c."Status" <> 'Draft' AND c."Challenges" <> ''
            """);
        sql.TeamFilter("r", teamId, and: true);
        sql.Append("""
            ) x GROUP BY x."TeamId"
            """);
        var nowMs = now.ToUnixTimeMilliseconds();
        foreach (var row in await db.Database.SqlQuery<BlockerRow>(sql.Build()).ToListAsync(ct))
        {
            Set(row.TeamId, Bucket.Whole, Measure.OpenBlockers, row.Open, row.People);
            Set(row.TeamId, Bucket.Whole, Measure.OldestBlockerDays, row.Oldest is { } oldest ? (nowMs - oldest) / (double)DayMs : null, row.People);
        }
    }

    public async Task CreditAsync(IReadOnlyList<Bucket> buckets, CancellationToken ct)
    {
        var sql = new SqlText();
        sql.Buckets(buckets, zone);
        sql.Append("""
            , "K" AS (
              SELECT k."TeamId", k."ReceiverId", b."b",
                CASE WHEN EXISTS (SELECT 1 FROM "Memberships" m WHERE m."TeamId" = k."TeamId" AND m."PersonId" = k."GiverId" AND m."Role" = 'Leader') THEN 1 ELSE 0 END AS "ByLeader",
                CASE WHEN EXISTS (SELECT 1 FROM "Memberships" m WHERE m."TeamId" = k."TeamId" AND m."PersonId" = k."ReceiverId" AND m."Role" = 'Member') THEN 1 ELSE 0 END AS "ToMember"
              FROM "Credits" k
              JOIN "B" b ON k."CreatedAt" >= b."t0" AND k."CreatedAt" < b."t1"
            """);
        sql.TeamFilter("k", teamId);
        sql.Append("""
            )
            SELECT "TeamId", "b" AS "Bucket", SUM("ByLeader") AS "Given", SUM("ToMember") AS "Received",
              COUNT(DISTINCT CASE WHEN "ByLeader" = 1 THEN "ReceiverId" END) AS "GivenPeople",
              COUNT(DISTINCT CASE WHEN "ToMember" = 1 THEN "ReceiverId" END) AS "ReceivedPeople"
            FROM "K" GROUP BY "TeamId", "b"
            """);
        foreach (var row in await db.Database.SqlQuery<CreditRow>(sql.Build()).ToListAsync(ct))
        {
            Set(row.TeamId, row.Bucket, Measure.CreditGiven, row.Given, row.GivenPeople);
            Set(row.TeamId, row.Bucket, Measure.CreditReceived, row.Received, row.ReceivedPeople);
        }
    }

    /// <summary>Builds parameterised SQL: values become parameters, never text.</summary>
    private sealed class SqlText
    {
        private readonly StringBuilder _text = new();
        private readonly List<object> _args = [];

        public string Parameter(object value)
        {
            _args.Add(value);
            return "{" + (_args.Count - 1) + "}";
        }

        public void Append(string text) => _text.Append(text).Append('\n');

        public void Buckets(IReadOnlyList<Bucket> buckets, TimeZoneInfo zone)
        {
            _text.Append("""WITH "B"("b", "d0", "d1", "t0", "t1") AS (VALUES """);
            for (var i = 0; i < buckets.Count; i++)
            {
                var (start, end) = buckets[i].Days.Instants(zone);
                _text.Append(i == 0 ? "(" : ", (")
                    .Append(Parameter(buckets[i].Key)).Append(", ")
                    .Append(Parameter(buckets[i].Days.From)).Append(", ")
                    .Append(Parameter(buckets[i].Days.To)).Append(", ")
                    .Append(Parameter(start)).Append(", ")
                    .Append(Parameter(end)).Append(')');
            }
            _text.Append(")\n");
        }

        public void TeamFilter(string alias, int? team, bool and = false)
        {
            if (team is { } id)
            {
                Append($"""{(and ? "AND" : "WHERE")} {alias}."TeamId" = {Parameter(id)}""");
            }
        }

        public FormattableString Build() => FormattableStringFactory.Create(_text.ToString(), [.. _args]);
    }
}

#pragma warning disable CA1812 // materialised by EF from SQL
internal sealed class RequestRow
{
    public int TeamId { get; set; }
    public int Bucket { get; set; }
    public long Received { get; set; }
    public long Requesters { get; set; }
    public long Resolved { get; set; }
    public long Declined { get; set; }
    public long Rated { get; set; }
    public long Raters { get; set; }
    public long RatingSum { get; set; }
    public long RatedHigh { get; set; }
}

internal sealed class PercentileRow
{
    public int Kind { get; set; }
    public int TeamId { get; set; }
    public int Bucket { get; set; }
    public long N { get; set; }
    public long People { get; set; }
    public long? P50Low { get; set; }
    public long? P50High { get; set; }
    public long? P90Low { get; set; }
    public long? P90High { get; set; }
}

internal sealed class SupportRow
{
    public int TeamId { get; set; }
    public int Bucket { get; set; }
    public long Entries { get; set; }
    public long People { get; set; }
    public long Minutes { get; set; }
    public long Proactive { get; set; }
}

internal sealed class CoverageRow
{
    public int TeamId { get; set; }
    public int Bucket { get; set; }
    public long Members { get; set; }
    public long Served { get; set; }
}

internal sealed class CategoryRow
{
    public string Category { get; set; } = "";
    public long Entries { get; set; }
    public long Minutes { get; set; }
    public long People { get; set; }
}

internal sealed class ParticipationRow
{
    public int TeamId { get; set; }
    public int Bucket { get; set; }
    public long Expected { get; set; }
    public long Submitted { get; set; }
    public long People { get; set; }
}

internal sealed class PulseRow
{
    public int TeamId { get; set; }
    public int Bucket { get; set; }
    public long Pulses { get; set; }
    public long PulseSum { get; set; }
    public long People { get; set; }
}

internal sealed class ReviewRow
{
    public int TeamId { get; set; }
    public int Bucket { get; set; }
    public long Due { get; set; }
    public long OnTime { get; set; }
    public long People { get; set; }
}

internal sealed class BlockerRow
{
    public int TeamId { get; set; }
    public long Open { get; set; }
    public long People { get; set; }
    public long? Oldest { get; set; }
}

internal sealed class CreditRow
{
    public int TeamId { get; set; }
    public int Bucket { get; set; }
    public long Given { get; set; }
    public long Received { get; set; }
    public long GivenPeople { get; set; }
    public long ReceivedPeople { get; set; }
}
#pragma warning restore CA1812
