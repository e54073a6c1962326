using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Audit;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Notifications;
using ServantLeader.Domain.People;

namespace ServantLeader.Domain.Teams;

/// <summary>
/// Teams and memberships. Everyone signed in may read a team page (purpose, leaders and members are the
/// organisation's directory); only an Admin changes teams or memberships.
/// </summary>
public sealed class TeamService(IDbContextFactory<ServantLeaderDb> dbs, TimeProvider time, NotificationSignal signal)
{
    /// <summary>The ids of the teams the actor leads now.</summary>
    public async Task<IReadOnlySet<int>> LedByAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return (await db.TeamsLedBy(actor.PersonId).ToListAsync(ct)).ToHashSet();
    }

    public async Task<IReadOnlyList<TeamSummary>> MyTeamsAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Memberships
            .Where(m => m.PersonId == actor.PersonId)
            .OrderByDescending(m => m.Role).ThenBy(m => m.Team.Name)
            .Select(m => new TeamSummary(m.TeamId, m.Team.Name, m.Team.Purpose,
                m.Team.Memberships.Count(x => x.Role == TeamRole.Leader),
                m.Team.Memberships.Count(x => x.Role == TeamRole.Member),
                m.Role))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<TeamSummary>> AllAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Teams
            .OrderBy(t => t.Name)
            .Select(t => new TeamSummary(t.Id, t.Name, t.Purpose,
                t.Memberships.Count(x => x.Role == TeamRole.Leader),
                t.Memberships.Count(x => x.Role == TeamRole.Member),
                t.Memberships.Where(x => x.PersonId == actor.PersonId).Select(x => (TeamRole?)x.Role).FirstOrDefault()))
            .ToListAsync(ct);
    }

    public async Task<TeamPage> GetAsync(Actor actor, int teamId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var team = await db.Teams.Where(t => t.Id == teamId).Select(t => new { t.Id, t.Name, t.Purpose, t.CheckInCadence, t.CheckInDueDay })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        var people = await db.Memberships
            .Where(m => m.TeamId == teamId)
            .OrderBy(m => m.Person.DisplayName)
            .Select(m => new TeamPerson(m.Id, m.PersonId, m.Person.DisplayName, m.Person.Email, m.Role, m.Person.IsActive, m.Since))
            .ToListAsync(ct);
        var myRole = people.FirstOrDefault(p => p.PersonId == actor.PersonId)?.Role;
        return new TeamPage(team.Id, team.Name, team.Purpose,
            people.Where(p => p.Role == TeamRole.Leader).ToList(),
            people.Where(p => p.Role == TeamRole.Member).ToList(),
            myRole, team.CheckInCadence, team.CheckInDueDay,
            actor.IsAdmin || myRole == TeamRole.Leader ? await PastMembershipsAsync(db, teamId, ct) : []);
    }

    /// <summary>
    /// The team's ended memberships, latest first: who left, who was deactivated, and roles held before a change. Only
    /// for Admins and the team's leaders; the directory shows everyone else the team as it is.
    /// </summary>
    private static async Task<IReadOnlyList<PastMembership>> PastMembershipsAsync(ServantLeaderDb db, int teamId, CancellationToken ct)
    {
        return await db.Memberships.IgnoreQueryFilters()
            .Where(m => m.TeamId == teamId && m.Until != null)
            .OrderByDescending(m => m.Until).ThenBy(m => m.Person.DisplayName)
            .Select(m => new PastMembership(m.PersonId, m.Person.DisplayName, m.Role, m.Since, m.Until!.Value, m.EndedBecause!.Value))
            .ToListAsync(ct);
    }

    public async Task<int> CreateAsync(Actor actor, TeamDraft draft, CancellationToken ct)
    {
        RequireAdmin(actor);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (name, purpose) = await ValidateAsync(db, draft, null, ct);
        var team = new Team(name, purpose, time.GetUtcNow());
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Teams.Add(team);
        await db.SaveChangesAsync(ct);
        AuditLog.Record(db, actor.PersonId, "team.created", "team", team.Id, $"Team {name} created.", team.CreatedAt);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return team.Id;
    }

    public async Task UpdateAsync(Actor actor, int teamId, TeamDraft draft, CancellationToken ct)
    {
        RequireAdmin(actor);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == teamId, ct) ?? throw new NotFoundException();
        var (name, purpose) = await ValidateAsync(db, draft, teamId, ct);
        AuditLog.Record(db, actor.PersonId, "team.changed", "team", team.Id,
            team.Name == name ? $"Team {name}: purpose changed." : $"Team {team.Name} renamed to {name}.", time.GetUtcNow());
        team.Describe(name, purpose);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Sets how often the team checks in. A leader of the team or an Admin may.</summary>
    public async Task ScheduleCheckInsAsync(Actor actor, int teamId, CheckInCadence cadence, DayOfWeek dueDay, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == teamId, ct) ?? throw new NotFoundException();
        if (!actor.IsAdmin && !await db.LeadsTeamAsync(actor.PersonId, teamId, ct))
        {
            throw new ActionNotAllowedException("Only the team's leaders or an administrator set the check-in rhythm.");
        }
        var rules = new Rules();
        rules.Check(Enum.IsDefined(cadence), "Cadence", "Choose weekly or every two weeks.");
        rules.Check(Enum.IsDefined(dueDay), "DueDay", "Choose the day check-ins are due.");
        rules.ThrowIfAny();
        team.ScheduleCheckIns(cadence, dueDay);
        AuditLog.Record(db, actor.PersonId, "team.rhythm", "team", team.Id,
            $"Team {team.Name} checks in {(cadence == CheckInCadence.Weekly ? "weekly" : "every two weeks")}, due on {dueDay}.", time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Adds a person to a team, or changes their role if they are already in it. Never the actor's own membership, and a
    /// new leader is announced to the team's members (<see cref="SeparationOfDuties"/>).
    /// </summary>
    public async Task SetMembershipAsync(Actor actor, int teamId, int personId, TeamRole role, CancellationToken ct)
    {
        RequireAdmin(actor);
        if (!Enum.IsDefined(role))
        {
            throw new RuleViolationException("Role", "Choose Leader or Member.");
        }
        SeparationOfDuties.EnsureNotOwn(actor, personId, "PersonId");
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.Teams.AnyAsync(t => t.Id == teamId, ct))
        {
            throw new NotFoundException();
        }
        if (!await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            throw new RuleViolationException("PersonId", "Choose a person.");
        }
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.TeamId == teamId && m.PersonId == personId, ct);
        if (membership?.Role == role)
        {
            return;
        }
        var names = await db.People.Where(p => p.Id == personId)
            .Select(p => new { Person = p.DisplayName, Team = db.Teams.Where(t => t.Id == teamId).Select(t => t.Name).Single() })
            .SingleAsync(ct);
        var now = time.GetUtcNow();
        var description = role == TeamRole.Leader
            ? await SeparationOfDuties.AnnounceNewLeaderAsync(db, await SeparationOfDuties.ActorTextAsync(db, actor, ct),
                personId, names.Person, teamId, names.Team, now, ct)
            : membership is null ? $"{names.Person} joined {names.Team} as member." : $"{names.Person} is now member of {names.Team}.";
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (membership is null)
        {
            // Someone who left and comes back starts a new membership: the old one keeps its dates.
            db.Memberships.Add(new Membership(teamId, personId, role, now));
            AuditLog.Record(db, actor.PersonId, "membership.added", "membership", personId, description, now);
        }
        else
        {
            // The old role keeps its dates, so a past period still counts the person in the role they had then.
            await MembershipHistory.ChangeRoleAsync(db, membership, role, now, ct);
            AuditLog.Record(db, actor.PersonId, "membership.role", "membership", personId, description, now);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        Notify.Announce(db, signal);
    }

    /// <summary>
    /// Ends a membership: the person leaves the team from now on. The membership stays, with its dates, so figures of
    /// the periods they were in the team still count them; their requests and support history stay too.
    /// Not the actor's own: like joining, leaving is done by a second person.
    /// </summary>
    public async Task EndMembershipAsync(Actor actor, int membershipId, CancellationToken ct)
    {
        RequireAdmin(actor);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var membership = await db.Memberships.Include(m => m.Person).Include(m => m.Team)
            .SingleOrDefaultAsync(m => m.Id == membershipId, ct) ?? throw new NotFoundException();
        SeparationOfDuties.EnsureNotOwn(actor, membership.PersonId, "PersonId");
        var now = time.GetUtcNow();
        membership.End(now, MembershipEnd.Left);
        AuditLog.Record(db, actor.PersonId, "membership.removed", "membership", membership.PersonId,
            $"{membership.Person.DisplayName} left {membership.Team.Name}.", now);
        await db.SaveChangesAsync(ct);
    }

    private static void RequireAdmin(Actor actor)
    {
        if (!actor.IsAdmin)
        {
            throw new ActionNotAllowedException("Only an administrator can change teams.");
        }
    }

    private static async Task<(string Name, string Purpose)> ValidateAsync(ServantLeaderDb db, TeamDraft draft,
        int? teamId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var rules = new Rules();
        var name = rules.Text(nameof(draft.Name), draft.Name, TextRules.NameLength, required: true, "A team name", TextKind.Line);
        var purpose = rules.Text(nameof(draft.Purpose), draft.Purpose, TextRules.PurposeLength, required: true,
            "The team's purpose");
        if (name.Length > 0 && await db.Teams.AnyAsync(t => t.Name == name && t.Id != teamId, ct))
        {
            rules.Add(nameof(draft.Name), "Another team already has this name.");
        }
        rules.ThrowIfAny();
        return (name, purpose);
    }
}
