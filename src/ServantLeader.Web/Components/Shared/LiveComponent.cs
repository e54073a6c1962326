using Microsoft.AspNetCore.Components;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Live;

namespace ServantLeader.Web.Components.Shared;

/// <summary>
/// A page that reloads itself when its team's requests or check-ins change, so nobody has to press reload to see a
/// new request or a state change. The reload goes through the same services, with the same access rules.
/// </summary>
public abstract class LiveComponent : CancellableComponent
{
    [Inject] private TeamActivity Activity { get; set; } = null!;

    private IDisposable? _listening;

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
                _ = InvokeAsync(async () =>
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
            }
        });
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
