using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Teams;
using ServantLeader.Domain.Common;

namespace ServantLeader.Domain.Dashboard;

/// <summary>A stretch of days the figures are grouped by: the whole period, one of its halves, or one week.</summary>
internal sealed record Bucket(int Key, DayRange Days)
{
    public const int Whole = -1;
    public const int FirstHalf = -2;
    public const int SecondHalf = -3;
}

/// <summary>
/// One figure's value and how many distinct people it was computed from (HR sees it only from 3 on). A count keeps its
/// total in <see cref="Numerator"/>; a share or a mean keeps both of its terms, so whole weeks can be added up
/// (<see cref="WholeWeeks"/>).
/// </summary>
public readonly record struct Cell(double? Value, int People, double Numerator = 0, double Denominator = 0);

/// <summary>
/// What the figures are grouped by: always the whole period; its weeks when a trend is wanted; its two halves for the
/// pulse trend. Weeks are computed from each row's local day by arithmetic, so a statement reads its rows once.
/// </summary>
/// With <paramref name="WeekRule"/> (HR), the whole-period slice of a figure that cannot be added up week by week
/// (percentiles, coverage) reads only the weeks in which that figure rests on at least 3 people; the weekly
/// percentiles themselves are computed only when a trend shows them (<paramref name="WeeklyPercentiles"/>).
internal sealed record Slices(DayRange Whole, bool Weekly, bool Halves, bool WeekRule = false, bool WeeklyPercentiles = true)
{
    public DateOnly WeekOrigin => DashboardPeriod.WeekStart(Whole.From);

    /// <summary>The first ⌊days ÷ 2⌋ days (at least one); the second half is the rest.</summary>
    public DayRange FirstHalf => new(Whole.From, Whole.From.AddDays(Math.Max(1, (Whole.To.DayNumber - Whole.From.DayNumber + 1) / 2) - 1));

    /// <summary>The same slices as explicit ranges, for the few statements that join against a list of days.</summary>
    public IReadOnlyList<Bucket> Buckets() =>
        [new(Bucket.Whole, Whole), .. Weekly ? Whole.Weeks().Select((week, i) => new Bucket(i, week)) : []];
}

