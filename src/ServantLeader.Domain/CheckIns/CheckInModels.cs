using ServantLeader.Domain.Common;
using ServantLeader.Domain.Growth;
using ServantLeader.Domain.Support;

namespace ServantLeader.Domain.CheckIns;

/// <summary>What a member writes. Bound directly by the form; validated by <see cref="CheckInWriting"/>.</summary>
public sealed class CheckInAnswers
{
    public int TeamId { get; set; }
    public int? Pulse { get; set; }
    public string Wins { get; set; } = "";
    public string Challenges { get; set; } = "";
    public string Need { get; set; } = "";

    /// <summary>The member's consent to turn <see cref="Need"/> into a request for help their leaders must answer.</summary>
    public bool AskLeaderForHelp { get; set; }
    public SupportCategory NeedCategory { get; set; } = SupportCategory.RemovingObstacle;

    /// <summary>"What would help me grow?"</summary>
    public string HelpToGrow { get; set; } = "";

    /// <summary>One answer per active goal the member chose to report on; goals left out are not reported.</summary>
    public List<GoalAnswer> Goals { get; set; } = [];

    /// <summary>The version the form loaded; 0 for a check-in not saved yet.</summary>
    public int ExpectedVersion { get; set; }
}

/// <summary>How one active goal went this period, as the member answers it.</summary>
public sealed class GoalAnswer
{
    public int GoalId { get; set; }

    /// <summary>Null when the member leaves the question unanswered.</summary>
    public GoalMovement? Movement { get; set; }

    /// <summary>Consent to turn a stuck goal into a request for help the team's leaders must answer.</summary>
    public bool AskLeaderForHelp { get; set; }

    /// <summary>The form field a message about this goal is shown next to.</summary>
    public static string Field(int goalId) => $"Goal{goalId}";
}

/// <summary>An active goal of the member with what this check-in says about it.</summary>
public sealed record CheckInGoal(int GoalId, string What, GoalMovement? Movement, int? RequestId);

public sealed record CheckInTeam(int TeamId, string TeamName, CheckInPeriod Period, CheckInStatus? Status, int? CheckInId);

public sealed record PriorityItem(int Id, string Text, DateTimeOffset CreatedAt, DateTimeOffset? DoneAt);

public sealed record CheckInCommentItem(int Id, string AuthorName, bool ByLeader, CheckInSection Section, string Text, DateTimeOffset At);

/// <summary>The member's check-in form for the open period, with what they wrote so far.</summary>
public sealed record CheckInForm(
    int TeamId,
    string TeamName,
    CheckInPeriod Period,
    bool IsLate,
    int? CheckInId,
    CheckInStatus? Status,
    int Version,
    int? Pulse,
    string Wins,
    string Challenges,
    string Need,
    int? RequestId,
    DateTimeOffset? SavedAt,
    IReadOnlyList<PriorityItem> Priorities,
    IReadOnlyList<CheckInCommentItem> Comments,
    string HelpToGrow,
    IReadOnlyList<CheckInGoal> Goals)
{
    public bool CanEdit => Status is null or CheckInStatus.Draft or CheckInStatus.Submitted;
}

public sealed record CheckInActions(bool Edit, bool Comment, bool Review, bool SendToOneOnOne, bool GiveCredit);

public sealed record CheckInView(
    int Id,
    int TeamId,
    string TeamName,
    int MemberId,
    string MemberName,
    CheckInPeriod Period,
    CheckInStatus Status,
    int? Pulse,
    string Wins,
    string Challenges,
    string Need,
    int? RequestId,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? ReviewedAt,
    int Version,
    bool ViewerIsMember,
    CheckInActions Actions,
    IReadOnlyList<PriorityItem> Priorities,
    IReadOnlyList<CheckInCommentItem> Comments,
    string HelpToGrow,
    IReadOnlyList<CheckInGoal> Goals);

public sealed record CheckInSummary(int Id, string TeamName, CheckInPeriod Period, CheckInStatus Status, int? Pulse,
    bool HasBlocker, int Comments);

public enum WeekStatus
{
    NotStarted = 0,
    Writing = 1,
    Submitted = 2,
    Reviewed = 3,
}

/// <summary>
/// One member's line in a leader's week view. A draft shows as "writing" with nothing of its content:
/// the member has not shared it yet.
/// </summary>
/// <summary>A member's check-in for the open period; <paramref name="JoinedAfterDue"/>: they joined after it was due, so it is not expected of them.</summary>
public sealed record WeekRow(int MemberId, string MemberName, WeekStatus Status, bool IsLate, int? CheckInId, int? Pulse,
    string? Blocker, DateTimeOffset? SubmittedAt, bool JoinedAfterDue = false);

public sealed record WeekTeam(int TeamId, string TeamName, CheckInPeriod Period, bool IsPastDue, IReadOnlyList<WeekRow> Rows);

public sealed record UnreviewedCheckIn(int Id, int TeamId, string TeamName, string MemberName, CheckInPeriod Period, DateTimeOffset SubmittedAt, bool HasBlocker);

public enum ReminderKind
{
    CheckInDue = 0,
    CheckInOverdue = 1,
    ReviewsWaiting = 2,
}

public sealed record Reminder(ReminderKind Kind, int TeamId, string TeamName, DateOnly? Due, int Count, DateTimeOffset? OldestSince);

/// <summary>
/// Participation and pulse of one team for one period, for HR. A figure computed from fewer than
/// <see cref="GroupSize.Minimum"/> people is null: it would identify them.
/// </summary>
public sealed record CheckInParticipation(
    int TeamId,
    string TeamName,
    CheckInPeriod Period,
    int Members,
    int? Submitted,
    double? ParticipationRate,
    double? MeanPulse);
