using System.Security.Cryptography;

namespace ServantLeader.Web.Hosting;

/// <summary>
/// Headers that make the browser refuse what the app never does: run scripts it did not serve, be framed by another
/// site, guess content types, or send the full address elsewhere. The one inline script (the import map) carries a
/// per-response nonce; styles allow inline because Radzen's components position themselves with style attributes.
/// </summary>
internal static class SecurityHeaders
{
    private const string NonceKey = "servantleader.csp-nonce";

    public static string Nonce(HttpContext context) => context.Items[NonceKey] as string ?? "";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy =
                    "default-src 'self'; " +
                    $"script-src 'self' 'nonce-{nonce}'; " +
                    "style-src 'self' 'unsafe-inline'; " +
                    "img-src 'self' data:; " +
                    "font-src 'self' data:; " +
                    // 'self' covers the circuit's WebSocket on the same host.
                    "connect-src 'self'; " +
                    "frame-ancestors 'none'; " +
                    "form-action 'self'; " +
                    "base-uri 'self'; " +
                    "object-src 'none'";
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next();
        });
        return app;
    }
}
