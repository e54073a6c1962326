using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Notifications;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Growth;

/// <summary>
/// Skills with levels. The person proposes their own level; a leader of theirs or their active mentor confirms it
/// (<see cref="GrowthAccess.CanConfirmSkillsAsync"/>). A team's leaders see the team's skills as a matrix.
/// </summary>
public sealed class Skills(IDbContextFactory<ServantLeaderDb> dbs, TimeProvider time, NotificationSignal signal)
{
    /// <summary>A person's skills are a short list of what they work with, not a CV.</summary>
    public const int MaxSkills = 50;

    public async Task<IReadOnlyList<SkillView>> MineAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await ForPersonAsync(db, actor.PersonId, ct);
    }

    public async Task<int> AddAsync(Actor actor, AddSkill command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var rules = new Rules();
        var name = rules.Text(nameof(command.Name), command.Name, Skill.NameLength, required: true, "The skill's name", TextKind.Line);
        rules.Check(Enum.IsDefined(command.Level), nameof(command.Level), "Choose a level.");
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (name.Length > 0)
        {
            var key = Skill.KeyOf(name);
            rules.Check(!await db.Skills.AnyAsync(s => s.PersonId == actor.PersonId && s.Key == key, ct), nameof(command.Name),
                "You already have this skill. Change its level instead.");
        }
        rules.Check(await db.Skills.CountAsync(s => s.PersonId == actor.PersonId, ct) < MaxSkills, RuleViolationException.General,
            $"A plan holds at most {MaxSkills} skills. Remove one you no longer use first.");
        rules.ThrowIfAny();
        var now = time.GetUtcNow();
        var skill = new Skill(actor.PersonId, name, command.Level, now);
        db.Skills.Add(skill);
        await AskLeadersToConfirmAsync(db, actor.PersonId, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Added in another window a moment ago: the unique key per person and skill caught it.
            throw new RuleViolationException(nameof(command.Name), "You already have this skill. Change its level instead.");
        }
        Notify.Announce(db, signal);
        return skill.Id;
    }

    /// <summary>The owner proposes another level; it shows as unconfirmed until a leader or mentor confirms it.</summary>
    public async Task ProposeAsync(Actor actor, int skillId, ProposeSkillLevel command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var rules = new Rules();
        rules.Check(Enum.IsDefined(command.Level), nameof(command.Level), "Choose a level.");
        rules.ThrowIfAny();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var skill = await OwnSkillAsync(db, actor, skillId, ct);
        CheckVersion(skill, command.ExpectedVersion);
        if (skill.ProposedLevel == command.Level)
        {
            return;
        }
        var now = time.GetUtcNow();
        skill.Propose(command.Level, now);
        if (!skill.IsConfirmed)
        {
            await AskLeadersToConfirmAsync(db, actor.PersonId, now, ct);
        }
        await SaveAsync(db, ct);
    }

    public async Task RemoveAsync(Actor actor, int skillId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var skill = await OwnSkillAsync(db, actor, skillId, ct);
        db.Skills.Remove(skill);
        await SaveAsync(db, ct);
    }

    /// <summary>A leader of the person's, or their active mentor, confirms the level the person proposed.</summary>
    public async Task ConfirmAsync(Actor actor, int skillId, int expectedVersion, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var skill = await db.Skills.SingleOrDefaultAsync(s => s.Id == skillId, ct) ?? throw new NotFoundException();
        if (!await db.CanConfirmSkillsAsync(actor.PersonId, skill.PersonId, ct))
        {
            throw await db.CanReadPlanAsync(actor.PersonId, skill.PersonId, ct)
                ? new ActionNotAllowedException("A level is confirmed by a leader of the person or their mentor, not by the person.")
                : new NotFoundException();
        }
        CheckVersion(skill, expectedVersion);
        db.SkillLevelChanges.Add(skill.Confirm(actor.PersonId, time.GetUtcNow()));
        await SaveAsync(db, ct);
    }

    /// <summary>The teams whose matrix the reader may open: those they lead.</summary>
    public async Task<IReadOnlyList<SkillTeam>> TeamsAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var led = db.TeamsLedBy(actor.PersonId);
        return await db.Teams.Where(t => led.Contains(t.Id)).OrderBy(t => t.Name)
            .Select(t => new SkillTeam(t.Id, t.Name)).ToListAsync(ct);
    }

    /// <summary>
    /// A team's skill matrix, for a leader of that team only (anyone else: not found). The columns, and who can teach or
    /// is learning each skill, are grouped and filtered in the database.
    /// </summary>
    public async Task<SkillMatrix> MatrixAsync(Actor actor, int teamId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.LeadsTeamAsync(actor.PersonId, teamId, ct))
        {
            throw new NotFoundException();
        }
        var teamName = await db.Teams.Where(t => t.Id == teamId).Select(t => t.Name).SingleAsync(ct);
        var memberships = db.Memberships.Where(m => m.TeamId == teamId && m.Role == TeamRole.Member && m.Person.IsActive);
        var members = await memberships.OrderBy(m => m.Person.DisplayName)
            .Select(m => new MatrixMember(m.PersonId, m.Person.DisplayName)).ToListAsync(ct);
        var memberIds = memberships.Select(m => m.PersonId);
        var teamSkills = db.Skills.Where(s => memberIds.Contains(s.PersonId));

        var columns = await teamSkills.GroupBy(s => s.Key)
            .Select(g => new { g.Key, Name = g.Min(s => s.Name), People = g.Count() })
            .OrderBy(c => c.Key).ToListAsync(ct);
        var cells = await teamSkills
            .Select(s => new MatrixCell(s.PersonId, s.Key, s.ProposedLevel, s.ConfirmedLevel == s.ProposedLevel))
            .ToListAsync(ct);
        var holders = await teamSkills
            .Where(s => s.ProposedLevel == SkillLevel.CanTeach || s.ProposedLevel == SkillLevel.Learning)
            .OrderBy(s => s.Person.DisplayName)
            .Select(s => new { s.Key, s.ProposedLevel, Holder = new SkillHolder(s.PersonId, s.Person.DisplayName, s.ConfirmedLevel == s.ProposedLevel) })
            .ToListAsync(ct);
        var byKey = holders.ToLookup(h => (h.Key, h.ProposedLevel), h => h.Holder);
        var skills = columns.Select(c => new MatrixSkill(c.Key, c.Name ?? c.Key, c.People,
            [.. byKey[(c.Key, SkillLevel.CanTeach)]], [.. byKey[(c.Key, SkillLevel.Learning)]])).ToList();
        return new SkillMatrix(teamId, teamName, members, skills, cells);
    }

    internal static async Task<IReadOnlyList<SkillView>> ForPersonAsync(ServantLeaderDb db, int personId, CancellationToken ct) =>
        await db.Skills.AsNoTracking().Where(s => s.PersonId == personId).OrderBy(s => s.Key)
            .Select(s => new SkillView(s.Id, s.Name, s.Key, s.ProposedLevel, s.ConfirmedLevel,
                db.People.Where(p => p.Id == s.ConfirmedById).Select(p => p.DisplayName).FirstOrDefault(), s.ConfirmedAt, s.Version))
            .ToListAsync(ct);

    /// <summary>The owner's skill, tracked. Someone who may read the plan is told it is not theirs; anyone else finds nothing.</summary>
    private static async Task<Skill> OwnSkillAsync(ServantLeaderDb db, Actor actor, int skillId, CancellationToken ct)
    {
        var skill = await db.Skills.SingleOrDefaultAsync(s => s.Id == skillId, ct) ?? throw new NotFoundException();
        if (skill.PersonId != actor.PersonId)
        {
            throw await db.CanReadPlanAsync(actor.PersonId, skill.PersonId, ct)
                ? new ActionNotAllowedException("Only the person whose skill this is proposes its level or removes it.")
                : new NotFoundException();
        }
        return skill;
    }

    private static void CheckVersion(Skill skill, int expectedVersion)
    {
        if (skill.Version != expectedVersion)
        {
            throw new ConcurrencyConflictException(
                "This skill changed while you were looking at it. Reload to see the change, then try again.");
        }
    }

    private static async Task AskLeadersToConfirmAsync(ServantLeaderDb db, int personId, DateTimeOffset now, CancellationToken ct)
    {
        var name = await GrowthPlans.NameAsync(db, personId, ct);
        foreach (var leader in await GrowthPlans.LeadersOfAsync(db, personId, ct))
        {
            Notify.Person(db, leader, NotificationKind.SkillToConfirm, $"{name} proposed a skill level for you to confirm.",
                $"/growth/people/{personId}", now);
        }
    }

    private async Task SaveAsync(ServantLeaderDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException(
                "This skill changed while you were looking at it. Reload to see the change, then try again.", ex);
        }
        Notify.Announce(db, signal);
    }
}
