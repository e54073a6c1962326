using Microsoft.Extensions.Logging;

namespace ServantLeader.Domain.Live;

public enum TeamChangeKind
{
    /// <summary>A request was made, or changed state.</summary>
    Request,

    /// <summary>A check-in was submitted or reviewed.</summary>
    CheckIn,
}

/// <summary>
/// That something changed in a team, and nothing more: ids only, never content. A page that hears it reloads through
/// the same services, so every rule about who sees what still applies.
/// </summary>
public sealed record TeamChange(int TeamId, TeamChangeKind Kind, int? RequestId = null, int? CheckInId = null);

/// <summary>
/// Tells the open pages (Blazor circuits) of this app instance that a team's requests or check-ins changed, so a
/// leader's inbox or week view and a member's request update without a reload. Published after the change is saved.
/// In-process: with several app instances each hears only its own writes (see docs/operations.md).
/// </summary>
public sealed partial class TeamActivity(ILogger<TeamActivity> logger)
{
    private readonly Lock _gate = new();
    private Action<TeamChange>[] _listeners = [];

    /// <summary>Listens until the returned handle is disposed. The listener runs on the publisher's thread: keep it short.</summary>
    public IDisposable Listen(Action<TeamChange> listener)
    {
        lock (_gate)
        {
            _listeners = [.. _listeners, listener];
        }
        return new Subscription(this, listener);
    }

    internal void Publish(TeamChange change)
    {
        foreach (var listener in Volatile.Read(ref _listeners))
        {
            try
            {
                listener(change);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // One broken page must not stop the others, nor the write that was already saved.
                LogListenerFailed(logger, ex, change.TeamId, change.Kind);
            }
        }
    }

    private void Remove(Action<TeamChange> listener)
    {
        lock (_gate)
        {
            _listeners = [.. _listeners.Where(l => l != listener)];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live-update listener failed for team {TeamId} ({Kind})")]
    private static partial void LogListenerFailed(ILogger logger, Exception exception, int teamId, TeamChangeKind kind);

    private sealed class Subscription(TeamActivity owner, Action<TeamChange> listener) : IDisposable
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
