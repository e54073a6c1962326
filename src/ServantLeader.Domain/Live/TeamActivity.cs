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
public sealed class TeamActivity(ILogger<TeamActivity> logger)
{
    private readonly Listeners<TeamChange> _listeners = new(logger);

    /// <summary>Listens until the returned handle is disposed. The listener runs on the publisher's thread: keep it short.</summary>
    public IDisposable Listen(Action<TeamChange> listener) => _listeners.Add(listener);

    internal void Publish(TeamChange change) => _listeners.Publish(change);
}
