using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;

namespace ServantLeader.Domain.Dashboard;

/// <summary>
/// The growth figures' statements, one team or every team, per slice: the whole period (or HR's kept weeks) and each
/// week. Every slice is a row of the "B" list (team, key, first and last day, the instants they cover, and the start
/// of the 90 days that keep a plan alive), so facts stamped with a day and with an instant are sliced alike.
/// "The team's members" is the same everywhere: role Member, person active now, membership begun before the slice's
/// end. Someone in two teams counts in both; a leader counts only where they are also a member. Peer requests never
/// count: no statement reads them.
/// </summary>
internal static class GrowthFigures
{
    /// <summary>Any team, in the "B" list's team column.</summary>
    private const int AnyTeam = -1;

    private const string IsMember = """m."Role" = 'Member' AND p."IsActive" AND m."Since" < b."t1" """;

    /// <summary>
    /// Every growth figure family, each read on its own connection (<see cref="ParallelReads"/>); the families compute
    /// disjoint measures, so their cells together are every figure's.
    /// </summary>
    public static async Task<GrowthCells> ReadAsync(ParallelReads reads, Func<ServantLeaderDb, FigureScope> scope, Slices slices, CancellationToken ct)
    {
        var buckets = slices.Buckets().Select(b => (AnyTeam, b)).ToList();
        GrowthCells[] families = await Task.WhenAll(
            reads.Run(async db =>
            {
                var cells = new GrowthCells();
                await MembersAsync(scope(db), buckets, cells, servantsOnly: false, ct);
                if (slices.WeekRule)
                {
                    await ServantsFromWholeWeeksAsync(scope(db), slices, cells, ct);
                }
                return cells;
            }),
            reads.Run(db => FactsAsync(scope(db), buckets, ct)),
            reads.Run(db => GoalsMovedForwardAsync(scope(db), buckets, ct)),
            reads.Run(db => SupportAsync(scope(db), slices, ct)));
        return GrowthCells.Of(families);
    }

    /// <summary>Members per slice; of them, plans kept alive and servants grown.</summary>
    private static async Task MembersAsync(FigureScope scope, IReadOnlyList<(int Team, Bucket Bucket)> buckets, GrowthCells cells,
        bool servantsOnly, CancellationToken ct)
    {
        var sql = Slices(scope, buckets);
        sql.Append($"""
            SELECT m."TeamId" AS "TeamId", b."b" AS "Bucket", COUNT(*) AS "Members",
              SUM(CASE WHEN EXISTS (
                SELECT 1 FROM "GrowthPlanEdits" e WHERE e."PersonId" = m."PersonId" AND e."At" >= b."a0" AND e."At" < b."t1"
              ) THEN 1 ELSE 0 END) AS "Alive",
              SUM(CASE WHEN EXISTS (
                SELECT 1 FROM "PeerSupport" s
                WHERE s."GiverId" = m."PersonId" AND s."ConfirmedAt" IS NOT NULL AND s."Date" >= b."d0" AND s."Date" <= b."d1"
              ) OR EXISTS (
                SELECT 1 FROM "MentoringPairs" x
                WHERE x."MentorId" = m."PersonId" AND x."Status" IN ('Active', 'Ended') AND x."StartedAt" < b."t1"
                  AND (x."EndedAt" IS NULL OR x."EndedAt" >= b."t0")
              ) THEN 1 ELSE 0 END) AS "Servants"
            FROM "Memberships" m
            JOIN "People" p ON p."Id" = m."PersonId"
            JOIN "B" b ON (b."team" = {AnyTeam} OR b."team" = m."TeamId") AND m."Since" < b."t1"
            WHERE {IsMember}
            """);
        sql.TeamFilter("m", scope.TeamId, and: true);
        sql.Append(""" GROUP BY m."TeamId", b."b" """);
        foreach (var row in await sql.ReadAsync<MembersRow>(scope.Db, ct))
        {
            cells.Ratio(row.TeamId, row.Bucket, GrowthMeasure.ServantsGrown, row.Servants, row.Members, row.Members);
            if (!servantsOnly)
            {
                cells.Ratio(row.TeamId, row.Bucket, GrowthMeasure.PlansKeptAlive, row.Alive, row.Members, row.Members);
            }
        }
    }

