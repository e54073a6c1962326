using ServantLeader.Domain.Support;

namespace ServantLeader.Domain.Growth;

// Commands and read models for help between peers: peer support, mentoring pairs and peer requests.

public sealed class LogPeerSupport
{
    public const int MinMinutes = LogSupport.MinMinutes;
    public const int MaxMinutes = LogSupport.MaxMinutes;

    public int ReceiverId { get; set; }

    /// <summary>The team the two share, where the help counts.</summary>
    public int TeamId { get; set; }
    public SupportCategory Category { get; set; } = SupportCategory.Coaching;
    public int Minutes { get; set; } = 30;
    public DateOnly Date { get; set; }
    public string Note { get; set; } = "";
    public bool SharedWithReceiver { get; set; }
}

/// <summary>Someone the actor may log help for, in a team they share.</summary>
public sealed record PeerToHelp(int PersonId, string Name, int TeamId, string TeamName);

/// <summary>Help the actor gave, with their own note.</summary>
public sealed record PeerHelpGiven(
    int Id,
    DateOnly Date,
    string ReceiverName,
    string TeamName,
    SupportCategory Category,
    int Minutes,
    string Note,
    bool SharedWithReceiver,
    bool Confirmed);

/// <summary>
/// Help the actor received from a teammate. The note is null unless the giver shared it; the goal is the receiver's
/// own, so naming it here shows them nothing new.
/// </summary>
public sealed record PeerHelpReceived(
    int Id,
    DateOnly Date,
    string GiverName,
    string TeamName,
    SupportCategory Category,
    int Minutes,
    string? Note,
    bool Confirmed,
    int? GoalId,
    string? GoalWhat);

public sealed class ProposeMentoring
{
    public int MentorId { get; set; }
    public int MenteeId { get; set; }
    public string Focus { get; set; } = "";
}

/// <summary>An active person who can be picked as the other side of a mentoring pair.</summary>
public sealed record MentoringCandidate(int PersonId, string Name);

/// <summary>
/// A mentoring pair as one of its two people sees it. <see cref="MenteePlanReadable"/> is true for the mentor while
/// the mentee shares their plan: the page then links to it, and the plan page checks again through GrowthAccess.
/// </summary>
public sealed record MentoringPairView(
    int Id,
    int Version,
    int MentorId,
    string MentorName,
    int MenteeId,
    string MenteeName,
    string Focus,
    MentoringStatus Status,
    bool PlanShared,
    bool ProposedByMe,
    DateTimeOffset ProposedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt)
{
    public bool IAmMentee(int personId) => MenteeId == personId;
}

public sealed record MentoringOverview(
    IReadOnlyList<MentoringPairView> InvitationsToAnswer,
    IReadOnlyList<MentoringPairView> WaitingForOthers,
    IReadOnlyList<MentoringPairView> Active,
    IReadOnlyList<MentoringPairView> Past);

/// <summary>A teammate at "can teach others" for a skill. Unconfirmed means their leader or mentor has not confirmed it yet.</summary>
public sealed record TeacherMatch(int PersonId, string Name, int SkillId, string SkillName, bool Confirmed);

public sealed class AskPeer
{
    public int PeerId { get; set; }
    public int? SkillId { get; set; }

    /// <summary>The asker's own goal this help is for, if any. The peer never sees its words.</summary>
    public int? GoalId { get; set; }
    public string Message { get; set; } = "";
}

public sealed class AnswerPeerRequest
{
    public int RequestId { get; set; }
    public int ExpectedVersion { get; set; }
    public bool Accept { get; set; }
    public string Answer { get; set; } = "";
}

/// <summary>
/// A peer request as the asker or the peer sees it. <see cref="GoalWhat"/> is filled for the asker only: it is
/// their plan's words, which the peer may not read.
/// </summary>
public sealed record PeerRequestView(
    int Id,
    int Version,
    string AskerName,
    string PeerName,
    string? SkillName,
    string? GoalWhat,
    string Message,
    PeerRequestStatus Status,
    string Answer,
    DateTimeOffset CreatedAt);
