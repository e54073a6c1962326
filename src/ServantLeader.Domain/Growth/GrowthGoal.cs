using ServantLeader.Domain.Common;
using ServantLeader.Domain.People;

namespace ServantLeader.Domain.Growth;

public enum GoalState
{
    Active = 0,
    Achieved = 1,

    /// <summary>Put down on purpose. The person says what they learned; nobody asks why it failed.</summary>
    SetAside = 2,
}

/// <summary>A step toward the ambition: what and why, how progress will show, and by when.</summary>
public sealed class GrowthGoal
{
    public const int WhatLength = 200;
    public const int WhyLength = 2000;
    public const int EvidenceLength = 2000;
    public const int LearnedLength = 2000;

    public int Id { get; private set; }
    public int PlanId { get; private set; }
    public GrowthPlan Plan { get; private set; } = null!;

    /// <summary>The plan's owner, kept on the goal so figures and access checks need no join.</summary>
    public int PersonId { get; private set; }
    public Person Person { get; private set; } = null!;

    public string What { get; private set; } = null!;
    public string Why { get; private set; } = "";

    /// <summary>How progress will show.</summary>
    public string Evidence { get; private set; } = "";
    public DateOnly? TargetDate { get; private set; }
    public GoalState State { get; private set; }

    /// <summary>Asked when a goal is set aside: "what did you learn?".</summary>
    public string Learned { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? AchievedAt { get; private set; }
    public DateTimeOffset? SetAsideAt { get; private set; }

    /// <summary>
    /// Achievement is recognised in private by default. When the person chooses, it becomes public in this team
    /// (on the team page and, if subscribed, a webhook).
    /// </summary>
    public DateTimeOffset? MadePublicAt { get; private set; }
    public int? PublicTeamId { get; private set; }

    public int Version { get; private set; }

    private GrowthGoal() { }

    internal GrowthGoal(GrowthPlan plan, string what, string why, string evidence, DateOnly? targetDate, DateTimeOffset now)
    {
        Plan = plan;
        PersonId = plan.PersonId;
        What = what;
        Why = why;
        Evidence = evidence;
        TargetDate = targetDate;
        State = GoalState.Active;
        CreatedAt = now;
        UpdatedAt = now;
    }

    internal void Write(string what, string why, string evidence, DateOnly? targetDate, DateTimeOffset now)
    {
        What = what;
        Why = why;
        Evidence = evidence;
        TargetDate = targetDate;
        Changed(now);
    }

    internal void Achieve(DateTimeOffset now)
    {
        if (State != GoalState.Active)
        {
            throw new RuleViolationException("Only an active goal can be marked achieved.");
        }
        State = GoalState.Achieved;
        AchievedAt = now;
        Changed(now);
    }

    internal void SetAside(string learned, DateTimeOffset now)
    {
        if (State != GoalState.Active)
        {
            throw new RuleViolationException("Only an active goal can be set aside.");
        }
        State = GoalState.SetAside;
        Learned = learned;
        SetAsideAt = now;
        Changed(now);
    }

    /// <summary>Takes an achieved or set-aside goal up again.</summary>
    internal void Resume(DateTimeOffset now)
    {
        if (State == GoalState.Active)
        {
            return;
        }
        if (MadePublicAt is not null)
        {
            throw new RuleViolationException("This achievement was shared with the team, so it stays achieved.");
        }
        State = GoalState.Active;
        AchievedAt = null;
        SetAsideAt = null;
        Changed(now);
    }

    internal void MakePublic(int teamId, DateTimeOffset now)
    {
        if (State != GoalState.Achieved)
        {
            throw new RuleViolationException("Only an achieved goal can be shared with the team.");
        }
        if (MadePublicAt is not null)
        {
            throw new RuleViolationException("This achievement is already shared with the team.");
        }
        MadePublicAt = now;
        PublicTeamId = teamId;
        Changed(now);
    }

    private void Changed(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
