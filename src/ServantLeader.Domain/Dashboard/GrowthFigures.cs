using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;

namespace ServantLeader.Domain.Dashboard;

/// <summary>
/// The growth figures' statements, one team or every team, per slice: the whole period (or HR's kept weeks) and each
/// week. Every slice is a row of the "B" list (team, key, first and last day, the instants they cover, and the start
/// of the 90 days that keep a plan alive), so facts stamped with a day and with an instant are sliced alike.
/// "The team's members" is the same everywhere: people with a membership of role Member that overlapped the slice
/// (<see cref="TeamAsItWas"/>), each once; for plans kept alive, a figure of the slice's end, those whose membership
/// overlapped its last day. Someone in two teams counts in both; a leader counts only where they are also a member.
/// Peer requests never count: no statement reads them.
/// </summary>
internal static class GrowthFigures
{
    /// <summary>Any team, in the "B" list's team column.</summary>
    private const int AnyTeam = -1;

    /// <summary>
    /// The "X" list: each (team, member, slice key) once, for the members whose membership overlapped one of the
    /// slice's rows in "B" (HR's recount lists a slice as several weeks under one key).
    /// </summary>
    private static void MembersOfSlices(FigureScope scope, SqlText sql)
    {
        sql.Append($"""
            , "X" AS (
              SELECT DISTINCT m."TeamId", m."PersonId", b."b"
              FROM "Memberships" m
              JOIN "B" b ON (b."team" = {AnyTeam} OR b."team" = m."TeamId") AND {TeamAsItWas.Overlaps("m", "b.\"t0\"", "b.\"t1\"")}
              WHERE m."Role" = 'Member'
            """);
        sql.TeamFilter("m", scope.TeamId, and: true);
        sql.Append(")");
    }

    /// <summary>SQL: "B" rows of the slice key and team of the "X" row <c>x</c>.</summary>
    private const string SliceOfX = $"""w."b" = x."b" AND (w."team" = {AnyTeamText} OR w."team" = x."TeamId")""";

