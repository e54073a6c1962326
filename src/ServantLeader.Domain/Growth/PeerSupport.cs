using ServantLeader.Domain.People;
using ServantLeader.Domain.Support;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Growth;

/// <summary>
/// Help one teammate gave another: the same kinds, minutes and privacy as a leader's support. The note is the
/// giver's unless shared with the receiver. The receiver sees the entry and may confirm it; until then it counts
/// as unconfirmed.
/// </summary>
public sealed class PeerSupport
{
    public int Id { get; private set; }
    public int GiverId { get; private set; }
    public Person Giver { get; private set; } = null!;
    public int ReceiverId { get; private set; }
    public Person Receiver { get; private set; } = null!;

    /// <summary>The team they share, where the help counts.</summary>
    public int TeamId { get; private set; }
    public Team Team { get; private set; } = null!;

    /// <summary>The receiver's goal it served, set by the receiver (the giver may not see their plan).</summary>
    public int? GoalId { get; private set; }
    public SupportCategory Category { get; private set; }
    public int Minutes { get; private set; }
    public DateOnly Date { get; private set; }
    public string Note { get; private set; } = "";
    public bool SharedWithReceiver { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }

    public bool IsConfirmed => ConfirmedAt is not null;

    private PeerSupport() { }

    internal PeerSupport(int giverId, int receiverId, int teamId, SupportCategory category, int minutes, DateOnly date,
        string note, bool sharedWithReceiver, DateTimeOffset now)
    {
        GiverId = giverId;
        ReceiverId = receiverId;
        TeamId = teamId;
        Category = category;
        Minutes = minutes;
        Date = date;
        Note = note;
        SharedWithReceiver = sharedWithReceiver;
        CreatedAt = now;
    }

    internal void Confirm(int? goalId, DateTimeOffset now)
    {
        ConfirmedAt ??= now;
        GoalId = goalId;
    }
}
