namespace ServantLeader.Domain.OneOnOnes;

/// <summary>A leader–member pair the actor belongs to, from either side.</summary>
public sealed record OneOnOnePair(int LeaderId, string LeaderName, int MemberId, string MemberName, bool ActorIsLeader,
    int? CurrentMeetingId, DateOnly? PlannedFor, DateTimeOffset? LastHeldAt, int OpenActionItems);

public sealed record AgendaItemView(int Id, string Text, string AuthorName, bool Discussed, int? CheckInId);

public sealed record ActionItemView(int Id, string Text, int OwnerId, string OwnerName, DateOnly? DueOn, DateTimeOffset? DoneAt,
    bool FromEarlierMeeting);

public sealed record PastMeeting(int Id, DateTimeOffset HeldAt);

/// <summary>A meeting as the actor may see it: <see cref="PrivateNotes"/> is null for anyone but the leader.</summary>
public sealed record MeetingView(
    int Id,
    int LeaderId,
    string LeaderName,
    int MemberId,
    string MemberName,
    MeetingStatus Status,
    DateOnly? PlannedFor,
    DateTimeOffset? HeldAt,
    string SharedNotes,
    string? PrivateNotes,
    int Version,
    bool ViewerIsLeader,
    IReadOnlyList<AgendaItemView> Agenda,
    IReadOnlyList<ActionItemView> ActionItems,
    IReadOnlyList<PastMeeting> Earlier,
    int? NextMeetingId);

public sealed class MeetingNotes
{
    public int MeetingId { get; set; }
    public int ExpectedVersion { get; set; }
    public string SharedNotes { get; set; } = "";

    /// <summary>Ignored unless the actor is the meeting's leader.</summary>
    public string PrivateNotes { get; set; } = "";
}

public sealed class NewActionItem
{
    public int MeetingId { get; set; }
    public string Text { get; set; } = "";
    public int OwnerId { get; set; }
    public DateOnly? DueOn { get; set; }
}
