using ServantLeader.Domain.People;

namespace ServantLeader.Domain.OneOnOnes;

/// <summary>
/// Something one of the pair agreed to do. It belongs to the pair, not to a meeting, so an open action item
/// shows at every 1:1 until it is done.
/// </summary>
public sealed class ActionItem
{
    public int Id { get; private set; }
    public int LeaderId { get; private set; }
    public int MemberId { get; private set; }
    public int OwnerId { get; private set; }
    public Person Owner { get; private set; } = null!;
    public string Text { get; private set; } = null!;
    public DateOnly? DueOn { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }
    public int CreatedInMeetingId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private ActionItem() { }

    internal ActionItem(int leaderId, int memberId, int ownerId, string text, DateOnly? dueOn, int meetingId, DateTimeOffset now)
    {
        LeaderId = leaderId;
        MemberId = memberId;
        OwnerId = ownerId;
        Text = text;
        DueOn = dueOn;
        CreatedInMeetingId = meetingId;
        CreatedAt = now;
    }

    internal void MarkDone(bool done, DateTimeOffset now) => DoneAt = done ? DoneAt ?? now : null;
}
