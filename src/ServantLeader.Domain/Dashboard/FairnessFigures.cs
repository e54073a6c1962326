using ServantLeader.Domain.Common;

namespace ServantLeader.Domain.Dashboard;

/// <summary>
/// The "fair comparisons" figures: support per member per week (rates that compare across team sizes), coverage in
/// depth, and how evenly support minutes are spread over the team's members (a Gini coefficient and the share going to
/// the best-served fifth). Every member counted for coverage takes part, with 0 minutes when they got none.
/// </summary>
internal static class FairnessFigures
{
    /// <summary>
    /// Who is a member of the team in slice "b" (aliases: m = Memberships, b = the slice): coverage's rule, the team as it
    /// was (<see cref="TeamAsItWas"/>), a Member membership that overlapped the slice's instants. Whether the person is
    /// active today decides nothing; the "M" rows are DISTINCT, so a person counts once however many memberships overlapped.
    /// </summary>
    internal static readonly string MemberInSlice = $"""m."Role" = 'Member' AND {TeamAsItWas.Overlaps("m", "b.\"t0\"", "b.\"t1\"")}""";

    public static async Task<FigureCells> ReadAsync(FigureScope scope, Slices slices, FairnessOptions options, CancellationToken ct)
    {
        var cells = new FigureCells.Builder();
        await SpreadAndRatesAsync(scope, slices, options, cells, ct);
        return cells.Build();
    }

    /// <summary>One team's support minutes per member over the whole period, fewest first, without names: the leader's chart.</summary>
    public static async Task<IReadOnlyList<double>> HoursByMemberAsync(FigureScope scope, DayRange period, CancellationToken ct)
    {
        var sql = new SqlText();
        Prefix(sql, scope, new Slices(period, Weekly: true, Halves: false));
        sql.Append($"""
            , "P" AS ({PerMember(null, null)})
            SELECT "x" AS "Minutes" FROM "P" WHERE "b" = {Bucket.Whole} ORDER BY "x"
            """);
        return (await sql.ReadAsync<MinutesRow>(scope.Db, ct)).Select(r => r.Minutes / 60.0).ToList();
    }

