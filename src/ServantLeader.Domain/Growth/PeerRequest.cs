using ServantLeader.Domain.Common;
using ServantLeader.Domain.People;

namespace ServantLeader.Domain.Growth;

public enum PeerRequestStatus
{
    Open = 0,
    Accepted = 1,
    Done = 2,
    Declined = 3,
}

/// <summary>
/// Help asked of a peer who can teach a skill. It is between the two of them and is kept apart from service
/// requests on purpose: a peer request never counts in a leader's service figures.
/// </summary>
public sealed class PeerRequest
{
    public const int MessageLength = 2000;

    public int Id { get; private set; }
    public int AskerId { get; private set; }
    public Person Asker { get; private set; } = null!;
    public int PeerId { get; private set; }
    public Person Peer { get; private set; } = null!;
    public int? SkillId { get; private set; }
    public Skill? Skill { get; private set; }

    /// <summary>The asker's goal this help is for, if any.</summary>
    public int? GoalId { get; private set; }
    public string Message { get; private set; } = null!;
    public PeerRequestStatus Status { get; private set; }
    public string Answer { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public int Version { get; private set; }

    private PeerRequest() { }

    internal PeerRequest(int askerId, int peerId, int? skillId, int? goalId, string message, DateTimeOffset now)
    {
        if (askerId == peerId)
        {
            throw new RuleViolationException("Ask someone other than yourself.");
        }
        AskerId = askerId;
        PeerId = peerId;
        SkillId = skillId;
        GoalId = goalId;
        Message = message;
        Status = PeerRequestStatus.Open;
        CreatedAt = now;
    }

    internal void Accept(string answer, DateTimeOffset now)
    {
        if (Status != PeerRequestStatus.Open)
        {
            throw new RuleViolationException("This request has already been answered.");
        }
        Status = PeerRequestStatus.Accepted;
        Answer = answer;
        AnsweredAt = now;
        Version++;
    }

    internal void Decline(string answer, DateTimeOffset now)
    {
        if (Status != PeerRequestStatus.Open)
        {
            throw new RuleViolationException("This request has already been answered.");
        }
        Status = PeerRequestStatus.Declined;
        Answer = answer;
        AnsweredAt = now;
        ClosedAt = now;
        Version++;
    }

    internal void MarkDone(DateTimeOffset now)
    {
        if (Status != PeerRequestStatus.Accepted)
        {
            throw new RuleViolationException("Only accepted help can be marked done.");
        }
        Status = PeerRequestStatus.Done;
        ClosedAt = now;
        Version++;
    }
}
