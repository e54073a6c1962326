using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Data;

namespace ServantLeader.Domain.Teams;

/// <summary>
/// The membership facts every access rule is built from. Each is one query against the current
/// memberships, never a cached role, so a change of team takes effect on the next click.
/// </summary>
internal static class TeamAccess
{
    public static Task<bool> LeadsTeamAsync(this ServantLeaderDb db, int personId, int teamId, CancellationToken ct) =>
        db.Memberships.AnyAsync(m => m.PersonId == personId && m.TeamId == teamId && m.Role == TeamRole.Leader
            && m.Person.IsActive, ct);

    public static Task<bool> IsMemberOfTeamAsync(this ServantLeaderDb db, int personId, int teamId, CancellationToken ct) =>
        db.Memberships.AnyAsync(m => m.PersonId == personId && m.TeamId == teamId && m.Role == TeamRole.Member
            && m.Person.IsActive, ct);

    public static IQueryable<int> TeamsLedBy(this ServantLeaderDb db, int personId) =>
        db.Memberships.Where(m => m.PersonId == personId && m.Role == TeamRole.Leader).Select(m => m.TeamId);
}
