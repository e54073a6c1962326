using Microsoft.AspNetCore.Diagnostics;

namespace ServantLeader.Web.Components.Shared;

internal static class HttpStatus
{
    /// <summary>
    /// During the first (HTTP) render, answers 404 with the page's own "not found" content. Status-code
    /// re-execution is switched off for this response: the page already renders the message, and re-running
    /// Blazor inside the same request fails.
    /// </summary>
    public static void NotFound(HttpContext? context)
    {
        if (context is null || context.Response.HasStarted)
        {
            return;
        }
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }
        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }
}
