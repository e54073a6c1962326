using ServantLeader.Domain.Common;
using ServantLeader.Domain.People;

namespace ServantLeader.Domain.Growth;

public enum MentoringStatus
{
    /// <summary>One side asked; waiting for the other to opt in.</summary>
    Proposed = 0,
    Active = 1,
    Declined = 2,
    Ended = 3,
}

/// <summary>
/// A mentor and a mentee, in one team or across teams. It starts only when both have opted in. The mentor sees
/// what the mentee shares with them (their plan, when <see cref="PlanShared"/>) and nothing else.
/// </summary>
public sealed class MentoringPair
{
    public const int FocusLength = 200;

    public int Id { get; private set; }
    public int MentorId { get; private set; }
    public Person Mentor { get; private set; } = null!;
    public int MenteeId { get; private set; }
    public Person Mentee { get; private set; } = null!;
    public int ProposedById { get; private set; }

    /// <summary>What the mentoring is about, in a line: a skill or a goal's theme.</summary>
    public string Focus { get; private set; } = "";
    public MentoringStatus Status { get; private set; }
    public bool PlanShared { get; private set; }
    public DateTimeOffset ProposedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public int Version { get; private set; }

    private MentoringPair() { }

    internal MentoringPair(int mentorId, int menteeId, int proposedById, string focus, DateTimeOffset now)
    {
        if (mentorId == menteeId)
        {
            throw new RuleViolationException("A mentor and a mentee are two different people.");
        }
        MentorId = mentorId;
        MenteeId = menteeId;
        ProposedById = proposedById;
        Focus = focus;
        Status = MentoringStatus.Proposed;
        ProposedAt = now;
    }

    /// <summary>The person who did not propose the pair.</summary>
    public int InviteeId => ProposedById == MentorId ? MenteeId : MentorId;

    internal void Accept(DateTimeOffset now)
    {
        if (Status != MentoringStatus.Proposed)
        {
            throw new RuleViolationException("This invitation has already been answered.");
        }
        Status = MentoringStatus.Active;
        StartedAt = now;
        Version++;
    }

    internal void Decline(DateTimeOffset now)
    {
        if (Status != MentoringStatus.Proposed)
        {
            throw new RuleViolationException("This invitation has already been answered.");
        }
        Status = MentoringStatus.Declined;
        EndedAt = now;
        Version++;
    }

    /// <summary>Either person may end it at any time.</summary>
    internal void End(DateTimeOffset now)
    {
        if (Status != MentoringStatus.Active)
        {
            throw new RuleViolationException("Only an active mentoring pair can be ended.");
        }
        Status = MentoringStatus.Ended;
        EndedAt = now;
        PlanShared = false;
        Version++;
    }

    /// <summary>Only the mentee decides whether the mentor reads their plan.</summary>
    internal void SharePlan(bool shared)
    {
        if (Status != MentoringStatus.Active && shared)
        {
            throw new RuleViolationException("A plan can be shared once both of you have said yes.");
        }
        PlanShared = shared;
        Version++;
    }
}