    /// <summary>
    /// Coverage in depth, the Gini coefficient and the best-served fifth's share; and hours and entries per member per
    /// week. One statement, so the members of each slice ("M") and the support per member and week ("S") are read once.
    /// </summary>
    private static async Task SpreadAndRatesAsync(FigureScope scope, Slices slices, FairnessOptions options, FigureCells.Builder cells, CancellationToken ct)
    {
        var sql = new SqlText();
        Prefix(sql, scope, slices);
        // HR's whole period counts only the weeks in which 3 or more members got support (as the support figures): depth
        // and the spread depend on how much each member got, so a week with one or two served would show their amounts.
        // Its members are those in the team during a kept week (the team as it was over the kept weeks' days, as HR's
        // coverage counts them), so a member of a week left out is not counted with 0 minutes either.
        var minimum = slices.WeekRule ? sql.Parameter(GroupSize.Minimum) : null;
        var kept = minimum is null ? null : $"""k."served" >= {minimum}""";
        var wholeMembers = minimum is null ? null : $"""
            EXISTS (SELECT 1 FROM "M" mw JOIN "K" kw ON kw."TeamId" = mw."TeamId" AND kw."w" = mw."b"
                    WHERE mw."TeamId" = mm."TeamId" AND mw."PersonId" = mm."PersonId" AND kw."served" >= {minimum})
            """;
        // The rates: member-weeks ("MW") are each week's members (<see cref="MemberInSlice"/>) times the week's days in the
        // period ÷ 7; the whole period's are the weeks' added up, so a clipped week weighs its days. Their entries and
        // minutes are all the team's support in the slice ("A"), whoever got it.
        // The best-served fifth are the members ranked last by minutes: ties hold equal minutes, so which of them is
        // ranked first changes no sum, and one ranking serves the Gini and the fifth.
        sql.Append($"""
            , "P" AS ({PerMember(kept, wholeMembers)}), "R" AS (
              SELECT "TeamId", "b", "e", "x", ROW_NUMBER() OVER w AS "i",
                COUNT(*) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS "k"
              FROM "P" WINDOW w AS (PARTITION BY "TeamId", "b" ORDER BY "x")
            ), "SP" AS (
              SELECT "TeamId", "b", COUNT(*) AS "Members",
                SUM(CASE WHEN "e" >= {sql.Parameter(options.DepthEntries)} OR "x" >= {sql.Parameter(options.DepthMinutes)} THEN 1 ELSE 0 END) AS "Deep",
                SUM(CASE WHEN "x" > 0 THEN 1 ELSE 0 END) AS "Served",
                SUM("x") AS "Minutes",
                CASE WHEN SUM("x") > 0 THEN 2.0 * SUM("i" * "x") / (COUNT(*) * SUM("x")) - (COUNT(*) + 1.0) / COUNT(*) END AS "Gini",
                SUM(CASE WHEN "i" > "k" - ("k" + 4) / 5 THEN "x" ELSE 0 END) AS "TopFifth"
              FROM "R" GROUP BY "TeamId", "b"
            ), "MW" AS (
              SELECT mm."TeamId" AS "TeamId", mm."b" AS "b", COUNT(*) * MAX(b."n") AS "MemberDays"
              FROM "M" mm JOIN "B" b ON b."b" = mm."b" WHERE mm."b" >= 0 GROUP BY mm."TeamId", mm."b"
            ), "A" AS (
              SELECT "TeamId", "w" AS "b", SUM("e") AS "Entries", SUM("x") AS "Minutes", COUNT(*) AS "People" FROM "S" GROUP BY "TeamId", "w"
              UNION ALL
              SELECT "TeamId", {Bucket.Whole}, SUM("e"), SUM("x"), COUNT(DISTINCT "PersonId") FROM "S" GROUP BY "TeamId"
            )
            SELECT w."TeamId" AS "TeamId", w."b" AS "Bucket", w."MemberDays" AS "MemberDays", COALESCE(a."Entries", 0) AS "Entries",
              COALESCE(a."Minutes", 0) AS "SupportMinutes", COALESCE(a."People", 0) AS "People",
              sp."Members" AS "Members", sp."Deep" AS "Deep", sp."Served" AS "Served", sp."Minutes" AS "Minutes", sp."Gini" AS "Gini",
              sp."TopFifth" AS "TopFifth"
            FROM (
              SELECT "TeamId", "b", "MemberDays" FROM "MW"
              UNION ALL
              SELECT "TeamId", {Bucket.Whole}, SUM("MemberDays") FROM "MW" GROUP BY "TeamId"
            ) w
            LEFT JOIN "A" a ON a."TeamId" = w."TeamId" AND a."b" = w."b"
            LEFT JOIN "SP" sp ON sp."TeamId" = w."TeamId" AND sp."b" = w."b"
            """);
        foreach (var row in await sql.ReadAsync<SpreadRow>(scope.Db, ct))
        {
            var memberWeeks = row.MemberDays / 7.0;
            var hours = row.SupportMinutes / 60.0;
            cells.Set(row.TeamId, row.Bucket, Measure.HoursPerMemberWeek, memberWeeks > 0 ? hours / memberWeeks : null, row.People, hours, memberWeeks);
            cells.Set(row.TeamId, row.Bucket, Measure.EntriesPerMemberWeek, memberWeeks > 0 ? row.Entries / memberWeeks : null, row.People,
                row.Entries, memberWeeks);
            if (row.Members is not { } members)
            {
                continue;   // HR's whole period with no kept week: nobody to spread over
            }
            cells.SetRatio(row.TeamId, row.Bucket, Measure.CoverageDepth, row.Deep ?? 0, members, row.Served ?? 0);
            // The spread's count is the members it is taken over (those with none count as 0), not minutes: the best-served
            // fifth's share is minutes over minutes, no proportion of things counted, so its definition gives it no interval.
            cells.Set(row.TeamId, row.Bucket, Measure.SupportGini, row.Gini, row.Served ?? 0, 0, members);
            cells.Set(row.TeamId, row.Bucket, Measure.TopFifthShare, row.Minutes > 0 ? (double)(row.TopFifth ?? 0) / row.Minutes.Value : null,
                row.Served ?? 0, row.TopFifth ?? 0, members);
        }
    }

