namespace ServantLeader.Domain.Notifications;

public sealed record NotificationItem(long Id, NotificationKind Kind, string Text, string Link, DateTimeOffset CreatedAt, bool IsRead);

public sealed record NotificationList(IReadOnlyList<NotificationItem> Items, int Unread);
