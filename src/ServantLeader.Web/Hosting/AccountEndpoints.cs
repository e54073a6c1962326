using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ServantLeader.Web.Hosting;

internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this WebApplication app)
    {
        // A form post (never a GET), so a link on another site cannot sign anyone out; the form field makes
        // the endpoint check the antiforgery token.
        app.MapPost("/account/logout", async (SignInManager<IdentityUser> signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login" + (string.IsNullOrEmpty(returnUrl) ? "" : "?signedOut=true"));
        }).AllowAnonymous();
    }
}
