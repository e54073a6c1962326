using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ServantLeader.Web.Hosting;

/// <summary>
/// The pages' writes travel over each browser tab's circuit, not as HTTP requests, so the HTTP rate limits do not see
/// them. This limits the events one circuit may send: a person clicking and typing stays far below it; a script
/// flooding a form is slowed to the sustained rate, and a circuit whose backlog overflows is closed.
/// </summary>
internal sealed class CircuitThrottle : CircuitHandler, IDisposable
{
    private readonly TokenBucketRateLimiter _bucket;

    public CircuitThrottle(RateLimits.Options limits)
    {
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.CircuitEventBurst,
            TokensPerPeriod = limits.CircuitEventsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = limits.CircuitEventBurst,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            using var lease = await _bucket.AcquireAsync(1);
            if (!lease.IsAcquired)
            {
                // Thrown on the circuit, this ends it: the tab shows the app's error bar and can be reloaded.
                throw new InvalidOperationException("This page sent more events than a person can; its connection was closed.");
            }
            await next(context);
        };

    public void Dispose() => _bucket.Dispose();
}
