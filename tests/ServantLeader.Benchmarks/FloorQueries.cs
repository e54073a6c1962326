using System.Globalization;
using Microsoft.Data.Sqlite;
using ServantLeader.Domain.Dashboard;

namespace ServantLeader.Benchmarks;

/// <summary>
/// The floor: the same figures, each by one hand-written SQL statement straight over the base tables through
/// ADO.NET, with nothing in between (no EF, no bucket table; weeks by arithmetic, which is exact only because the
/// benchmark's clock is in UTC). What the database itself costs.
/// </summary>
internal sealed class FloorQueries(string connectionString, DateTimeOffset now)
{
    private const long WeekMs = 604_800_000;

    public async Task TeamAsync(int teamId, DashboardPeriod period)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        // Each figure twice, as the dashboard shows it: for the whole period and week by week.
        foreach (var scope in new[] { new Scope($"= {teamId}", Weekly: false, period, now), new Scope($"= {teamId}", Weekly: true, period, now) })
        {
            foreach (var sql in Statements(scope))
            {
                await RunAsync(connection, sql, scope);
            }
        }
    }

    public async Task OrganisationAsync(DashboardPeriod period)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var scope = new Scope("IS NOT NULL", Weekly: false, period, now);
        foreach (var sql in Statements(scope))
        {
            await RunAsync(connection, sql, scope);
        }
    }

    private sealed record Scope(string Team, bool Weekly, DashboardPeriod Period, DateTimeOffset Now)
    {
        public string Group(string instantOrDay, bool isDay) => !Weekly ? "\"TeamId\""
            : isDay ? $"\"TeamId\", CAST((julianday({instantOrDay}) - julianday($d0)) / 7 AS INTEGER)"
            : $"\"TeamId\", ({instantOrDay} - $t0) / {WeekMs}";
    }

    private static IEnumerable<string> Statements(Scope s)
    {
        const string inPeriod = "\"CreatedAt\" >= $t0 AND \"CreatedAt\" < $t1";
        var requests = $"FROM \"ServiceRequests\" WHERE \"TeamId\" {s.Team} AND {inPeriod}";
        var group = $"GROUP BY {s.Group("\"CreatedAt\"", false)}";
        yield return $"SELECT \"TeamId\", COUNT(*) {requests} {group}";
        yield return Percentiles(s, "\"AcknowledgedAt\" - \"CreatedAt\"", "\"AcknowledgedAt\" IS NOT NULL");
        yield return Percentiles(s, "\"ResolvedAt\" - \"CreatedAt\"", "\"Status\" = 'Resolved'");
        yield return $"SELECT \"TeamId\", AVG(CASE WHEN \"Status\" = 'Resolved' THEN 1.0 ELSE 0 END) {requests} {group}";
        yield return $"SELECT \"TeamId\", AVG(CASE WHEN \"Status\" = 'Declined' THEN 1.0 ELSE 0 END) {requests} {group}";
        yield return $"SELECT \"TeamId\", AVG(\"Rating\") {requests} AND \"Rating\" IS NOT NULL {group}";
        yield return $"SELECT \"TeamId\", AVG(CASE WHEN \"Rating\" >= 4 THEN 1.0 ELSE 0 END) {requests} AND \"Rating\" IS NOT NULL {group}";

        var support = $"FROM \"SupportEntries\" WHERE \"TeamId\" {s.Team} AND \"Date\" >= $d0 AND \"Date\" <= $d1";
        var byDay = $"GROUP BY {s.Group("\"Date\"", true)}";
        yield return $"SELECT \"TeamId\", COUNT(*) {support} {byDay}";
        yield return $"SELECT \"TeamId\", SUM(\"Minutes\") / 60.0 {support} {byDay}";
        yield return $"SELECT \"TeamId\", AVG(CASE WHEN \"RequestId\" IS NULL THEN 1.0 ELSE 0 END) {support} {byDay}";
        yield return $"""
            SELECT x."TeamId", COUNT(DISTINCT x."MemberId") * 1.0 / (SELECT COUNT(*) FROM "Memberships" m JOIN "People" p ON p."Id" = m."PersonId"
              WHERE m."TeamId" = x."TeamId" AND m."Role" = 'Member' AND p."IsActive" AND m."Since" < $t1)
            FROM (SELECT s."TeamId", s."MemberId", s."Date" FROM "SupportEntries" s
                  JOIN "Memberships" m ON m."TeamId" = s."TeamId" AND m."PersonId" = s."MemberId" AND m."Role" = 'Member'
                  JOIN "People" p ON p."Id" = m."PersonId" AND p."IsActive"
                  WHERE s."TeamId" {s.Team} AND s."Date" >= $d0 AND s."Date" <= $d1) x
            GROUP BY {s.Group("x.\"Date\"", true).Replace("\"TeamId\"", "x.\"TeamId\"", StringComparison.Ordinal)}
            """;

        // Participation: submitted check-ins of current members per due date, over members × periods due.
        yield return $"""
            SELECT c."TeamId", COUNT(*) * 1.0 / (SELECT COUNT(*) FROM "Memberships" m WHERE m."TeamId" = c."TeamId" AND m."Role" = 'Member')
            FROM "CheckIns" c JOIN "Memberships" m ON m."TeamId" = c."TeamId" AND m."PersonId" = c."MemberId" AND m."Role" = 'Member'
            WHERE c."TeamId" {s.Team} AND c."Status" <> 'Draft' AND c."PeriodDue" >= $d0 AND c."PeriodDue" < $today AND m."Since" < $t1
            GROUP BY {s.Group("c.\"PeriodDue\"", true).Replace("\"TeamId\"", "c.\"TeamId\"", StringComparison.Ordinal)}
            """;
        yield return $"""
            SELECT "TeamId", AVG(CASE WHEN "ReviewedAt" - "SubmittedAt" <= 259200000 THEN 1.0 ELSE 0 END)
            FROM "CheckIns" WHERE "TeamId" {s.Team} AND "SubmittedAt" >= $t0 AND "SubmittedAt" < $t1
              AND ("ReviewedAt" IS NOT NULL OR "SubmittedAt" + 259200000 <= $now)
            GROUP BY {s.Group("\"SubmittedAt\"", false)}
            """;
        yield return $"""
            SELECT "TeamId", AVG("Pulse") FROM "CheckIns"
            WHERE "TeamId" {s.Team} AND "Status" <> 'Draft' AND "Pulse" IS NOT NULL AND "PeriodDue" >= $d0 AND "PeriodDue" <= $d1
            GROUP BY {s.Group("\"PeriodDue\"", true)}
            """;
        yield return $"""
            SELECT "TeamId", AVG(CASE WHEN "PeriodDue" > $mid THEN "Pulse" END) - AVG(CASE WHEN "PeriodDue" <= $mid THEN "Pulse" END) FROM "CheckIns"
            WHERE "TeamId" {s.Team} AND "Status" <> 'Draft' AND "Pulse" IS NOT NULL AND "PeriodDue" >= $d0 AND "PeriodDue" <= $d1
            GROUP BY "TeamId"
            """;
        yield return $"""
            SELECT c."TeamId", COUNT(*), MIN(c."SubmittedAt") FROM "CheckIns" c LEFT JOIN "ServiceRequests" r ON r."Id" = c."RequestId"
            WHERE c."TeamId" {s.Team} AND c."Status" <> 'Draft' AND c."Challenges" <> '' AND (c."Status" = 'Submitted' OR r."Status" IN ('Open', 'Acknowledged'))
            GROUP BY c."TeamId"
            """;
        yield return $"""
            SELECT k."TeamId", COUNT(*) FROM "Credits" k JOIN "Memberships" m ON m."TeamId" = k."TeamId" AND m."PersonId" = k."GiverId" AND m."Role" = 'Leader'
            WHERE k."TeamId" {s.Team} AND k."CreatedAt" >= $t0 AND k."CreatedAt" < $t1
            GROUP BY {s.Group("k.\"CreatedAt\"", false).Replace("\"TeamId\"", "k.\"TeamId\"", StringComparison.Ordinal)}
            """;
        yield return $"""
            SELECT k."TeamId", COUNT(*) FROM "Credits" k JOIN "Memberships" m ON m."TeamId" = k."TeamId" AND m."PersonId" = k."ReceiverId" AND m."Role" = 'Member'
            WHERE k."TeamId" {s.Team} AND k."CreatedAt" >= $t0 AND k."CreatedAt" < $t1
            GROUP BY {s.Group("k.\"CreatedAt\"", false).Replace("\"TeamId\"", "k.\"TeamId\"", StringComparison.Ordinal)}
            """;
    }

    private static string Percentiles(Scope s, string value, string condition) => $"""
        WITH v AS (SELECT {s.Group("\"CreatedAt\"", false).Replace(",", " AS g0,", StringComparison.Ordinal)} AS g, {value} AS v
                   FROM "ServiceRequests" WHERE "TeamId" {s.Team} AND "CreatedAt" >= $t0 AND "CreatedAt" < $t1 AND {condition}),
             r AS (SELECT g, v, ROW_NUMBER() OVER (PARTITION BY g ORDER BY v) - 1 AS i, COUNT(*) OVER (PARTITION BY g) AS n FROM v)
        SELECT g, MAX(CASE WHEN i = (n - 1) * 50 / 100 THEN v END), MAX(CASE WHEN i = (n - 1) * 50 / 100 + 1 THEN v END),
                  MAX(CASE WHEN i = (n - 1) * 90 / 100 THEN v END), MAX(CASE WHEN i = (n - 1) * 90 / 100 + 1 THEN v END)
        FROM r WHERE i IN ((n - 1) * 50 / 100, (n - 1) * 50 / 100 + 1, (n - 1) * 90 / 100, (n - 1) * 90 / 100 + 1) GROUP BY g
        """;

    private static async Task RunAsync(SqliteConnection connection, string sql, Scope s)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var (t0, t1) = s.Period.Whole.Instants(TimeZoneInfo.Utc);
        var first = new DayRange(s.Period.From, s.Period.From.AddDays(Math.Max(1, s.Period.Days / 2) - 1));
        command.Parameters.AddWithValue("$t0", t0);
        command.Parameters.AddWithValue("$t1", t1);
        command.Parameters.AddWithValue("$d0", Iso(s.Period.From));
        command.Parameters.AddWithValue("$d1", Iso(s.Period.To));
        command.Parameters.AddWithValue("$mid", Iso(first.To));
        command.Parameters.AddWithValue("$today", Iso(DateOnly.FromDateTime(s.Now.UtcDateTime)));
        command.Parameters.AddWithValue("$now", s.Now.ToUnixTimeMilliseconds());
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            // Read every column, as a caller would.
            for (var i = 0; i < reader.FieldCount; i++)
            {
                _ = reader.GetValue(i);
            }
        }
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
