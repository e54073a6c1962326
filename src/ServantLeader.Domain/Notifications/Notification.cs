using ServantLeader.Domain.People;

namespace ServantLeader.Domain.Notifications;

public enum NotificationKind
{
    RequestCreated = 0,
    RequestChanged = 1,
    CheckInSubmitted = 2,
    CheckInReviewed = 3,
    CheckInComment = 4,
    CreditReceived = 5,
    LeaderAdded = 6,
    PasswordReset = 7,
    GoalAchieved = 8,
    SkillToConfirm = 9,
    PeerSupportToConfirm = 10,
    MentoringInvitation = 11,
    PeerRequest = 12,
}

/// <summary>
/// Something the recipient should look at, with a link to it. The text names who did what, never what anyone wrote:
/// a notification outlives a change of team, and what a member wrote stays behind the page's own access check.
/// </summary>
public sealed class Notification
{
    public const int TextLength = 300;
    public const int LinkLength = 200;

    public long Id { get; private set; }
    public int RecipientId { get; private set; }
    public Person Recipient { get; private set; } = null!;
    public NotificationKind Kind { get; private set; }
    public string Text { get; private set; } = null!;
    public string Link { get; private set; } = null!;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    private Notification() { }

    internal Notification(int recipientId, NotificationKind kind, string text, string link, DateTimeOffset createdAt)
    {
        RecipientId = recipientId;
        Kind = kind;
        // Names are limited to 100 characters, so the longest sentence fits; cut rather than fail a saved change.
        Text = text.Length > TextLength ? text[..TextLength] : text;
        Link = link;
        CreatedAt = createdAt;
    }
}
