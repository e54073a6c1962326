using ServantLeader.Domain.Common;
using ServantLeader.Domain.Support;

namespace ServantLeader.Domain.Dashboard;

/// <summary>The support figures: entries, hours and how much was proactive; the members served; support by kind.</summary>
internal static class SupportFigures
{
    public static async Task<FigureCells> ReadAsync(FigureScope scope, Slices slices, CancellationToken ct)
    {
        var cells = new FigureCells.Builder();
        var sql = new SqlText();
        var source = scope.Source(sql, "SupportEntries", $"""a."Date" >= {sql.Parameter(slices.Whole.From)} AND a."Date" <= {sql.Parameter(slices.Whole.To)}""");
        sql.Append(FigureScope.Grouped(scope.DateGroups(sql, slices, "a.\"Date\"", halves: false), source, """
            COUNT(*) AS "Entries", COUNT(DISTINCT a."MemberId") AS "People",
            SUM(a."Minutes") AS "Minutes", SUM(CASE WHEN a."RequestId" IS NULL THEN 1 ELSE 0 END) AS "Proactive"
            """));
        foreach (var row in await sql.ReadAsync<SupportRow>(scope.Db, ct))
        {
            cells.SetCount(row.TeamId, row.Bucket, Measure.SupportEntries, row.Entries, row.People);
            cells.SetCount(row.TeamId, row.Bucket, Measure.SupportHours, row.Minutes / 60.0, row.People, basis: row.Entries);
            cells.SetRatio(row.TeamId, row.Bucket, Measure.ProactiveShare, row.Proactive, row.Entries, row.People);
        }

        sql = new SqlText();
        sql.Buckets(slices.Buckets(), scope.Zone);
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
        sql.TeamFilter("m", scope.TeamId, and: true);
        sql.Append(""" GROUP BY m."TeamId", b."b" """);
        foreach (var row in await sql.ReadAsync<CoverageRow>(scope.Db, ct))
        {
            cells.SetRatio(row.TeamId, row.Bucket, Measure.Coverage, row.Served, row.Members, row.Members);
        }
        if (slices.WeekRule)
        {
            await CoverageFromWholeWeeksAsync(scope, slices, cells, ct);
        }
        return cells.Build();
    }

    /// <summary>
    /// HR's coverage counts the members served in the weeks with at least 3 members. A team's member count only grows
    /// week by week (members who joined by the week's end, active now), so those weeks run from the first such week
    /// to the end: only a team that grew past 2 members during the period needs counting again from that week.
    /// </summary>
    private static async Task CoverageFromWholeWeeksAsync(FigureScope scope, Slices slices, FigureCells.Builder cells, CancellationToken ct)
    {
        var weeks = slices.Whole.Weeks();
        var recount = new List<(int Team, DateOnly From)>();
        foreach (var team in cells.Teams.ToList())
        {
            var members = weeks.Select((_, i) => cells.For(team, i).TryGetValue(Measure.Coverage, out var c) ? c.People : 0).ToList();
            var first = members.FindIndex(n => n >= GroupSize.Minimum);
            if (first > 0 && members.Take(first).Any(n => n > 0))
            {
                recount.Add((team, weeks[first].From));
            }
        }
        if (recount.Count == 0)
        {
            return;
        }
        var sql = new SqlText();
        var (_, t1) = slices.Whole.Instants(scope.Zone);
        sql.Append("""WITH "T"("TeamId", "d0") AS (VALUES """);
        for (var i = 0; i < recount.Count; i++)
        {
            sql.Append($"{(i == 0 ? "(" : ", (")}{sql.Parameter(recount[i].Team)}, {sql.Parameter(recount[i].From)})");
        }
        sql.Append($"""
            )
            SELECT m."TeamId" AS "TeamId", {Bucket.Whole} AS "Bucket", COUNT(*) AS "Members",
              SUM(CASE WHEN EXISTS (
                SELECT 1 FROM "SupportEntries" s
                WHERE s."MemberId" = m."PersonId" AND s."TeamId" = m."TeamId" AND s."Date" >= t."d0" AND s."Date" <= {sql.Parameter(slices.Whole.To)}
              ) THEN 1 ELSE 0 END) AS "Served"
            FROM "Memberships" m
            JOIN "People" p ON p."Id" = m."PersonId"
            JOIN "T" t ON t."TeamId" = m."TeamId"
            WHERE m."Role" = 'Member' AND p."IsActive" AND m."Since" < {sql.Parameter(t1)}
            GROUP BY m."TeamId"
            """);
        foreach (var row in await sql.ReadAsync<CoverageRow>(scope.Db, ct))
        {
            cells.SetRatio(row.TeamId, row.Bucket, Measure.Coverage, row.Served, row.Members, row.Members);
        }
    }

    /// <summary>
    /// Support per kind over the days. With <paramref name="weekRule"/> (HR; the days are whole weeks) a kind adds up
    /// only its weeks with at least 3 members supported, and is withheld when it has none.
    /// </summary>
    public static async Task<IReadOnlyList<CategorySupport>> CategoriesAsync(FigureScope scope, DayRange days, bool weekRule, CancellationToken ct)
    {
        var sql = new SqlText();
        var range = $"""
            FROM "SupportEntries" s
            WHERE s."Date" >= {sql.Parameter(days.From)} AND s."Date" <= {sql.Parameter(days.To)}
            """;
        if (weekRule)
        {
            var min = sql.Parameter(GroupSize.Minimum);
            sql.Append($"""
                SELECT "Category", SUM(CASE WHEN "People" >= {min} THEN "Entries" ELSE 0 END) AS "Entries",
                  SUM(CASE WHEN "People" >= {min} THEN "Minutes" ELSE 0 END) AS "Minutes", MAX("People") AS "People",
                  SUM(CASE WHEN "People" >= {min} THEN 1 ELSE 0 END) AS "ShownWeeks"
                FROM (
                  SELECT s."Category" AS "Category", {scope.DayDifference(sql, "s.\"Date\"", days.From)} / 7 AS "w", COUNT(*) AS "Entries",
                    SUM(s."Minutes") AS "Minutes", COUNT(DISTINCT s."MemberId") AS "People"
                  {range}
                """);
            sql.TeamFilter("s", scope.TeamId, and: true);
            sql.Append(""" GROUP BY s."Category", "w") x GROUP BY "Category" """);
        }
        else
        {
            sql.Append($"""
                SELECT s."Category" AS "Category", COUNT(*) AS "Entries", SUM(s."Minutes") AS "Minutes", COUNT(DISTINCT s."MemberId") AS "People"
                {range}
                """);
            sql.TeamFilter("s", scope.TeamId, and: true);
            sql.Append(""" GROUP BY s."Category" """);
        }
        var rows = await sql.ReadAsync<CategoryRow>(scope.Db, ct);
        return rows
            .Select(r => (Ok: Enum.TryParse<SupportCategory>(r.Category, out var c), Category: c, Row: r))
            .Where(r => r.Ok)
            .Select(r => new CategorySupport(r.Category, (int)r.Row.Entries, r.Row.Minutes / 60.0, (int)r.Row.People,
                Withheld: weekRule && r.Row.ShownWeeks == 0))
            .OrderByDescending(c => c.Hours).ThenBy(c => c.Category)
            .ToList();
    }
}
