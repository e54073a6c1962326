using ServantLeader.Domain.Support;

namespace ServantLeader.Domain.Requests;

// Commands are plain mutable classes so that a form can bind to them directly;
// RequestService validates every field before anything is written.

public sealed class AskForHelp
{
    public int TeamId { get; set; }
    public SupportCategory Category { get; set; } = SupportCategory.Coaching;
    public string Title { get; set; } = "";
    public string Details { get; set; } = "";
    public Urgency Urgency { get; set; } = Urgency.Normal;
    public DateOnly? NeededBy { get; set; }
}

public sealed class RespondToRequest
{
    public int RequestId { get; set; }
    public int ExpectedVersion { get; set; }

    /// <summary>An acknowledgement note, the resolution, or the reason for declining or reopening.</summary>
    public string Note { get; set; } = "";
}

public sealed class ConfirmRequest
{
    public int RequestId { get; set; }
    public int ExpectedVersion { get; set; }
    public int Rating { get; set; }
    public string Comment { get; set; } = "";
}

public sealed record TeamToAsk(int TeamId, string TeamName, IReadOnlyList<string> Leaders);

public sealed record RequestSummary(
    int Id,
    string Title,
    SupportCategory Category,
    Urgency Urgency,
    RequestStatus Status,
    DateTimeOffset CreatedAt,
    DateOnly? NeededBy,
    string TeamName,
    bool IsConfirmed,
    int? Rating);

public sealed record InboxItem(
    int Id,
    string Title,
    SupportCategory Category,
    Urgency Urgency,
    RequestStatus Status,
    DateTimeOffset CreatedAt,
    DateOnly? NeededBy,
    int RequesterId,
    string RequesterName,
    int TeamId,
    string TeamName,
    int Version)
{
    public TimeSpan Age(DateTimeOffset now) => now - CreatedAt;
    public bool IsOverdue(DateOnly today) => NeededBy is { } due && due < today;
}

public sealed record RequestHistoryItem(RequestEventKind Kind, string ActorName, DateTimeOffset At, string? Note);

public sealed record RequestSupportItem(int Id, string LeaderName, SupportCategory Category, int Minutes, DateOnly Date, string? Note);

/// <summary>What the actor may do now; the UI shows only these buttons, and the service checks again.</summary>
public sealed record RequestActions(bool Acknowledge, bool Resolve, bool Decline, bool Confirm, bool Reopen, bool LogSupport);

public sealed record RequestDetail(
    int Id,
    string Title,
    string Details,
    SupportCategory Category,
    Urgency Urgency,
    DateOnly? NeededBy,
    RequestStatus Status,
    DateTimeOffset CreatedAt,
    int RequesterId,
    string RequesterName,
    int TeamId,
    string TeamName,
    string? Resolution,
    string? DeclineReason,
    int? Rating,
    string? RatingComment,
    bool IsConfirmed,
    int Version,
    bool ViewerIsRequester,
    RequestActions Actions,
    IReadOnlyList<RequestHistoryItem> History,
    IReadOnlyList<RequestSupportItem> Support);
