using Microsoft.AspNetCore.Components;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Live;
using ServantLeader.Domain.Notifications;

namespace ServantLeader.Web.Components.Shared;

/// <summary>
/// A component that reloads itself when its team's requests or check-ins change, or when the signed-in person gets or
/// reads a notification, so nobody has to press reload. The reload goes through the same services, with the same
/// access rules.
/// </summary>
public abstract class LiveComponent : CancellableComponent
{
    [Inject] private TeamActivity Activity { get; set; } = null!;
    [Inject] private NotificationSignal Notifications { get; set; } = null!;

    private IDisposable? _listening;
    private IDisposable? _notified;

    /// <summary>
    /// Reload whenever a change passes <paramref name="relevant"/>. A prerendered page listens too, for the moment it
    /// lives: it is disposed, and stops listening, as soon as its HTML is sent.
    /// </summary>
    protected void ReloadOn(Func<TeamChange, bool> relevant, Func<Task> reload)
    {
        if (_listening is not null)
        {
            return;
        }
        _listening = Activity.Listen(change =>
        {
            if (relevant(change))
            {
                Reload(reload);
            }
        });
    }

    /// <summary>Reload whenever <paramref name="personId"/> is notified or reads a notification elsewhere.</summary>
    protected void ReloadOnNotification(int personId, Func<Task> reload) =>
        _notified ??= Notifications.Listen(personId, () => Reload(reload));

    private void Reload(Func<Task> reload) => _ = InvokeAsync(async () =>
    {
        try
        {
            await reload();
            StateHasChanged();
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or NotFoundException
                                       or ActionNotAllowedException)
        {
            // The page closed, or the person may no longer see this: the next navigation shows why.
        }
    });

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _listening?.Dispose();
            _notified?.Dispose();
        }
        base.Dispose(disposing);
    }
}