/// <summary>
/// Every dashboard figure, as aggregate SQL over the base tables, grouped by team and slice in the database.
/// Hand-written SQL rather than LINQ because the figures need window functions (percentiles), and weeks that follow
/// the organisation's time zone across daylight-saving changes. The SQL is portable apart from one day-number function.
/// </summary>
internal sealed class FigureQueries(ServantLeaderDb db, TimeZoneInfo zone, DateTimeOffset now, int? teamId)
{
    private const long DayMs = 86_400_000;
    private const long WeekMs = 7 * DayMs;
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
                Set(team, bucket, measure, cell);
            }
        }
        return this;
    }

    private void Set(int team, int bucket, Measure measure, double? value, long people, double numerator = 0, double denominator = 0) =>
        Set(team, bucket, measure, new Cell(value, (int)people, numerator, denominator));

    private void Set(int team, int bucket, Measure measure, Cell cell)
    {
        if (!_cells.TryGetValue((team, bucket), out var cells))
        {
            _cells[(team, bucket)] = cells = [];
        }
        cells[measure] = cell;
    }

    private void SetRatio(int team, int bucket, Measure measure, long numerator, long denominator, long people) =>
        Set(team, bucket, measure, Ratio(numerator, denominator), people, numerator, denominator);

    private void SetCount(int team, int bucket, Measure measure, double count, long people) =>
        Set(team, bucket, measure, count, people, count);

    private static double? Ratio(long numerator, long denominator) => denominator == 0 ? null : (double)numerator / denominator;

    public async Task RequestsAsync(Slices slices, CancellationToken ct)
    {
        var sql = new SqlText();
        var (t0, t1) = slices.Whole.Instants(zone);
        var source = Source(sql, "ServiceRequests", $"""a."CreatedAt" >= {sql.Parameter(t0)} AND a."CreatedAt" < {sql.Parameter(t1)}""");
        sql.Append(Grouped(InstantGroups(sql, slices, "a.\"CreatedAt\""), source, """
            COUNT(*) AS "Received",
            COUNT(DISTINCT a."RequesterId") AS "Requesters",
            COUNT(DISTINCT CASE WHEN a."AcknowledgedAt" IS NOT NULL THEN a."RequesterId" END) AS "AcknowledgedPeople",
            SUM(CASE WHEN a."Status" = 'Resolved' THEN 1 ELSE 0 END) AS "Resolved",
            COUNT(DISTINCT CASE WHEN a."Status" = 'Resolved' THEN a."RequesterId" END) AS "ResolvedPeople",
            SUM(CASE WHEN a."Status" = 'Declined' THEN 1 ELSE 0 END) AS "Declined",
            SUM(CASE WHEN a."Rating" IS NOT NULL THEN 1 ELSE 0 END) AS "Rated",
            COUNT(DISTINCT CASE WHEN a."Rating" IS NOT NULL THEN a."RequesterId" END) AS "Raters",
            SUM(CASE WHEN a."Rating" IS NOT NULL THEN a."Rating" ELSE 0 END) AS "RatingSum",
            SUM(CASE WHEN a."Rating" >= 4 THEN 1 ELSE 0 END) AS "RatedHigh"
            """));
        var people = new Dictionary<(int, int), RequestRow>();
        foreach (var row in await sql.ReadAsync<RequestRow>(db, ct))
        {
            people[(row.TeamId, row.Bucket)] = row;
            SetCount(row.TeamId, row.Bucket, Measure.RequestsReceived, row.Received, row.Requesters);
            SetRatio(row.TeamId, row.Bucket, Measure.ResolutionRate, row.Resolved, row.Received, row.Requesters);
            SetRatio(row.TeamId, row.Bucket, Measure.DeclinedShare, row.Declined, row.Received, row.Requesters);
            SetRatio(row.TeamId, row.Bucket, Measure.SatisfactionMean, row.RatingSum, row.Rated, row.Raters);
            SetRatio(row.TeamId, row.Bucket, Measure.SatisfiedShare, row.RatedHigh, row.Rated, row.Raters);
            // Who is behind each duration, even in a slice whose percentiles are not computed (HR's rule needs it).
            Set(row.TeamId, row.Bucket, Measure.AcknowledgeMedianHours, null, row.AcknowledgedPeople);
            Set(row.TeamId, row.Bucket, Measure.AcknowledgeP90Hours, null, row.AcknowledgedPeople);
            Set(row.TeamId, row.Bucket, Measure.ResolveMedianHours, null, row.ResolvedPeople);
            Set(row.TeamId, row.Bucket, Measure.ResolveP90Hours, null, row.ResolvedPeople);
        }

        // Durations: one ranked list per kind, team and slice; each percentile is read off at its rank.
        sql = new SqlText();
        source = Source(sql, "ServiceRequests", $"""a."CreatedAt" >= {sql.Parameter(t0)} AND a."CreatedAt" < {sql.Parameter(t1)}""");
        var groups = InstantGroups(sql, slices, "\"c\"");
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
        foreach (var row in await sql.ReadAsync<PercentileRow>(db, ct))
        {
            var counts = people.GetValueOrDefault((row.TeamId, row.Bucket));
            var (median, p90, who) = row.Kind == 0
                ? (Measure.AcknowledgeMedianHours, Measure.AcknowledgeP90Hours, counts?.AcknowledgedPeople ?? 0)
                : (Measure.ResolveMedianHours, Measure.ResolveP90Hours, counts?.ResolvedPeople ?? 0);
            Set(row.TeamId, row.Bucket, median, Percentile.Interpolate(row.N, 50, row.P50Low, row.P50High) / HourMs, who);
            Set(row.TeamId, row.Bucket, p90, Percentile.Interpolate(row.N, 90, row.P90Low, row.P90High) / HourMs, who);
        }
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
          SELECT "k", "TeamId", "w" FROM "X" GROUP BY "k", "TeamId", "w" HAVING COUNT(DISTINCT "p") >= {sql.Parameter(DashboardService.MinGroupSize)}
        ), "G" AS (
          {(weekly ? "SELECT \"k\", \"TeamId\", \"w\" AS \"b\", \"v\" FROM \"X\" UNION ALL" : "")}
          SELECT x."k", x."TeamId", {Bucket.Whole} AS "b", x."v" FROM "X" x JOIN "Q" q ON q."k" = x."k" AND q."TeamId" = x."TeamId" AND q."w" = x."w"
        )
        """;

    public async Task SupportAsync(Slices slices, CancellationToken ct)
    {
        var sql = new SqlText();
        var source = Source(sql, "SupportEntries", $"""a."Date" >= {sql.Parameter(slices.Whole.From)} AND a."Date" <= {sql.Parameter(slices.Whole.To)}""");
        sql.Append(Grouped(DateGroups(sql, slices, "a.\"Date\"", halves: false), source, """
            COUNT(*) AS "Entries", COUNT(DISTINCT a."MemberId") AS "People",
            SUM(a."Minutes") AS "Minutes", SUM(CASE WHEN a."RequestId" IS NULL THEN 1 ELSE 0 END) AS "Proactive"
            """));
        foreach (var row in await sql.ReadAsync<SupportRow>(db, ct))
        {
            SetCount(row.TeamId, row.Bucket, Measure.SupportEntries, row.Entries, row.People);
            SetCount(row.TeamId, row.Bucket, Measure.SupportHours, row.Minutes / 60.0, row.People);
            SetRatio(row.TeamId, row.Bucket, Measure.ProactiveShare, row.Proactive, row.Entries, row.People);
        }

        sql = new SqlText();
        sql.Buckets(slices.Buckets(), zone);
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
        foreach (var row in await sql.ReadAsync<CoverageRow>(db, ct))
        {
            SetRatio(row.TeamId, row.Bucket, Measure.Coverage, row.Served, row.Members, row.Members);
        }
        if (slices.WeekRule)
        {
            await CoverageFromWholeWeeksAsync(slices, ct);
        }
    }

    /// <summary>
    /// HR's coverage counts the members served in the weeks with at least 3 members. A team's member count only grows
    /// week by week (members who joined by the week's end, active now), so those weeks run from the first such week
    /// to the end: only a team that grew past 2 members during the period needs counting again from that week.
    /// </summary>
    private async Task CoverageFromWholeWeeksAsync(Slices slices, CancellationToken ct)
    {
        var weeks = slices.Whole.Weeks();
        var recount = new List<(int Team, DateOnly From)>();
        foreach (var team in _cells.Keys.Where(k => k.Bucket == Bucket.Whole).Select(k => k.Team).ToList())
        {
            var members = weeks.Select((_, i) => For(team, i).TryGetValue(Measure.Coverage, out var c) ? c.People : 0).ToList();
            var first = members.FindIndex(n => n >= DashboardService.MinGroupSize);
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
        var (_, t1) = slices.Whole.Instants(zone);
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
        foreach (var row in await sql.ReadAsync<CoverageRow>(db, ct))
        {
            SetRatio(row.TeamId, row.Bucket, Measure.Coverage, row.Served, row.Members, row.Members);
        }
    }

    /// <summary>
    /// Support per kind over the days. With <paramref name="weekRule"/> (HR; the days are whole weeks) a kind adds up
    /// only its weeks with at least 3 members supported, and is withheld when it has none.
    /// </summary>
    public async Task<IReadOnlyList<CategorySupport>> CategoriesAsync(DayRange days, CancellationToken ct, bool weekRule = false)
    {
        var sql = new SqlText();
        var range = $"""
            FROM "SupportEntries" s
            WHERE s."Date" >= {sql.Parameter(days.From)} AND s."Date" <= {sql.Parameter(days.To)}
            """;
        if (weekRule)
        {
            var min = sql.Parameter(DashboardService.MinGroupSize);
            sql.Append($"""
                SELECT "Category", SUM(CASE WHEN "People" >= {min} THEN "Entries" ELSE 0 END) AS "Entries",
                  SUM(CASE WHEN "People" >= {min} THEN "Minutes" ELSE 0 END) AS "Minutes", MAX("People") AS "People",
                  SUM(CASE WHEN "People" >= {min} THEN 1 ELSE 0 END) AS "ShownWeeks"
                FROM (
                  SELECT s."Category" AS "Category", {DayDifference(sql, "s.\"Date\"", days.From)} / 7 AS "w", COUNT(*) AS "Entries",
                    SUM(s."Minutes") AS "Minutes", COUNT(DISTINCT s."MemberId") AS "People"
                  {range}
                """);
            sql.TeamFilter("s", teamId, and: true);
            sql.Append(""" GROUP BY s."Category", "w") x GROUP BY "Category" """);
        }
        else
        {
            sql.Append($"""
                SELECT s."Category" AS "Category", COUNT(*) AS "Entries", SUM(s."Minutes") AS "Minutes", COUNT(DISTINCT s."MemberId") AS "People"
                {range}
                """);
            sql.TeamFilter("s", teamId, and: true);
            sql.Append(""" GROUP BY s."Category" """);
        }
        var rows = await sql.ReadAsync<CategoryRow>(db, ct);
        return rows
            .Select(r => (Ok: Enum.TryParse<Support.SupportCategory>(r.Category, out var c), Category: c, Row: r))
            .Where(r => r.Ok)
            .Select(r => new CategorySupport(r.Category, (int)r.Row.Entries, r.Row.Minutes / 60.0, (int)r.Row.People,
                Withheld: weekRule && r.Row.ShownWeeks == 0))
            .OrderByDescending(c => c.Hours).ThenBy(c => c.Category)
            .ToList();
    }

    public async Task CheckInsAsync(Slices slices, DateOnly today, CancellationToken ct)
    {
        // Participation: the expected (member, period) pairs, each team with its own cadence and due day.
        var rhythms = await db.Teams
            .Where(t => teamId == null || t.Id == teamId)
            .Select(t => new { t.CheckInCadence, t.CheckInDueDay })
            .Distinct()
            .ToListAsync(ct);
        var byRhythm = rhythms.Select(r => (r.CheckInCadence, r.CheckInDueDay)).ToList();
        if (slices.Weekly)
        {
            await ParticipationByWeekAsync(slices, byRhythm, today, ct);
        }
        else
        {
            await ParticipationByArithmeticAsync(slices.Whole, byRhythm, today, ct);
        }

        var pulse = new SqlText();
        var source = Source(pulse, "CheckIns",
            $"""a."PeriodDue" >= {pulse.Parameter(slices.Whole.From)} AND a."PeriodDue" <= {pulse.Parameter(slices.Whole.To)}""",
            """a."Status" <> 'Draft' AND a."Pulse" IS NOT NULL""");
        pulse.Append(Grouped(DateGroups(pulse, slices, "a.\"PeriodDue\"", slices.Halves), source, """
            COUNT(*) AS "Pulses", SUM(a."Pulse") AS "PulseSum", COUNT(DISTINCT a."MemberId") AS "People"
            """));
        foreach (var row in await pulse.ReadAsync<PulseRow>(db, ct))
        {
            SetRatio(row.TeamId, row.Bucket, Measure.PulseMean, row.PulseSum, row.Pulses, row.People);
        }

        var review = new SqlText();
        var (t0, t1) = slices.Whole.Instants(zone);
        source = Source(review, "CheckIns", $"""a."SubmittedAt" >= {review.Parameter(t0)} AND a."SubmittedAt" < {review.Parameter(t1)}""");
        var nowMs = review.Parameter(now.ToUnixTimeMilliseconds());
        review.Append(Grouped(InstantGroups(review, slices, "a.\"SubmittedAt\""), source, $"""
            SUM(CASE WHEN a."ReviewedAt" IS NOT NULL OR a."SubmittedAt" + {ReviewWindowMs} <= {nowMs} THEN 1 ELSE 0 END) AS "Due",
            SUM(CASE WHEN a."ReviewedAt" IS NOT NULL AND a."ReviewedAt" - a."SubmittedAt" <= {ReviewWindowMs} THEN 1 ELSE 0 END) AS "OnTime",
            COUNT(DISTINCT a."MemberId") AS "People"
            """));
        foreach (var row in await review.ReadAsync<ReviewRow>(db, ct))
        {
            SetRatio(row.TeamId, row.Bucket, Measure.ReviewRate, row.OnTime, row.Due, row.People);
        }
    }

    /// <summary>Participation week by week: the expected (member, check-in period) pairs of each team's own rhythm.</summary>
    private async Task ParticipationByWeekAsync(Slices slices, IReadOnlyList<(CheckInCadence Cadence, DayOfWeek DueDay)> rhythms,
        DateOnly today, CancellationToken ct)
    {
        var periods = new List<(int Bucket, CheckInCadence Cadence, DayOfWeek DueDay, DateOnly Due, long DueEnd)>();
        foreach (var (cadence, dueDay) in rhythms)
        {
            foreach (var bucket in slices.Buckets().Where(b => b.Key >= 0))
            {
                var last = bucket.Days.To < today ? bucket.Days.To : today.AddDays(-1);
                for (var p = CheckInPeriod.Containing(bucket.Days.From, cadence, dueDay); p.Due <= last; p = p.Next())
                {
                    if (p.Due >= bucket.Days.From)
                    {
                        periods.Add((bucket.Key, cadence, dueDay, p.Due, DayRange.StartOfDay(p.Due.AddDays(1), zone).ToUnixTimeMilliseconds()));
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
            // Weeks partition the period, so the whole period is their roll-up.
            sql.Append($"""
                UNION ALL
                SELECT "TeamId", {sql.Parameter(Bucket.Whole)}, COUNT(*), SUM("s"), COUNT(DISTINCT "PersonId") FROM "E" GROUP BY "TeamId"
                """);
            foreach (var row in await sql.ReadAsync<ParticipationRow>(db, ct))
            {
                SetRatio(row.TeamId, row.Bucket, Measure.Participation, row.Submitted, row.Expected, row.People);
            }
        }
    }

    /// <summary>
    /// Participation over the whole period without listing every (member, period) pair: a rhythm's due dates are every
    /// L days from an anchor A, so the periods a member is expected for, from the later of the period's start and the
    /// day they joined up to the last period that is over, are counted by integer division; their submitted
    /// check-ins are counted from the member's own index range. Day numbers count from the period's first day.
    /// </summary>
    private async Task ParticipationByArithmeticAsync(DayRange whole, IReadOnlyList<(CheckInCadence Cadence, DayOfWeek DueDay)> rhythms,
        DateOnly today, CancellationToken ct)
    {
        var last = whole.To < today ? whole.To : today.AddDays(-1);
        if (rhythms.Count == 0 || last < whole.From)
        {
            return;
        }
        var sql = new SqlText();
        var origin = whole.From;
        var (t0, _) = whole.Instants(zone);
        var (_, lastEnd) = new DayRange(whole.From, last).Instants(zone);
        sql.Append("""WITH "R"("Cadence", "DueDay", "L", "A") AS (VALUES """);
        for (var i = 0; i < rhythms.Count; i++)
        {
            var (cadence, weekday) = rhythms[i];
            var anchor = CheckInPeriod.Containing(origin.AddDays(-15), cadence, weekday);
            sql.Append($"{(i == 0 ? "(" : ", (")}{sql.Parameter(cadence.ToString())}, {sql.Parameter(weekday.ToString())}, {sql.Parameter(anchor.Length)}, {sql.Parameter(anchor.Due.DayNumber - origin.DayNumber)})");
        }
        var offset = OffsetSql(sql, "m.\"Since\"", t0, lastEnd);
        var originEpochDay = origin.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
        var lastDay = sql.Parameter(last.DayNumber - origin.DayNumber);
        var dueDay = DayDifference(sql, "c.\"PeriodDue\"", origin);
        sql.Append($"""
            ), "N" AS (
              SELECT m."TeamId", m."PersonId", r."L", r."A",
                CASE WHEN m."Since" < {sql.Parameter(t0)} THEN 0 ELSE (m."Since" + {offset}) / {DayMs} - {sql.Parameter(originEpochDay)} END AS "lo"
              FROM "Teams" t
              JOIN "R" r ON r."Cadence" = t."CheckInCadence" AND r."DueDay" = t."CheckInDueDay"
              JOIN "Memberships" m ON m."TeamId" = t."Id"
              JOIN "People" p ON p."Id" = m."PersonId"
              WHERE m."Role" = 'Member' AND p."IsActive" AND m."Since" < {sql.Parameter(lastEnd)}
            """);
        sql.TeamFilter("m", teamId, and: true);
        sql.Append($"""
            ), "E" AS (
              SELECT n."TeamId", n."PersonId",
                CASE WHEN {lastDay} >= n."lo" THEN ({lastDay} - n."A") / n."L" - (n."lo" - 1 - n."A") / n."L" ELSE 0 END AS "Expected",
                (SELECT COUNT(*) FROM "CheckIns" c
                 WHERE c."TeamId" = n."TeamId" AND c."MemberId" = n."PersonId" AND c."Status" <> 'Draft'
                   AND c."PeriodDue" >= {sql.Parameter(whole.From)} AND c."PeriodDue" <= {sql.Parameter(last)}
                   AND {dueDay} >= n."lo" AND ({dueDay} - n."A") % n."L" = 0) AS "Submitted"
              FROM "N" n
            )
            SELECT "TeamId", {sql.Parameter(Bucket.Whole)} AS "Bucket", SUM("Expected") AS "Expected", SUM("Submitted") AS "Submitted",
              SUM(CASE WHEN "Expected" > 0 THEN 1 ELSE 0 END) AS "People"
            FROM "E" GROUP BY "TeamId"
            """);
        foreach (var row in await sql.ReadAsync<ParticipationRow>(db, ct))
        {
            if (row.People > 0)
            {
                SetRatio(row.TeamId, row.Bucket, Measure.Participation, row.Submitted, row.Expected, row.People);
            }
        }
    }

    /// <summary>Open blockers are a figure of now, whatever the period: they are stored under the whole-period slice.</summary>
    public async Task BlockersAsync(CancellationToken ct)
    {
        var sql = new SqlText();
        // The first part reads a partial index; the second starts from the few check-ins linked to a request (CROSS JOIN
        // keeps SQLite from starting at every active request instead).
        sql.Append("""
            SELECT x."TeamId" AS "TeamId", COUNT(*) AS "Open", COUNT(DISTINCT x."MemberId") AS "People", MIN(x."SubmittedAt") AS "Oldest"
            FROM (
              SELECT c."Id", c."TeamId", c."MemberId", c."SubmittedAt" FROM "CheckIns" c
              WHERE c."Status" = 'Submitted' AND c."Challenges" <> ''
            """);
        sql.TeamFilter("c", teamId, and: true);
        sql.Append("""
              UNION
              SELECT c."Id", c."TeamId", c."MemberId", c."SubmittedAt" FROM "CheckIns" c
              CROSS JOIN "ServiceRequests" r
              WHERE c."RequestId" IS NOT NULL AND r."Id" = c."RequestId" AND r."Status" IN ('Open', 'Acknowledged')
                AND c."Status" <> 'Draft' AND c."Challenges" <> ''
            """);
        sql.TeamFilter("c", teamId, and: true);
        sql.Append("""
            ) x GROUP BY x."TeamId"
            """);
        var nowMs = now.ToUnixTimeMilliseconds();
        foreach (var row in await sql.ReadAsync<BlockerRow>(db, ct))
        {
            Set(row.TeamId, Bucket.Whole, Measure.OpenBlockers, row.Open, row.People);
            Set(row.TeamId, Bucket.Whole, Measure.OldestBlockerDays, row.Oldest is { } oldest ? (nowMs - oldest) / (double)DayMs : null, row.People);
        }
    }

    public async Task CreditAsync(Slices slices, CancellationToken ct)
    {
        var sql = new SqlText();
        sql.Buckets(slices.Buckets(), zone);
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
        foreach (var row in await sql.ReadAsync<CreditRow>(db, ct))
        {
            SetCount(row.TeamId, row.Bucket, Measure.CreditGiven, row.Given, row.GivenPeople);
            SetCount(row.TeamId, row.Bucket, Measure.CreditReceived, row.Received, row.ReceivedPeople);
        }
    }

    /// <summary>
    /// The rows of one table in range, aliased "a". For one team, an index range on (TeamId, …); for every team, the
    /// same index entered team by team through "Teams", so the rows arrive grouped by team and need no sort.
    /// </summary>
    private string Source(SqlText sql, string table, string range, string? condition = null)
    {
        var where = condition is null ? "" : $" AND {condition}";
        return teamId is { } id
            ? $"""FROM "{table}" a WHERE a."TeamId" = {sql.Parameter(id)} AND {range}{where}"""
            : $"""FROM "Teams" t JOIN "{table}" a ON a."TeamId" = t."Id" AND {range} WHERE 1 = 1{where}""";
    }

    /// <summary>One SELECT per grouping, glued with UNION ALL: the whole period, and the weeks or halves.</summary>
    private static string Grouped(IReadOnlyList<string> groups, string source, string aggregates) =>
        string.Join("\nUNION ALL\n", groups.Select(g => g == WholeGroup
            ? $"""SELECT a."TeamId" AS "TeamId", {g} AS "Bucket", {aggregates} {source} GROUP BY a."TeamId" """
            : $"""SELECT a."TeamId" AS "TeamId", {g} AS "Bucket", {aggregates} {source} GROUP BY a."TeamId", {g}"""));

    private const string WholeGroup = "-1";

    /// <summary>The slice keys for rows stamped with an instant: -1, and the 0-based week of its local day.</summary>
    private List<string> InstantGroups(SqlText sql, Slices slices, string column)
    {
        var groups = new List<string> { WholeGroup };
        if (slices.Weekly)
        {
            // Local wall-clock milliseconds = UTC + the zone's offset at that instant.
            var (t0, t1) = slices.Whole.Instants(zone);
            var offset = OffsetSql(sql, column, t0, t1);
            var origin = new DateTimeOffset(slices.WeekOrigin.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
            groups.Add($"(({column} + {offset} - {sql.Parameter(origin)}) / {WeekMs})");
        }
        return groups;
    }

    /// <summary>
    /// The zone's offset in milliseconds at the instant in <paramref name="column"/>, for instants in [from, to): it
    /// changes only at daylight-saving transitions, listed as a CASE.
    /// </summary>
    private string OffsetSql(SqlText sql, string column, long fromMs, long toMs)
    {
        var transitions = Transitions(fromMs, toMs);
        if (transitions.Count == 1)
        {
            return sql.Parameter(transitions[0].OffsetMs);
        }
        var offset = new StringBuilder("(CASE");
        for (var i = 1; i < transitions.Count; i++)
        {
            offset.Append($" WHEN {column} < {sql.Parameter(transitions[i].FromMs)} THEN {sql.Parameter(transitions[i - 1].OffsetMs)}");
        }
        return offset.Append($" ELSE {sql.Parameter(transitions[^1].OffsetMs)} END)").ToString();
    }

    /// <summary>The slice keys for rows stamped with a date: -1, the 0-based week, and -2/-3 for the halves.</summary>
    private List<string> DateGroups(SqlText sql, Slices slices, string column, bool halves)
    {
        var groups = new List<string> { WholeGroup };
        if (slices.Weekly)
        {
            groups.Add($"({DayDifference(sql, column, slices.WeekOrigin)} / 7)");
        }
        if (halves)
        {
            groups.Add($"(CASE WHEN {column} <= {sql.Parameter(slices.FirstHalf.To)} THEN {Bucket.FirstHalf} ELSE {Bucket.SecondHalf} END)");
        }
        return groups;
    }

    /// <summary>Whole days from <paramref name="origin"/> to the date in <paramref name="column"/>.</summary>
    private string DayDifference(SqlText sql, string column, DateOnly origin) => db.Database.IsSqlite()
        ? $"(CAST(julianday({column}) AS INTEGER) - CAST(julianday({sql.Parameter(origin)}) AS INTEGER))"
        : $"({column} - {sql.Parameter(origin)})";

    /// <summary>The zone's offset from <paramref name="fromMs"/> on, and each change of it before <paramref name="toMs"/>.</summary>
    private List<(long FromMs, long OffsetMs)> Transitions(long fromMs, long toMs)
    {
        long OffsetAt(long ms) => (long)zone.GetUtcOffset(DateTimeOffset.FromUnixTimeMilliseconds(ms)).TotalMilliseconds;
        var result = new List<(long, long)> { (fromMs, OffsetAt(fromMs)) };
        // Offsets change at most a few times a year and never twice in six hours: step by hours, then narrow down.
        const long Step = 6 * 3_600_000L;
        for (var at = fromMs; at < toMs; at += Step)
        {
            var next = Math.Min(at + Step, toMs);
            if (OffsetAt(next) == OffsetAt(at))
            {
                continue;
            }
            var (low, high) = (at, next);
            while (high - low > 1)
            {
                var mid = low + (high - low) / 2;
                (low, high) = OffsetAt(mid) == OffsetAt(at) ? (mid, high) : (low, mid);
            }
            result.Add((high, OffsetAt(high)));
        }
        return result;
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

        /// <summary>
        /// Runs the statement on the context's connection and maps each column to the row type's property of the same
        /// name. Plain ADO.NET: these statements are already as specific as SQL gets, and EF's per-query overhead
        /// was most of a small dashboard's time.
        /// </summary>
        public async Task<List<T>> ReadAsync<T>(ServantLeaderDb db, CancellationToken ct) where T : new()
        {
            var connection = db.Database.GetDbConnection();
            if (connection.State != System.Data.ConnectionState.Open)
            {
                await db.Database.OpenConnectionAsync(ct);
            }
            await using var command = connection.CreateCommand();
            var text = _text.ToString();
            for (var i = _args.Count - 1; i >= 0; i--)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
                parameter.Value = _args[i];
                command.Parameters.Add(parameter);
                text = text.Replace("{" + i.ToString(CultureInfo.InvariantCulture) + "}", parameter.ParameterName, StringComparison.Ordinal);
            }
            command.CommandText = text;
            var sw = System.Diagnostics.Stopwatch.StartNew();
            await using var reader = await command.ExecuteReaderAsync(ct);
            var setters = RowMap<T>.For(reader);
            var rows = new List<T>();
            while (await reader.ReadAsync(ct))
            {
                var row = new T();
                foreach (var set in setters)
                {
                    set(reader, row);
                }
                rows.Add(row);
            }
            if (Environment.GetEnvironmentVariable("DASH_PROFILE") == "1") Console.WriteLine($"    {sw.Elapsed.TotalMilliseconds:0.00} ms {rows.Count} rows {text.Replace("\n", " ")[..Math.Min(90, text.Length)]}");
            return rows;
        }
    }
}