    /// <summary>
    /// The statements' common start: "B" the slices (the whole period and every week, with its days in the period),
    /// "M" the team's members in each slice, "S" the support each person got in the team, per week.
    /// </summary>
    private static void Prefix(SqlText sql, FigureScope scope, Slices slices)
    {
        var buckets = new List<Bucket> { new(Bucket.Whole, slices.Whole) };
        buckets.AddRange(slices.Whole.Weeks().Select((week, i) => new Bucket(i, week)));
        sql.Append("""WITH "B"("b", "d0", "d1", "t0", "t1", "n") AS (VALUES """);
        for (var i = 0; i < buckets.Count; i++)
        {
            var (t0, t1) = buckets[i].Days.Instants(scope.Zone);
            var days = buckets[i].Days.To.DayNumber - buckets[i].Days.From.DayNumber + 1;
            sql.Append($"{(i == 0 ? "(" : ", (")}{sql.Parameter(buckets[i].Key)}, {sql.Parameter(buckets[i].Days.From)}, {sql.Parameter(buckets[i].Days.To)}, "
                + $"{sql.Parameter(t0)}, {sql.Parameter(t1)}, {sql.Parameter(days)})");
        }
        var team = scope.TeamId is { } id ? sql.Parameter(id) : null;
        var week = $"({scope.DayDifference(sql, "s.\"Date\"", slices.WeekOrigin)} / 7)";
        sql.Append($"""
            ), "M" AS (
              SELECT DISTINCT m."TeamId" AS "TeamId", b."b" AS "b", m."PersonId" AS "PersonId"
              FROM "Memberships" m JOIN "B" b ON {MemberInSlice}
              {(team is null ? "" : $"""WHERE m."TeamId" = {team}""")}
            ), "S" AS (
              SELECT s."TeamId" AS "TeamId", s."MemberId" AS "PersonId", {week} AS "w", COUNT(*) AS "e", SUM(s."Minutes") AS "x"
              FROM "SupportEntries" s
              WHERE s."Date" >= {sql.Parameter(slices.Whole.From)} AND s."Date" <= {sql.Parameter(slices.Whole.To)}
                {(team is null ? "" : $"""AND s."TeamId" = {team}""")}
              GROUP BY s."TeamId", s."MemberId", {week}
            ), "K" AS (
              SELECT mm."TeamId" AS "TeamId", mm."b" AS "w", COUNT(*) AS "members", COUNT(s."x") AS "served"
              FROM "M" mm LEFT JOIN "S" s ON s."TeamId" = mm."TeamId" AND s."PersonId" = mm."PersonId" AND s."w" = mm."b"
              WHERE mm."b" >= 0 GROUP BY mm."TeamId", mm."b"
            )
            """);
    }

    /// <summary>
    /// Each member of each slice with their entries ("e") and minutes ("x"), 0 when none (the whole period's slice, -1,
    /// matches no week: the join is on equalities only, so the database can index "S" for it); for the whole period, over the
    /// <paramref name="kept"/> weeks only, and only the members <paramref name="wholeMembers"/> admits (alias mm); null
    /// for either is every week, every member.
    /// </summary>
    private static string PerMember(string? kept, string? wholeMembers) => $"""
          SELECT mm."TeamId" AS "TeamId", mm."b" AS "b",
            COALESCE(CASE WHEN mm."b" = {Bucket.Whole} THEN ws."e" ELSE s."e" END, 0) AS "e",
            COALESCE(CASE WHEN mm."b" = {Bucket.Whole} THEN ws."x" ELSE s."x" END, 0) AS "x"
          FROM "M" mm
          LEFT JOIN "S" s ON s."TeamId" = mm."TeamId" AND s."PersonId" = mm."PersonId" AND s."w" = mm."b"
          LEFT JOIN (
            SELECT s."TeamId" AS "TeamId", s."PersonId" AS "PersonId",
              SUM(CASE WHEN {kept ?? "1 = 1"} THEN s."e" ELSE 0 END) AS "e",
              SUM(CASE WHEN {kept ?? "1 = 1"} THEN s."x" ELSE 0 END) AS "x"
            FROM "S" s {(kept is null ? "" : """LEFT JOIN "K" k ON k."TeamId" = s."TeamId" AND k."w" = s."w" """)}
            GROUP BY s."TeamId", s."PersonId"
          ) ws ON mm."b" = {Bucket.Whole} AND ws."TeamId" = mm."TeamId" AND ws."PersonId" = mm."PersonId"
          WHERE mm."b" >= 0 OR ({wholeMembers ?? "1 = 1"})
        """;

#pragma warning disable CA1812 // materialised from SQL by RowMap
    private sealed class SpreadRow
    {
        public int TeamId { get; set; }
        public int Bucket { get; set; }
        public long MemberDays { get; set; }
        public long Entries { get; set; }
        public long SupportMinutes { get; set; }
        public long People { get; set; }
        public long? Members { get; set; }
        public long? Deep { get; set; }
        public long? Served { get; set; }
        public long? Minutes { get; set; }
        public double? Gini { get; set; }
        public long? TopFifth { get; set; }
    }

    private sealed class MinutesRow
    {
        public long Minutes { get; set; }
    }
#pragma warning restore CA1812
}
