using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
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
            .Select(t => new
            {
                t.Id, t.Name, t.CheckInCadence, t.CheckInDueDay,
                Members = t.Memberships.Count(m => m.Role == TeamRole.Member && m.Person.IsActive),
            })
            .ToListAsync(ct);
        var result = new List<CheckInParticipation>();
        foreach (var team in teams)
        {
            var period = CheckInPeriod.Open(today, team.CheckInCadence, team.CheckInDueDay);
            var oldest = period;
            for (var i = 1; i < Math.Clamp(periods, 1, 52); i++)
            {
                oldest = oldest.Previous();
            }
            var figures = await db.CheckIns
                .Where(c => c.TeamId == team.Id && c.Status != CheckInStatus.Draft && c.PeriodDue >= oldest.Due && c.PeriodDue <= period.Due)
                .GroupBy(c => c.PeriodDue)
                .Select(g => new { Due = g.Key, Submitted = g.Count(), Pulses = g.Count(c => c.Pulse != null), MeanPulse = g.Average(c => (double?)c.Pulse) })
                .ToDictionaryAsync(f => f.Due, ct);
            for (var p = period; p.Due >= oldest.Due; p = p.Previous())
            {
                figures.TryGetValue(p.Due, out var f);
                var enoughMembers = team.Members >= GroupSize.Minimum;
                var submitted = f?.Submitted ?? 0;
                result.Add(new CheckInParticipation(team.Id, team.Name, p, team.Members,
                    enoughMembers ? submitted : null,
                    enoughMembers ? (double)submitted / team.Members : null,
                    enoughMembers && f is { Pulses: >= GroupSize.Minimum } ? f.MeanPulse : null));
            }
        }
        return result;
    }
}
