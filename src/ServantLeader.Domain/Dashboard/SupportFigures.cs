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

        // Coverage counts each person once per slice, whatever number of their memberships overlapped it (a member who
        // became a leader and a member again in one week is one member that week).
        sql = new SqlText();
        sql.Buckets(slices.Buckets(), scope.Zone);
        sql.Append($"""
            SELECT x."TeamId" AS "TeamId", x."b" AS "Bucket", COUNT(*) AS "Members",
              SUM(CASE WHEN EXISTS (
                SELECT 1 FROM "SupportEntries" s
                WHERE s."MemberId" = x."PersonId" AND s."TeamId" = x."TeamId" AND s."Date" >= x."d0" AND s."Date" <= x."d1"
              ) THEN 1 ELSE 0 END) AS "Served"
            FROM (
              SELECT DISTINCT m."TeamId", m."PersonId", b."b", b."d0", b."d1"
              FROM "Memberships" m
              JOIN "B" b ON {TeamAsItWas.Overlaps("m", "b.\"t0\"", "b.\"t1\"")}
              WHERE m."Role" = 'Member'
            """);
        sql.TeamFilter("m", scope.TeamId, and: true);
        sql.Append(""") x GROUP BY x."TeamId", x."b" """);
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
    /// HR's coverage is the leader's rule over the kept weeks' days only (weeks in which the team had at least 3
    /// members): the members in the team during a kept week, and of them those with support dated in a kept week. Teams
    /// grow and shrink, so the kept weeks need not be a run: when any week was left out (or had no members), the team
    /// is counted again over its kept weeks, listed one by one.
    /// </summary>
    private static async Task CoverageFromWholeWeeksAsync(FigureScope scope, Slices slices, FigureCells.Builder cells, CancellationToken ct)
    {
        var weeks = slices.Whole.Weeks();
        var recount = new List<(int Team, DayRange Week)>();
        foreach (var team in cells.Teams.ToList())
        {
            var kept = weeks.Where((_, i) => (cells.For(team, i).TryGetValue(Measure.Coverage, out var c) ? c.People : 0) >= GroupSize.Minimum).ToList();
            if (kept.Count > 0 && kept.Count < weeks.Count)
            {
                recount.AddRange(kept.Select(week => (team, week)));
            }
        }
        if (recount.Count == 0)
        {
            return;
        }
        var sql = new SqlText();
        sql.Append("""WITH "K"("TeamId", "d0", "d1", "t0", "t1") AS (VALUES """);
        for (var i = 0; i < recount.Count; i++)
        {
            var (t0, t1) = recount[i].Week.Instants(scope.Zone);
            sql.Append($"{(i == 0 ? "(" : ", (")}{sql.Parameter(recount[i].Team)}, {sql.Parameter(recount[i].Week.From)}, "
                + $"{sql.Parameter(recount[i].Week.To)}, {sql.Parameter(t0)}, {sql.Parameter(t1)})");
        }
        sql.Append($"""
            )
            SELECT x."TeamId" AS "TeamId", {Bucket.Whole} AS "Bucket", COUNT(*) AS "Members",
              SUM(CASE WHEN EXISTS (
                SELECT 1 FROM "SupportEntries" s
                JOIN "K" w ON w."TeamId" = s."TeamId" AND s."Date" >= w."d0" AND s."Date" <= w."d1"
                WHERE s."MemberId" = x."PersonId" AND s."TeamId" = x."TeamId"
              ) THEN 1 ELSE 0 END) AS "Served"
            FROM (
              SELECT DISTINCT m."TeamId", m."PersonId"
              FROM "Memberships" m
              JOIN "K" k ON k."TeamId" = m."TeamId" AND {TeamAsItWas.Overlaps("m", "k.\"t0\"", "k.\"t1\"")}
              WHERE m."Role" = 'Member'
            ) x
            GROUP BY x."TeamId"
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
