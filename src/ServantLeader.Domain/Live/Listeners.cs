using Microsoft.Extensions.Logging;

namespace ServantLeader.Domain.Live;

/// <summary>
/// The listener list behind <see cref="TeamActivity"/> and <see cref="Notifications.NotificationSignal"/>: add and
/// remove without blocking a publisher, call each listener on the publisher's thread, and keep one broken page from
/// stopping the others or the write that was already saved.
/// </summary>
internal sealed class Listeners<T>(ILogger logger)
{
    private readonly Lock _gate = new();
    private Action<T>[] _listeners = [];

    public IDisposable Add(Action<T> listener)
    {
        lock (_gate)
        {
            _listeners = [.. _listeners, listener];
        }
        return new Subscription(this, listener);
    }

    public void Publish(T message)
    {
        foreach (var listener in Volatile.Read(ref _listeners))
        {
            try
            {
                listener(message);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                logger.LogWarning(ex, "A live-update listener failed for {Message}", message);
            }
        }
    }

    private void Remove(Action<T> listener)
    {
        lock (_gate)
        {
            _listeners = [.. _listeners.Where(l => l != listener)];
        }
    }

    private sealed class Subscription(Listeners<T> owner, Action<T> listener) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(listener);
            }
        }
    }
}
