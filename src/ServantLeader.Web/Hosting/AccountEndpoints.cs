using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace ServantLeader.Web.Hosting;

internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this WebApplication app)
    {
        // A form post (never a GET) with a valid antiforgery token, so another site cannot sign anyone out.
        app.MapPost("/account/logout", async (HttpContext context, IAntiforgery antiforgery, SignInManager<IdentityUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login?signedOut=true");
        }).AllowAnonymous().DisableAntiforgery();
    }
}
