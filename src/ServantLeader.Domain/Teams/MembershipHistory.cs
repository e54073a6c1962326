using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Data;

namespace ServantLeader.Domain.Teams;

/// <summary>
/// How memberships change without rewriting the past: a membership is ended, never deleted, and a new role or a return
/// opens a new one from now. So a figure for a past period still finds the team as it was then (docs/metrics.md,
/// "The team as it was"). Every writer (the Admin team pages, deactivation and reactivation, the org-chart import) goes
/// through here. The caller saves.
/// </summary>
internal static class MembershipHistory
{
    /// <summary>
    /// Ends <paramref name="current"/> and opens a membership with <paramref name="role"/> from the same instant. The end is
    /// saved first: the unique index on current memberships allows one current row per person and team at any moment.
    /// </summary>
    public static async Task ChangeRoleAsync(ServantLeaderDb db, Membership current, TeamRole role, DateTimeOffset now, CancellationToken ct)
    {
        current.End(now, MembershipEnd.RoleChanged);
        await db.SaveChangesAsync(ct);
        db.Memberships.Add(new Membership(current.TeamId, current.PersonId, role, now));
    }

    /// <summary>Ends every current membership of a person who is deactivated.</summary>
    public static async Task EndForDeactivationAsync(ServantLeaderDb db, int personId, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var membership in await db.Memberships.Where(m => m.PersonId == personId).ToListAsync(ct))
        {
            membership.End(now, MembershipEnd.Deactivated);
        }
    }

    /// <summary>
    /// Opens again, from now and with the same role, each membership of a reactivated person whose latest membership in
    /// that team was ended by deactivation, unless they are in that team already. Teams they had left before stay left.
    /// </summary>
    public static async Task ReopenAfterDeactivationAsync(ServantLeaderDb db, int personId, DateTimeOffset now, CancellationToken ct)
    {
        var history = await db.Memberships.IgnoreQueryFilters()
            .Where(m => m.PersonId == personId)
            .Select(m => new { m.TeamId, m.Role, m.Until, m.EndedBecause, m.Id })
            .ToListAsync(ct);
        foreach (var team in history.GroupBy(m => m.TeamId))
        {
            if (team.Any(m => m.Until is null))
            {
                continue;
            }
            var latest = team.OrderByDescending(m => m.Until).ThenByDescending(m => m.Id).First();
            if (latest.EndedBecause == MembershipEnd.Deactivated)
            {
                db.Memberships.Add(new Membership(team.Key, personId, latest.Role, now));
            }
        }
    }
}
