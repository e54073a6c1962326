using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using ServantLeader.Domain.Account;

namespace ServantLeader.Web.Components.Account;

internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this WebApplication app)
    {
        // A form post (never a GET) with a valid antiforgery token, so another site cannot sign anyone out.
        app.MapPost("/account/logout", async (HttpContext context, IAntiforgery antiforgery, SignInManager<IdentityUser> signIn,
            SignInSessions sessions, CancellationToken ct) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }
            // Deleting the cookie in this browser is not enough: a copy of it would go on working until it expired.
            if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId && context.User.Identity?.IsAuthenticated == true)
            {
                await sessions.EndAllAsync(userId, ct);
            }
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login?signedOut=true");
        }).AllowAnonymous().DisableAntiforgery();
    }
}