    /// <summary>Goals achieved, goals set aside and skills moved up: facts of a member, stamped with an instant.</summary>
    private static async Task<GrowthCells> FactsAsync(FigureScope scope, IReadOnlyList<(int Team, Bucket Bucket)> buckets, CancellationToken ct)
    {
        var cells = new GrowthCells();
        var sql = Slices(scope, buckets);
        var whole = buckets.First(b => b.Bucket.Key == Bucket.Whole).Bucket.Days.Instants(scope.Zone);
        var (t0, t1) = (sql.Parameter(whole.StartMs), sql.Parameter(whole.EndMs));
        // A first confirmation (no level before it) is where a skill starts, not a move up.
        sql.Append($"""
            , "F"("PersonId", "At", "Kind") AS (
              SELECT g."PersonId", g."AchievedAt", 0 FROM "GrowthGoals" g
              WHERE g."AchievedAt" >= {t0} AND g."AchievedAt" < {t1} AND g."State" = 'Achieved'
              UNION ALL
              SELECT g."PersonId", g."SetAsideAt", 1 FROM "GrowthGoals" g
              WHERE g."SetAsideAt" >= {t0} AND g."SetAsideAt" < {t1} AND g."State" = 'SetAside'
              UNION ALL
              SELECT c."PersonId", c."At", 2 FROM "SkillLevelChanges" c
              WHERE c."At" >= {t0} AND c."At" < {t1} AND c."FromLevel" IS NOT NULL AND c."ToLevel" > c."FromLevel"
            )
            SELECT m."TeamId" AS "TeamId", b."b" AS "Bucket",
              SUM(CASE WHEN f."Kind" = 0 THEN 1 ELSE 0 END) AS "Achieved", COUNT(DISTINCT CASE WHEN f."Kind" = 0 THEN f."PersonId" END) AS "AchievedPeople",
              SUM(CASE WHEN f."Kind" = 1 THEN 1 ELSE 0 END) AS "SetAside", COUNT(DISTINCT CASE WHEN f."Kind" = 1 THEN f."PersonId" END) AS "SetAsidePeople",
              SUM(CASE WHEN f."Kind" = 2 THEN 1 ELSE 0 END) AS "MovedUp", COUNT(DISTINCT CASE WHEN f."Kind" = 2 THEN f."PersonId" END) AS "MovedUpPeople"
            FROM "F" f
            JOIN "B" b ON f."At" >= b."t0" AND f."At" < b."t1"
            JOIN "Memberships" m ON m."PersonId" = f."PersonId"
            JOIN "People" p ON p."Id" = m."PersonId"
            WHERE {IsMember}
            """);
        sql.TeamFilter("m", scope.TeamId, and: true);
        sql.Append(""" GROUP BY m."TeamId", b."b" """);
        foreach (var row in await sql.ReadAsync<FactsRow>(scope.Db, ct))
        {
            cells.Count(row.TeamId, row.Bucket, GrowthMeasure.GoalsAchieved, row.Achieved, row.AchievedPeople);
            cells.Count(row.TeamId, row.Bucket, GrowthMeasure.GoalsSetAside, row.SetAside, row.SetAsidePeople);
            cells.Count(row.TeamId, row.Bucket, GrowthMeasure.SkillsMovedUp, row.MovedUp, row.MovedUpPeople);
        }
        return cells;
    }

    /// <summary>Goal moves in the team's submitted check-ins, by the day the check-in period is due.</summary>
    private static async Task<GrowthCells> GoalsMovedForwardAsync(FigureScope scope, IReadOnlyList<(int Team, Bucket Bucket)> buckets, CancellationToken ct)
    {
        var cells = new GrowthCells();
        var sql = Slices(scope, buckets);
        sql.Append($"""
            SELECT c."TeamId" AS "TeamId", b."b" AS "Bucket", COUNT(*) AS "Moved", COUNT(DISTINCT c."MemberId") AS "People"
            FROM "GoalProgress" g
            JOIN "CheckIns" c ON c."Id" = g."CheckInId"
            JOIN "B" b ON c."PeriodDue" >= b."d0" AND c."PeriodDue" <= b."d1"
            JOIN "Memberships" m ON m."TeamId" = c."TeamId" AND m."PersonId" = c."MemberId"
            JOIN "People" p ON p."Id" = m."PersonId"
            WHERE g."Movement" = 'MovedForward' AND c."Status" IN ('Submitted', 'Reviewed') AND {IsMember}
            """);
        sql.TeamFilter("c", scope.TeamId, and: true);
        sql.Append(""" GROUP BY c."TeamId", b."b" """);
        foreach (var row in await sql.ReadAsync<CountRow>(scope.Db, ct))
        {
            cells.Count(row.TeamId, row.Bucket, GrowthMeasure.GoalsMovedForward, row.Moved, row.People);
        }
        return cells;
    }

