using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Notifications;
using ServantLeader.Domain.Teams;
using ServantLeader.Domain.Webhooks;

namespace ServantLeader.Domain.Growth;

/// <summary>
/// A person's growth plan: the owner writes it; leaders and a mentor the owner shares it with read it
/// (<see cref="GrowthAccess"/>). Every change also records a <see cref="GrowthPlanEdit"/> and touches the plan, in the
/// same save, so "plan updated in the last 90 days" is true to the edit and a second window is told of the change.
/// </summary>
public sealed class GrowthPlans(IDbContextFactory<ServantLeaderDb> dbs, TimeProvider time, NotificationSignal signal)
{
    /// <summary>Enough for a real plan; more would be a list, not a handful of things one is working on.</summary>
    public const int MaxActiveGoals = 20;

    public async Task<PlanView> MineAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await ReadAsync(db, actor, actor.PersonId, ct);
    }

    /// <summary>Someone's plan, for its owner, a leader of theirs or a mentor they share it with; not found for anyone else.</summary>
    public async Task<PlanView> ForPersonAsync(Actor actor, int personId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.CanReadPlanAsync(actor.PersonId, personId, ct))
        {
            throw new NotFoundException();
        }
        return await ReadAsync(db, actor, personId, ct);
    }

    public async Task WriteAsync(Actor actor, WritePlan command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var rules = new Rules();
        var ambition = rules.Text(nameof(command.Ambition), command.Ambition, GrowthPlan.AmbitionLength, required: false,
            "Your ambition");
        var strengths = rules.Text(nameof(command.Strengths), command.Strengths, GrowthPlan.StrengthsLength, required: false,
            "Your strengths");
        rules.ThrowIfAny();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var plan = await OwnPlanAsync(db, actor, now, ct);
        if (plan.Version != command.ExpectedVersion)
        {
            throw new ConcurrencyConflictException(PlanChanged);
        }
        plan.Write(ambition, strengths, now);
        await SaveAsync(db, plan, now, ct);
    }

    public async Task<int> AddGoalAsync(Actor actor, GoalDraft draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var (rules, what, why, evidence) = CheckGoal(draft);
        if (draft.TargetDate is { } target && target < time.Today())
        {
            rules.Add(nameof(draft.TargetDate), "Choose a target date from today on.");
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        var active = await db.GrowthGoals.CountAsync(g => g.PersonId == actor.PersonId && g.State == GoalState.Active, ct);
        rules.Check(active < MaxActiveGoals, RuleViolationException.General,
            $"A plan holds at most {MaxActiveGoals} active goals. Mark one achieved or set it aside first.");
        rules.ThrowIfAny();
        var now = time.GetUtcNow();
        var plan = await OwnPlanAsync(db, actor, now, ct);
        var goal = new GrowthGoal(plan, what, why, evidence, draft.TargetDate, now);
        db.GrowthGoals.Add(goal);
        plan.Touch(now);
        await SaveAsync(db, plan, now, ct);
        return goal.Id;
    }

    public async Task EditGoalAsync(Actor actor, int goalId, GoalDraft draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var (rules, what, why, evidence) = CheckGoal(draft);
        await ChangeGoalAsync(actor, goalId, draft.ExpectedVersion, (_, goal, now) =>
        {
            // An old target date may stay as it was; a new one is from today on.
            if (draft.TargetDate is { } target && target != goal.TargetDate && target < time.Today())
            {
                rules.Add(nameof(draft.TargetDate), "Choose a target date from today on.");
            }
            rules.ThrowIfAny();
            goal.Write(what, why, evidence, draft.TargetDate, now);
            return Task.CompletedTask;
        }, ct);
    }

    /// <summary>Recognised in private: the owner's leaders are told who achieved a goal, never which one.</summary>
    public Task AchieveAsync(Actor actor, int goalId, int expectedVersion, CancellationToken ct) =>
        ChangeGoalAsync(actor, goalId, expectedVersion, async (db, goal, now) =>
        {
            goal.Achieve(now);
            var name = await NameAsync(db, goal.PersonId, ct);
            foreach (var leader in await LeadersOfAsync(db, goal.PersonId, ct))
            {
                Notify.Person(db, leader, NotificationKind.GoalAchieved, $"{name} achieved a growth goal.",
                    $"/growth/people/{goal.PersonId}", now);
            }
        }, ct);

    public async Task SetAsideAsync(Actor actor, int goalId, SetGoalAside command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var rules = new Rules();
        var learned = rules.Text(nameof(command.Learned), command.Learned, GrowthGoal.LearnedLength, required: true,
            "What you learned");
        rules.ThrowIfAny();
        await ChangeGoalAsync(actor, goalId, command.ExpectedVersion, (_, goal, now) =>
        {
            goal.SetAside(learned, now);
            return Task.CompletedTask;
        }, ct);
    }

    public Task ResumeAsync(Actor actor, int goalId, int expectedVersion, CancellationToken ct) =>
        ChangeGoalAsync(actor, goalId, expectedVersion, async (db, goal, now) =>
        {
            if (goal.State != GoalState.Active && await db.GrowthGoals.CountAsync(
                    g => g.PersonId == goal.PersonId && g.State == GoalState.Active, ct) >= MaxActiveGoals)
            {
                throw new RuleViolationException(
                    $"A plan holds at most {MaxActiveGoals} active goals. Mark one achieved or set it aside first.");
            }
            goal.Resume(now);
        }, ct);

    /// <summary>
    /// The owner shares an achievement with one of their teams: it shows on the team's page and, only now, the
    /// <c>goal.achieved</c> webhook is queued. Only the goal's "what" goes public; the why, the evidence stay in the plan.
    /// </summary>
    public Task MakePublicAsync(Actor actor, int goalId, MakeGoalPublic command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var rules = new Rules();
        return ChangeGoalAsync(actor, goalId, command.ExpectedVersion, async (db, goal, now) =>
        {
            var team = await db.Memberships
                .Where(m => m.PersonId == goal.PersonId && m.TeamId == command.TeamId)
                .Select(m => m.Team.Name).SingleOrDefaultAsync(ct);
            rules.Check(team is not null, nameof(command.TeamId), "Choose one of your teams.");
            rules.ThrowIfAny();
            goal.MakePublic(command.TeamId, now);
            var name = await NameAsync(db, goal.PersonId, ct);
            await WebhookQueue.AddAsync(db, WebhookEvents.GoalAchieved,
                WebhookMessages.GoalAchieved(goal.Id, command.TeamId, team!, name, goal.What, now), now, ct);
        }, ct);
    }

    /// <summary>A team's shared achievements, newest first. Public to everyone signed in, like the team's credit.</summary>
    public async Task<IReadOnlyList<TeamAchievement>> AchievementsForTeamAsync(int teamId, int take, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.GrowthGoals
            .Where(g => g.PublicTeamId == teamId && g.MadePublicAt != null)
            .OrderByDescending(g => g.MadePublicAt).ThenByDescending(g => g.Id)
            .Take(Math.Clamp(take, 1, 200))
            .Select(g => new TeamAchievement(g.Id, g.PersonId, g.Person.DisplayName, g.What, g.MadePublicAt!.Value))
            .ToListAsync(ct);
    }

    /// <summary>The active leaders of the teams a person is a member of, once each: who hears of their growth.</summary>
    internal static Task<List<int>> LeadersOfAsync(ServantLeaderDb db, int personId, CancellationToken ct) =>
        db.Memberships
            .Where(l => l.Role == TeamRole.Leader && l.Person.IsActive && l.PersonId != personId
                && db.Memberships.Any(m => m.TeamId == l.TeamId && m.PersonId == personId && m.Role == TeamRole.Member))
            .Select(l => l.PersonId).Distinct().ToListAsync(ct);

    internal static Task<string> NameAsync(ServantLeaderDb db, int personId, CancellationToken ct) =>
        db.People.Where(p => p.Id == personId).Select(p => p.DisplayName).SingleAsync(ct);

    private const string PlanChanged =
        "Your plan changed in another window while you were editing. Reload to see the change, then try again.";

    private static (Rules Rules, string What, string Why, string Evidence) CheckGoal(GoalDraft draft)
    {
        var rules = new Rules();
        var what = rules.Text(nameof(draft.What), draft.What, GrowthGoal.WhatLength, required: true, "What the goal is",
            TextKind.Line);
        var why = rules.Text(nameof(draft.Why), draft.Why, GrowthGoal.WhyLength, required: false, "Why it matters");
        var evidence = rules.Text(nameof(draft.Evidence), draft.Evidence, GrowthGoal.EvidenceLength, required: false,
            "How progress will show");
        return (rules, what, why, evidence);
    }

    /// <summary>The actor's plan, tracked; a new one (not yet saved) on their first change.</summary>
    private static async Task<GrowthPlan> OwnPlanAsync(ServantLeaderDb db, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var plan = await db.GrowthPlans.SingleOrDefaultAsync(p => p.PersonId == actor.PersonId, ct);
        if (plan is null)
        {
            plan = new GrowthPlan(actor.PersonId, now);
            db.GrowthPlans.Add(plan);
        }
        return plan;
    }

    /// <summary>
    /// Loads one goal of the actor's for a change. Someone who may read the plan (a leader, a mentor) is told it is not
    /// theirs to change; anyone else finds nothing, so an id reveals nothing.
    /// </summary>
    private async Task ChangeGoalAsync(Actor actor, int goalId, int expectedVersion,
        Func<ServantLeaderDb, GrowthGoal, DateTimeOffset, Task> change, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var goal = await db.GrowthGoals.Include(g => g.Plan).SingleOrDefaultAsync(g => g.Id == goalId, ct)
                   ?? throw new NotFoundException();
        if (goal.PersonId != actor.PersonId)
        {
            throw await db.CanReadPlanAsync(actor.PersonId, goal.PersonId, ct)
                ? new ActionNotAllowedException("Only the person whose plan this is changes its goals.")
                : new NotFoundException();
        }
        if (goal.Version != expectedVersion)
        {
            throw new ConcurrencyConflictException(
                "This goal changed in another window while you were looking at it. Reload to see the change, then try again.");
        }
        var now = time.GetUtcNow();
        await change(db, goal, now);
        goal.Plan.Touch(now);
        await SaveAsync(db, goal.Plan, now, ct);
    }

    /// <summary>Records the edit and saves everything the change added (notifications, deliveries) in one transaction.</summary>
    private async Task SaveAsync(ServantLeaderDb db, GrowthPlan plan, DateTimeOffset now, CancellationToken ct)
    {
        var isNew = db.Entry(plan).State == EntityState.Added;
        db.GrowthPlanEdits.Add(new GrowthPlanEdit(plan, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException(PlanChanged, ex);
        }
        catch (DbUpdateException ex) when (isNew)
        {
            // The other window started the plan first (one plan per person): its change stands, this one is retried.
            throw new ConcurrencyConflictException(PlanChanged, ex);
        }
        Notify.Announce(db, signal);
    }

    private async Task<PlanView> ReadAsync(ServantLeaderDb db, Actor actor, int personId, CancellationToken ct)
    {
        var name = await db.People.Where(p => p.Id == personId).Select(p => p.DisplayName).SingleOrDefaultAsync(ct)
                   ?? throw new NotFoundException();
        var plan = await db.GrowthPlans.AsNoTracking().Where(p => p.PersonId == personId)
            .Select(p => new { p.Ambition, p.Strengths, p.UpdatedAt, p.Version }).SingleOrDefaultAsync(ct);
        var goals = await db.GrowthGoals.AsNoTracking().Where(g => g.PersonId == personId)
            .Select(g => new GoalView(g.Id, g.What, g.Why, g.Evidence, g.TargetDate, g.State, g.Learned, g.CreatedAt,
                g.AchievedAt, g.SetAsideAt, g.MadePublicAt,
                db.Teams.Where(t => t.Id == g.PublicTeamId).Select(t => t.Name).FirstOrDefault(), g.Version))
            .ToListAsync(ct);
        // Active goals first, soonest target first; then what was achieved or set aside, newest first.
        goals = [.. goals.Where(g => g.State == GoalState.Active).OrderBy(g => g.TargetDate ?? DateOnly.MaxValue).ThenBy(g => g.Id)
            .Concat(goals.Where(g => g.State != GoalState.Active).OrderByDescending(g => g.AchievedAt ?? g.SetAsideAt))];
        var skills = await Skills.ForPersonAsync(db, personId, ct);
        var isOwner = actor.PersonId == personId;
        var canConfirm = !isOwner && await db.CanConfirmSkillsAsync(actor.PersonId, personId, ct);
        IReadOnlyList<PlanTeam> teams = isOwner
            ? await db.Memberships.Where(m => m.PersonId == personId).OrderBy(m => m.Team.Name)
                .Select(m => new PlanTeam(m.TeamId, m.Team.Name)).ToListAsync(ct)
            : [];
        return new PlanView(personId, name, plan is not null, plan?.Ambition ?? "", plan?.Strengths ?? "", plan?.UpdatedAt,
            plan?.Version ?? 0, goals, skills, isOwner, canConfirm, teams);
    }
}
