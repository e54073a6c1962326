namespace ServantLeader.Domain.OneOnOnes;

/// <summary>A leader–member pair the actor belongs to, from either side.</summary>
public sealed record OneOnOnePair(int LeaderId, string LeaderName, int MemberId, string MemberName, bool ActorIsLeader,
    int? CurrentMeetingId, DateOnly? PlannedFor, DateTimeOffset? LastHeldAt, int OpenActionItems);

/// <summary>A talking point; <see cref="GoalWhat"/> is null when it is tied to no goal or the reader may not read the plan.</summary>
public sealed record AgendaItemView(int Id, string Text, string AuthorName, bool Discussed, int? CheckInId, string? GoalWhat);

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
    int? NextMeetingId,
    bool IsGrowthConversation);

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

/// <summary>A member's plan as it shows beside a growth conversation's notes.</summary>
public sealed record MeetingPlan(int MemberId, string Ambition, IReadOnlyList<MeetingPlanGoal> Goals);

/// <summary>An active goal with its latest movement in a shared check-in (null when never reported).</summary>
public sealed record MeetingPlanGoal(int Id, string What, DateOnly? TargetDate, Growth.GoalMovement? LastMovement, DateOnly? ReportedFor);

/// <summary>A member without a held growth conversation for too long; <see cref="LastHeldAt"/> is null for "never".</summary>
public sealed record GrowthConversationGap(int MemberId, string MemberName, DateTimeOffset? LastHeldAt);

public sealed record GrowthConversationsDue(int Weeks, IReadOnlyList<GrowthConversationGap> Members);
