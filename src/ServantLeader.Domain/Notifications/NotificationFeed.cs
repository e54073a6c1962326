using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;

namespace ServantLeader.Domain.Notifications;

/// <summary>A person's own notifications: their feed. Nobody else's are reachable through it, whatever their role.</summary>
public sealed class NotificationFeed(IDbContextFactory<ServantLeaderDb> dbs, TimeProvider time, NotificationSignal signal)
{
    public const int PageSize = 50;

    /// <summary>The newest notifications first, and how many are unread in all.</summary>
    public async Task<NotificationList> ListAsync(Actor actor, bool unreadOnly, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var mine = db.Notifications.Where(n => n.RecipientId == actor.PersonId);
        var items = await mine
            .Where(n => !unreadOnly || n.ReadAt == null)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(PageSize)
            .Select(n => new NotificationItem(n.Id, n.Kind, n.Text, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(ct);
        var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        return new NotificationList(items, unread);
    }

    public async Task<int> UnreadCountAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Notifications.CountAsync(n => n.RecipientId == actor.PersonId && n.ReadAt == null, ct);
    }

    /// <summary>Marks one as read and returns where it points.</summary>
    /// <exception cref="NotFoundException">It does not exist or is someone else's.</exception>
    public async Task<string> OpenAsync(Actor actor, long notificationId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var link = await db.Notifications
            .Where(n => n.Id == notificationId && n.RecipientId == actor.PersonId)
            .Select(n => n.Link)
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        var now = time.GetUtcNow();
        await db.Notifications
            .Where(n => n.Id == notificationId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        signal.Publish([actor.PersonId]);
        return link;
    }

    /// <summary>Whether someone else reset this person's password and they have not seen the notice yet.</summary>
    public async Task<bool> HasUnseenPasswordResetAsync(int personId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Notifications.AnyAsync(n => n.RecipientId == personId && n.Kind == NotificationKind.PasswordReset
            && n.ReadAt == null, ct);
    }

    /// <summary>
    /// The unseen password-reset notices, which count as seen once returned: the page right after sign-in shows them,
    /// so a reset is told exactly once and never silently dropped before that.
    /// </summary>
    public async Task<IReadOnlyList<NotificationItem>> SeePasswordResetsAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var unseen = db.Notifications.Where(n => n.RecipientId == actor.PersonId && n.Kind == NotificationKind.PasswordReset
            && n.ReadAt == null);
        var items = await unseen.OrderBy(n => n.Id)
            .Select(n => new NotificationItem(n.Id, n.Kind, n.Text, n.Link, n.CreatedAt, true))
            .ToListAsync(ct);
        if (items.Count > 0)
        {
            var now = time.GetUtcNow();
            var ids = items.Select(i => i.Id).ToList();
            await db.Notifications.Where(n => ids.Contains(n.Id)).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
            signal.Publish([actor.PersonId]);
        }
        return items;
    }

    public async Task<int> MarkAllReadAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var changed = await db.Notifications
            .Where(n => n.RecipientId == actor.PersonId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        signal.Publish([actor.PersonId]);
        return changed;
    }
}