    /// <summary>
    /// Support tied to growth: a goal behind it, or a kind that is growth by nature (<c>SupportCategory.IsGrowth</c>).
    /// The hours rest on the members who got such support; the share, like the proactive share, on everyone supported.
    /// </summary>
    private static async Task<GrowthCells> SupportAsync(FigureScope scope, Slices slices, CancellationToken ct)
    {
        var cells = new GrowthCells();
        var sql = new SqlText();
        const string Growth = """(a."GoalId" IS NOT NULL OR a."Category" IN ('Training', 'Mentoring', 'StretchOpportunity'))""";
        var source = scope.Source(sql, "SupportEntries", $"""a."Date" >= {sql.Parameter(slices.Whole.From)} AND a."Date" <= {sql.Parameter(slices.Whole.To)}""");
        sql.Append(FigureScope.Grouped(scope.DateGroups(sql, slices, "a.\"Date\"", halves: false), source, $"""
            SUM(a."Minutes") AS "Minutes", COUNT(DISTINCT a."MemberId") AS "People",
            SUM(CASE WHEN {Growth} THEN a."Minutes" ELSE 0 END) AS "GrowthMinutes",
            COUNT(DISTINCT CASE WHEN {Growth} THEN a."MemberId" END) AS "GrowthPeople"
            """));
        foreach (var row in await sql.ReadAsync<TiedSupportRow>(scope.Db, ct))
        {
            cells.Count(row.TeamId, row.Bucket, GrowthMeasure.GrowthSupportHours, row.GrowthMinutes / 60.0, row.GrowthPeople);
            cells.Ratio(row.TeamId, row.Bucket, GrowthMeasure.GrowthSupportShare, row.GrowthMinutes, row.Minutes, row.People);
        }
        return cells;
    }

    /// <summary>
    /// HR's servants grown counts only the weeks with at least 3 members. A team's member count only grows week by
    /// week, so those weeks run from the first such week to the end: a team that reached 3 members during the period
    /// is counted again from that week, so that nobody's help before then enters HR's figure.
    /// </summary>
    private static async Task ServantsFromWholeWeeksAsync(FigureScope scope, Slices slices, GrowthCells cells, CancellationToken ct)
    {
        var weeks = slices.Whole.Weeks();
        var recount = new List<(int Team, Bucket Bucket)>();
        foreach (var team in cells.Teams.ToList())
        {
            var members = weeks.Select((_, i) => cells.For(team, i).TryGetValue(GrowthMeasure.ServantsGrown, out var c) ? c.People : 0).ToList();
            var first = members.FindIndex(n => n >= GroupSize.Minimum);
            if (first > 0)
            {
                recount.Add((team, new Bucket(Bucket.Whole, new DayRange(weeks[first].From, slices.Whole.To))));
            }
        }
        if (recount.Count > 0)
        {
            await MembersAsync(scope, recount, cells, servantsOnly: true, ct);
        }
    }

    /// <summary>The "B" list: per slice its team (or any), key, days, the instants they cover and the 90 days before its end.</summary>
    private static SqlText Slices(FigureScope scope, IReadOnlyList<(int Team, Bucket Bucket)> buckets)
    {
        var sql = new SqlText();
        var values = buckets.Select(x =>
        {
            var (t0, t1) = x.Bucket.Days.Instants(scope.Zone);
            var (a0, _) = new DayRange(x.Bucket.Days.To.AddDays(1 - GrowthMeasures.AliveDays), x.Bucket.Days.To).Instants(scope.Zone);
            return $"({sql.Parameter(x.Team)}, {sql.Parameter(x.Bucket.Key)}, {sql.Parameter(x.Bucket.Days.From)}, {sql.Parameter(x.Bucket.Days.To)}, "
                + $"{sql.Parameter(t0)}, {sql.Parameter(t1)}, {sql.Parameter(a0)})";
        });
        sql.Append($"""WITH "B"("team", "b", "d0", "d1", "t0", "t1", "a0") AS (VALUES {string.Join(", ", values)})""");
        return sql;
    }

    private sealed class MembersRow
    {
        public int TeamId { get; set; }
        public int Bucket { get; set; }
        public long Members { get; set; }
        public long Alive { get; set; }
        public long Servants { get; set; }
    }

    private sealed class FactsRow
    {
        public int TeamId { get; set; }
        public int Bucket { get; set; }
        public long Achieved { get; set; }
        public long AchievedPeople { get; set; }
        public long SetAside { get; set; }
        public long SetAsidePeople { get; set; }
        public long MovedUp { get; set; }
        public long MovedUpPeople { get; set; }
    }

    private sealed class CountRow
    {
        public int TeamId { get; set; }
        public int Bucket { get; set; }
        public long Moved { get; set; }
        public long People { get; set; }
    }

    private sealed class TiedSupportRow
    {
        public int TeamId { get; set; }
        public int Bucket { get; set; }
        public long Minutes { get; set; }
        public long People { get; set; }
        public long GrowthMinutes { get; set; }
        public long GrowthPeople { get; set; }
    }
}
