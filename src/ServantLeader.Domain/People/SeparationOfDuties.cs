using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Notifications;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.People;

/// <summary>
/// Separation of duties: the one place that decides how HR and Admins may change who sees what. Every path that changes
/// memberships, roles or sign-ins (team pages, people pages, the org-chart import) asks here, so the rule cannot be
/// skipped by choosing another page. The rule, as promised in docs/access.md:
/// <list type="bullet">
/// <item>nobody changes their own memberships or roles: a second person (another Admin) must do it;</item>
/// <item>every new leader of a team is announced to the team's members, naming who did it, and audited;</item>
/// <item>only an Admin deactivates an Admin or changes an Admin's sign-in email.</item>
/// </list>
/// </summary>
public static class SeparationOfDuties
{
    public const string OwnAccessMessage =
        "Nobody changes their own teams or roles: ask another administrator to do it, so that a second person approves it.";

    public const string AdminAccountMessage =
        "Only an administrator can deactivate an administrator or change their sign-in email.";

    /// <summary>Refuses a change to the actor's own memberships or roles, as a message on <paramref name="field"/>.</summary>
    public static void EnsureNotOwn(Actor actor, int personId, string field)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (IsOwn(actor, personId))
        {
            throw new RuleViolationException(field, OwnAccessMessage);
        }
    }

    public static bool IsOwn(Actor actor, int personId) => actor is not null && actor.PersonId > 0 && actor.PersonId == personId;

    /// <summary>An Admin's account (active or not, its email) is changed by Admins only.</summary>
    public static bool MayChangeAccountOf(Actor actor, bool targetIsAdmin) => actor is not null && (actor.IsAdmin || !targetIsAdmin);

    /// <summary>The Identity user ids that hold the Admin role, for checks made in bulk.</summary>
    internal static async Task<HashSet<string>> AdminUserIdsAsync(ServantLeaderDb db, CancellationToken ct) =>
        (await db.UserRoles.Join(db.Roles.Where(r => r.Name == Actor.AdminRole), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    /// <summary>"Hanna Hr (HR)": who acted and in which capacity, for the audit log and announcements.</summary>
    internal static async Task<string> ActorTextAsync(ServantLeaderDb db, Actor actor, CancellationToken ct)
    {
        var name = await db.People.Where(p => p.Id == actor.PersonId).Select(p => p.DisplayName).SingleOrDefaultAsync(ct);
        var role = actor.IsAdmin ? "Admin" : actor.IsHr ? "HR" : null;
        return (name, role) switch
        {
            (null, _) => "An administrator",
            (_, null) => name,
            _ => $"{name} ({role})",
        };
    }

    /// <summary>
    /// A person became a leader of a team: everyone who is a member of it now is told in the app, because from now on
    /// this leader reads what they ask, log and write. Added to the caller's context, saved with the change.
    /// Returns the sentence, which is also the audit log's description.
    /// </summary>
    internal static async Task<string> AnnounceNewLeaderAsync(ServantLeaderDb db, string actorText, int leaderId, string leaderName,
        int teamId, string teamName, DateTimeOffset at, CancellationToken ct)
    {
        var text = $"{actorText} made {leaderName} a leader of {teamName}.";
        var members = await db.Memberships
            .Where(m => m.TeamId == teamId && m.Role == TeamRole.Member && m.Person.IsActive && m.PersonId != leaderId)
            .Select(m => m.PersonId)
            .ToListAsync(ct);
        foreach (var member in members)
        {
            Notify.Person(db, member, NotificationKind.LeaderAdded,
                text + " They will see the requests, check-ins and 1:1s you share with this team's leaders.", $"/teams/{teamId}", at);
        }
        return text;
    }
}
