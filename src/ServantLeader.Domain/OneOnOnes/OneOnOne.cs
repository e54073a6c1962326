using ServantLeader.Domain.Common;
using ServantLeader.Domain.People;

namespace ServantLeader.Domain.OneOnOnes;

public enum MeetingStatus
{
    Upcoming = 0,
    Held = 1,
}

/// <summary>
/// One meeting in the series of 1:1s between a leader and a member. Shared notes are for both;
/// private notes are the leader's alone and never leave the leader's view.
/// </summary>
public sealed class OneOnOne
{
    public int Id { get; private set; }
    public int LeaderId { get; private set; }
    public Person Leader { get; private set; } = null!;
    public int MemberId { get; private set; }
    public Person Member { get; private set; } = null!;
    public MeetingStatus Status { get; private set; }
    public DateOnly? PlannedFor { get; private set; }
    public DateTimeOffset? HeldAt { get; private set; }
    public string SharedNotes { get; private set; } = "";
    public string PrivateNotes { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>A growth conversation: the member's plan is open beside the notes, and the date counts as one.</summary>
    public bool IsGrowthConversation { get; private set; }

    private OneOnOne() { }

    internal OneOnOne(int leaderId, int memberId, DateOnly? plannedFor, DateTimeOffset now)
    {
        LeaderId = leaderId;
        MemberId = memberId;
        PlannedFor = plannedFor;
        Status = MeetingStatus.Upcoming;
        CreatedAt = now;
    }

    internal void WriteNotes(string shared, string? privateNotes)
    {
        SharedNotes = shared;
        if (privateNotes is not null)
        {
            PrivateNotes = privateNotes;
        }
        Version++;
    }

    internal void MarkGrowthConversation(bool growth)
    {
        IsGrowthConversation = growth;
        Version++;
    }

    internal void Plan(DateOnly? plannedFor)
    {
        PlannedFor = plannedFor;
        Version++;
    }

    internal void MarkHeld(DateTimeOffset now)
    {
        if (Status == MeetingStatus.Held)
        {
            throw new RuleViolationException("This 1:1 is already marked as held.");
        }
        Status = MeetingStatus.Held;
        HeldAt = now;
        Version++;
    }
}
