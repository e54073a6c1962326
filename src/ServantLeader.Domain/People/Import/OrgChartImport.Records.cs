using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Audit;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.People.Import;

/// <summary>What applying writes besides the people and memberships themselves: the sign-ins it loads and the record it leaves.</summary>
public sealed partial class OrgChartImport
{
    /// <summary>
    /// Each membership change is its own audit entry, naming the person, the team and the role; a new leader is also
    /// announced to the team's members (<see cref="SeparationOfDuties"/>).
    /// </summary>
    private static async Task RecordMembershipsAsync(ServantLeaderDb db, Actor actor, List<ImportPlan.MembershipWork> work,
        Dictionary<string, Person> byEmployee, DateTimeOffset now, CancellationToken ct)
    {
        if (work.Count == 0)
        {
            return;
        }
        var teamNames = await db.Teams.ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var actorText = await SeparationOfDuties.ActorTextAsync(db, actor, ct);
        foreach (var change in work)
        {
            var person = byEmployee[change.EmployeeId];
            var team = teamNames[change.TeamId];
            var (action, description) = change switch
            {
                { Role: null } => ("membership.removed", $"{person.DisplayName} left {team} (org-chart import)."),
                { Role: TeamRole.Leader } => (change.Existing is null ? "membership.added" : "membership.role",
                    await SeparationOfDuties.AnnounceNewLeaderAsync(db, actorText, person.Id, person.DisplayName, change.TeamId, team, now, ct)),
                { Existing: null } => ("membership.added", $"{person.DisplayName} joined {team} as member (org-chart import)."),
                _ => ("membership.role", $"{person.DisplayName} is now member of {team} (org-chart import)."),
            };
            AuditLog.Record(db, actor.PersonId, action, "membership", person.Id, description, now);
        }
    }

    private static async Task<Dictionary<string, IdentityUser>> LoadUsersAsync(ServantLeaderDb db, ImportPlan plan, CancellationToken ct)
    {
        var ids = plan.Upserts.Where(u => u.Existing is not null).Select(u => u.Existing!.UserId)
            .Concat(plan.Deactivations.Select(p => p.UserId))
            .ToList();
        var users = new Dictionary<string, IdentityUser>(StringComparer.Ordinal);
        // In slices: SQLite allows a limited number of parameters in one statement.
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var user in await db.Users.Where(u => chunk.Contains(u.Id)).ToListAsync(ct))
            {
                users[user.Id] = user;
            }
        }
        return users;
    }
}
