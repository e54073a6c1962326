using Microsoft.Extensions.Logging;

namespace ServantLeader.Domain.Notifications;

/// <summary>
/// Tells a person's open pages (the unread count in the menu, the notification list) that they have something new,
/// so the count changes without a reload. Carries the person's id only. In-process, like <see cref="Live.TeamActivity"/>.
/// </summary>
public sealed partial class NotificationSignal(ILogger<NotificationSignal> logger)
{
    private readonly Lock _gate = new();
    private (int PersonId, Action Listener)[] _listeners = [];

    public IDisposable Listen(int personId, Action listener)
    {
        var entry = (personId, listener);
        lock (_gate)
        {
            _listeners = [.. _listeners, entry];
        }
        return new Subscription(this, entry);
    }

    internal void Publish(IEnumerable<int> personIds)
    {
        var people = personIds.ToHashSet();
        if (people.Count == 0)
        {
            return;
        }
        foreach (var (personId, listener) in Volatile.Read(ref _listeners))
        {
            if (!people.Contains(personId))
            {
                continue;
            }
            try
            {
                listener();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogListenerFailed(logger, ex, personId);
            }
        }
    }

    private void Remove((int, Action) entry)
    {
        lock (_gate)
        {
            _listeners = [.. _listeners.Where(l => l != entry)];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A notification listener failed for person {PersonId}")]
    private static partial void LogListenerFailed(ILogger logger, Exception exception, int personId);

    private sealed class Subscription(NotificationSignal owner, (int, Action) entry) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(entry);
            }
        }
    }
}
