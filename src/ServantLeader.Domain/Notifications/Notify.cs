using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Notifications;

/// <summary>
/// How the other slices leave a notification: added to the same DbContext as the change, so both are saved in one
/// transaction or neither is. After saving, <see cref="Announce"/> wakes the recipients' open pages.
/// </summary>
internal static class Notify
{
    public static void Person(ServantLeaderDb db, int recipientId, NotificationKind kind, string text, string link, DateTimeOffset at) =>
        db.Notifications.Add(new Notification(recipientId, kind, text, link, at));

    /// <summary>Every active leader of the team except the one acting.</summary>
    public static async Task LeadersAsync(ServantLeaderDb db, int teamId, int actingPersonId, NotificationKind kind,
        string text, string link, DateTimeOffset at, CancellationToken ct)
    {
        var leaders = await db.Memberships
            .Where(m => m.TeamId == teamId && m.Role == TeamRole.Leader && m.Person.IsActive && m.PersonId != actingPersonId)
            .Select(m => m.PersonId)
            .ToListAsync(ct);
        foreach (var leader in leaders)
        {
            Person(db, leader, kind, text, link, at);
        }
    }

    /// <summary>Call after SaveChanges: tells the open pages of everyone this context notified.</summary>
    public static void Announce(ServantLeaderDb db, NotificationSignal signal) =>
        signal.Publish(db.ChangeTracker.Entries<Notification>().Select(e => e.Entity.RecipientId));
}
