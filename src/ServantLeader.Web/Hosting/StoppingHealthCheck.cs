using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ServantLeader.Web.Hosting;

/// <summary>
/// Not ready once the app has been asked to stop, so a load balancer sends no new people here while open requests
/// finish and circuits close (shutdown waits up to 30 s for them).
/// </summary>
internal sealed class StoppingHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("Shutting down.")
            : HealthCheckResult.Healthy());
}
