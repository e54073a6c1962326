using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using ServantLeader.Web.Identity;

namespace ServantLeader.Web.Hosting;

/// <summary>
/// Limits on what a script could hammer: sign-in attempts per client address (<see cref="Domain.Account.SignInThrottle"/>
/// stops guessing one person's password; this stops trying many accounts from one place), API writes per token (429 with
/// Retry-After), and events per browser tab (<see cref="CircuitThrottle"/>). Configuration: <c>ServantLeader:RateLimits</c>.
/// </summary>
internal static class RateLimits
{
    public sealed class Options
    {
        public int SignInsPerMinute { get; set; } = 10;
        public int ApiWritesPerMinute { get; set; } = 120;

        /// <summary>Events one browser tab may send each second, sustained (clicks, keystrokes, render acknowledgements).</summary>
        public int CircuitEventsPerSecond { get; set; } = 50;

        /// <summary>How many may come at once, and how many may wait, before the tab's connection is closed.</summary>
        public int CircuitEventBurst { get; set; } = 200;
    }

    public static WebApplicationBuilder AddServantLeaderRateLimits(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection("ServantLeader:RateLimits").Get<Options>() ?? new Options();
        builder.Services.AddSingleton(limits);
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, CircuitThrottle>();
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Runs after authorization (see UseServantLeaderPipeline), so both keys name what is protected rather than
            // how the request was spelled: the endpoint that signs people in, whatever path variant routing matched to it,
            // and the API token that authenticated, whatever case or spacing its header used.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var request = context.Request;
                if (HttpMethods.IsPost(request.Method) && context.GetEndpoint()?.Metadata.GetMetadata<SignInLimitAttribute>() is not null)
                {
                    var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                    return RateLimitPartition.GetFixedWindowLimiter("sign-in " + address, _ => Window(limits.SignInsPerMinute));
                }
                if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
                    && context.User.FindFirst(ApiTokenAuthenticationHandler.TokenIdClaim)?.Value is { } tokenId)
                {
                    return RateLimitPartition.GetFixedWindowLimiter("api " + tokenId, _ => Window(limits.ApiWritesPerMinute));
                }
                return RateLimitPartition.GetNoLimiter("none");
            });
            o.OnRejected = async (rejected, ct) =>
            {
                var response = rejected.HttpContext.Response;
                response.Headers.RetryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
                    ? ((int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture)
                    : "60";
                if (rejected.HttpContext.Request.Path.StartsWithSegments("/api"))
                {
                    await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests.",
                        detail: "Wait a minute before sending more.").ExecuteAsync(rejected.HttpContext);
                    return;
                }
                // A page of its own: the app's status pages would otherwise answer with "not found".
                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync("""
                    <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Too many attempts · ServantLeader</title></head>
                    <body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem">
                    <h1>Too many sign-in attempts</h1>
                    <p>There have been too many attempts to sign in from your network in the last minute. Wait a minute, then
                    <a href="/account/login">try again</a>.</p></body></html>
                    """, ct);
            };
        });
        return builder;
    }

    private static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    };

    /// <summary>Marks the endpoint whose form posts sign people in; the sign-in limit follows the endpoint, not the path.</summary>
    [AttributeUsage(AttributeTargets.Class)]
    internal sealed class SignInLimitAttribute : Attribute;
}