    private const string AnyTeamText = "-1";

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
        MembersOfSlices(scope, sql);
        // Plans kept alive is a figure of the slice's end: its members are those in the team on the slice's last day.
        sql.Append($"""
            , "Y" AS (
              SELECT x."TeamId", x."b",
                CASE WHEN EXISTS (
                  SELECT 1 FROM "B" w JOIN "Memberships" m ON m."TeamId" = x."TeamId" AND m."PersonId" = x."PersonId" AND m."Role" = 'Member'
                  WHERE {SliceOfX} AND {TeamAsItWas.Overlaps("m", "w.\"e0\"", "w.\"t1\"")}
                ) THEN 1 ELSE 0 END AS "AtEnd",
                CASE WHEN EXISTS (
                  SELECT 1 FROM "B" w JOIN "GrowthPlanEdits" e ON e."PersonId" = x."PersonId" AND e."At" >= w."a0" AND e."At" < w."t1"
                  WHERE {SliceOfX}
                ) THEN 1 ELSE 0 END AS "Edited",
                CASE WHEN EXISTS (
                  SELECT 1 FROM "B" w JOIN "PeerSupport" s ON s."GiverId" = x."PersonId" AND s."ConfirmedAt" IS NOT NULL
                    AND s."Date" >= w."d0" AND s."Date" <= w."d1"
                  WHERE {SliceOfX}
                ) OR EXISTS (
                  SELECT 1 FROM "B" w JOIN "MentoringPairs" p ON p."MentorId" = x."PersonId" AND p."Status" IN ('Active', 'Ended')
                    AND p."StartedAt" < w."t1" AND (p."EndedAt" IS NULL OR p."EndedAt" >= w."t0")
                  WHERE {SliceOfX}
                ) THEN 1 ELSE 0 END AS "Servant"
              FROM "X" x
            )
            SELECT "TeamId", "b" AS "Bucket", COUNT(*) AS "Members", SUM("AtEnd") AS "EndMembers",
              SUM(CASE WHEN "AtEnd" = 1 AND "Edited" = 1 THEN 1 ELSE 0 END) AS "Alive", SUM("Servant") AS "Servants"
            FROM "Y" GROUP BY "TeamId", "b"
            """);
        foreach (var row in await sql.ReadAsync<MembersRow>(scope.Db, ct))
        {
            cells.Ratio(row.TeamId, row.Bucket, GrowthMeasure.ServantsGrown, row.Servants, row.Members, row.Members);
            if (!servantsOnly)
            {
                cells.Ratio(row.TeamId, row.Bucket, GrowthMeasure.PlansKeptAlive, row.Alive, row.EndMembers, row.EndMembers);
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
        MembersOfSlices(scope, sql);
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
            SELECT x."TeamId" AS "TeamId", b."b" AS "Bucket",
              SUM(CASE WHEN f."Kind" = 0 THEN 1 ELSE 0 END) AS "Achieved", COUNT(DISTINCT CASE WHEN f."Kind" = 0 THEN f."PersonId" END) AS "AchievedPeople",
              SUM(CASE WHEN f."Kind" = 1 THEN 1 ELSE 0 END) AS "SetAside", COUNT(DISTINCT CASE WHEN f."Kind" = 1 THEN f."PersonId" END) AS "SetAsidePeople",
              SUM(CASE WHEN f."Kind" = 2 THEN 1 ELSE 0 END) AS "MovedUp", COUNT(DISTINCT CASE WHEN f."Kind" = 2 THEN f."PersonId" END) AS "MovedUpPeople"
            FROM "F" f
            JOIN "B" b ON f."At" >= b."t0" AND f."At" < b."t1"
            JOIN "X" x ON x."PersonId" = f."PersonId" AND x."b" = b."b"
            GROUP BY x."TeamId", b."b"
            """);
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
        MembersOfSlices(scope, sql);
        sql.Append($"""
            SELECT c."TeamId" AS "TeamId", b."b" AS "Bucket", COUNT(*) AS "Moved", COUNT(DISTINCT c."MemberId") AS "People"
            FROM "GoalProgress" g
            JOIN "CheckIns" c ON c."Id" = g."CheckInId"
            JOIN "B" b ON c."PeriodDue" >= b."d0" AND c."PeriodDue" <= b."d1"
            JOIN "X" x ON x."TeamId" = c."TeamId" AND x."PersonId" = c."MemberId" AND x."b" = b."b"
            WHERE g."Movement" = 'MovedForward' AND c."Status" IN ('Submitted', 'Reviewed')
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
    /// HR's servants grown is the leader's rule over the kept weeks only (weeks in which the team had at least 3
    /// members), so that nobody's help in a left-out week enters HR's figure. Teams grow and shrink, so the kept weeks
    /// need not be a run: a team with a week left out (or without members) is counted again over its kept weeks, listed
    /// one by one under the whole period's key.
    /// </summary>
    private static async Task ServantsFromWholeWeeksAsync(FigureScope scope, Slices slices, GrowthCells cells, CancellationToken ct)
    {
        var weeks = slices.Whole.Weeks();
        var recount = new List<(int Team, Bucket Bucket)>();
        foreach (var team in cells.Teams.ToList())
        {
            var kept = weeks.Where((_, i) => cells.For(team, i).TryGetValue(GrowthMeasure.ServantsGrown, out var c) && c.People >= GroupSize.Minimum).ToList();
            if (kept.Count > 0 && kept.Count < weeks.Count)
            {
                recount.AddRange(kept.Select(week => (team, new Bucket(Bucket.Whole, week))));
            }
        }
        if (recount.Count > 0)
        {
            await MembersAsync(scope, recount, cells, servantsOnly: true, ct);
        }
    }

    /// <summary>
    /// The "B" list: per slice its team (or any), key, days, the instants they cover, the 90 days before its end and the
    /// start of its last day.
    /// </summary>
    private static SqlText Slices(FigureScope scope, IReadOnlyList<(int Team, Bucket Bucket)> buckets)
    {
        var sql = new SqlText();
        var values = buckets.Select(x =>
        {
            var (t0, t1) = x.Bucket.Days.Instants(scope.Zone);
            var (a0, _) = new DayRange(x.Bucket.Days.To.AddDays(1 - GrowthMeasures.AliveDays), x.Bucket.Days.To).Instants(scope.Zone);
            var (e0, _) = new DayRange(x.Bucket.Days.To, x.Bucket.Days.To).Instants(scope.Zone);
            return $"({sql.Parameter(x.Team)}, {sql.Parameter(x.Bucket.Key)}, {sql.Parameter(x.Bucket.Days.From)}, {sql.Parameter(x.Bucket.Days.To)}, "
                + $"{sql.Parameter(t0)}, {sql.Parameter(t1)}, {sql.Parameter(a0)}, {sql.Parameter(e0)})";
        });
        sql.Append($"""WITH "B"("team", "b", "d0", "d1", "t0", "t1", "a0", "e0") AS (VALUES {string.Join(", ", values)})""");
        return sql;
    }

    private sealed class MembersRow
    {
        public int TeamId { get; set; }
        public int Bucket { get; set; }
        public long Members { get; set; }
        public long EndMembers { get; set; }
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
