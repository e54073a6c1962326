using Microsoft.AspNetCore.Components;

namespace ServantLeader.Web.Components.Shared;

/// <summary>
/// A page whose database work stops when the person navigates away or the circuit closes:
/// pass <see cref="Aborted"/> to every service call.
/// </summary>
public abstract class CancellableComponent : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _aborted = new();

    [Inject] private NavigationManager Navigator { get; set; } = null!;

    protected CancellationToken Aborted => _aborted.Token;

    /// <summary>
    /// For a resource the person may not see (or that does not exist): on the first (HTTP) render this answers 404
    /// with the app's not-found page, so not even existence leaks; once interactive, the page shows its own message.
    /// </summary>
    protected void AnswerNotFound()
    {
        if (!RendererInfo.IsInteractive)
        {
            Navigator.NotFound();
        }
    }

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
