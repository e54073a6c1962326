using Microsoft.AspNetCore.Components;
using ServantLeader.Domain.Notifications;

namespace ServantLeader.Web.Components.Shared;

/// <summary>A component that reloads when the signed-in person gets a notification or reads one elsewhere.</summary>
public abstract class NotificationsComponent : CancellableComponent
{
    [Inject] private NotificationSignal Signal { get; set; } = null!;

    private IDisposable? _listening;

    protected void ReloadOnNotification(int personId, Func<Task> reload)
    {
        _listening ??= Signal.Listen(personId, () => _ = InvokeAsync(async () =>
        {
            try
            {
                await reload();
                StateHasChanged();
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                // The page closed while reloading.
            }
        }));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _listening?.Dispose();
        }
        base.Dispose(disposing);
    }
}
