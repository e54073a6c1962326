using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Dashboard;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.CheckIns;

/// <summary>
/// HR's view of check-ins across teams: participation and pulse only as aggregates of at least
/// <see cref="GroupSize.Minimum"/> people, never a person's check-in.
/// </summary>
public sealed class CheckInParticipationReport(IDbContextFactory<ServantLeaderDb> dbs, TimeProvider time)
{
    /// <summary>
    /// Participation and mean pulse per team for the last <paramref name="periods"/> periods, for HR.
    /// Aggregated in the database; figures from fewer than <see cref="GroupSize.Minimum"/> people are withheld.
    /// </summary>
    public async Task<IReadOnlyList<CheckInParticipation>> ParticipationAsync(Actor actor, int periods, CancellationToken ct)
    {
        if (!actor.IsHr)
        {
            throw new ActionNotAllowedException("Only HR sees check-in participation across teams.");
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        var today = time.Today();
        var teams = await db.Teams.OrderBy(t => t.Name)
            .Select(t => new { t.Id, t.Name, t.CheckInCadence, t.CheckInDueDay })
            .ToListAsync(ct);
        var result = new List<CheckInParticipation>();
        foreach (var team in teams)
        {
            var period = CheckInPeriod.Open(today, team.CheckInCadence, team.CheckInDueDay);
            var all = new List<CheckInPeriod> { period };
            for (var i = 1; i < Math.Clamp(periods, 1, 52); i++)
            {
                all.Add(all[^1].Previous());
            }
            var oldest = all[^1];
            var expected = await ExpectedAsync(db, team.Id, all, time.LocalTimeZone, ct);
            var figures = await db.CheckIns
                .Where(c => c.TeamId == team.Id && c.Status != CheckInStatus.Draft && c.PeriodDue >= oldest.Due && c.PeriodDue <= period.Due)
                .GroupBy(c => c.PeriodDue)
                .Select(g => new { Due = g.Key, Pulses = g.Count(c => c.Pulse != null), MeanPulse = g.Average(c => (double?)c.Pulse) })
                .ToDictionaryAsync(f => f.Due, ct);
            foreach (var p in all)
            {
                figures.TryGetValue(p.Due, out var f);
                var (members, submitted) = expected.GetValueOrDefault(p.Due);
                var enoughMembers = members >= GroupSize.Minimum;
                result.Add(new CheckInParticipation(team.Id, team.Name, p, members,
                    enoughMembers ? submitted : null,
                    enoughMembers ? (double)submitted / members : null,
                    enoughMembers && f is { Pulses: >= GroupSize.Minimum } ? f.MeanPulse : null));
            }
        }
        return result;
    }

    /// <summary>
    /// Per period, the members expected to check in (a membership of role Member overlapped its due day, in the
    /// organisation's zone: not before they joined, and still after they left for the periods due while they were in
    /// the team) and how many of them submitted (docs/metrics.md, "The team as it was").
    /// </summary>
    private static async Task<Dictionary<DateOnly, (int Members, int Submitted)>> ExpectedAsync(ServantLeaderDb db, int teamId,
        IReadOnlyList<CheckInPeriod> periods, TimeZoneInfo zone, CancellationToken ct)
    {
        var sql = new SqlText();
        var values = periods.Select((p, i) =>
        {
            var (t0, t1) = new DayRange(p.Due, p.Due).Instants(zone);
            return $"({sql.Parameter(i)}, {sql.Parameter(p.Due)}, {sql.Parameter(t0)}, {sql.Parameter(t1)})";
        }).ToList();
        var team = sql.Parameter(teamId);
        sql.Append($"""
            WITH "Q"("i", "Due", "t0", "t1") AS (VALUES {string.Join(", ", values)})
            SELECT q."i" AS "Index", COUNT(DISTINCT m."PersonId") AS "Members",
              COUNT(DISTINCT CASE WHEN EXISTS (
                SELECT 1 FROM "CheckIns" c
                WHERE c."TeamId" = m."TeamId" AND c."MemberId" = m."PersonId" AND c."PeriodDue" = q."Due" AND c."Status" <> 'Draft'
              ) THEN m."PersonId" END) AS "Submitted"
            FROM "Q" q
            JOIN "Memberships" m ON m."TeamId" = {team} AND m."Role" = 'Member' AND {TeamAsItWas.Overlaps("m", "q.\"t0\"", "q.\"t1\"")}
            GROUP BY q."i"
            """);
        return (await sql.ReadAsync<ExpectedRow>(db, ct)).ToDictionary(r => periods[(int)r.Index].Due, r => ((int)r.Members, (int)r.Submitted));
    }

    private sealed class ExpectedRow
    {
        public long Index { get; set; }
        public long Members { get; set; }
        public long Submitted { get; set; }
    }
}
