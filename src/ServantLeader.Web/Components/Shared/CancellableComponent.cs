using Microsoft.AspNetCore.Components;

namespace ServantLeader.Web.Components.Shared;

/// <summary>
/// A page whose database work stops when the person navigates away or the circuit closes:
/// pass <see cref="Aborted"/> to every service call.
/// </summary>
public abstract class CancellableComponent : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _aborted = new();

    protected CancellationToken Aborted => _aborted.Token;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _aborted.Cancel();
            _aborted.Dispose();
        }
    }
}
