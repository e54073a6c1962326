using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ServantLeader.Domain;
using ServantLeader.Domain.Data;

namespace ServantLeader.E2E;

/// <summary>SIGTERM, as from systemd, Kubernetes or a load balancer's drain: the app stops cleanly and quickly.</summary>
[Trait("Area", "Reliability")]
[Trait("Area", "E2E")]
public sealed class ShutdownTests
{
    [Fact]
    public async Task On_SIGTERM_the_app_stops_taking_work_and_exits_cleanly()
    {
        await using var file = await DemoDatabaseFile.CreateAsync("shutdown", seed: false);
        var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__ServantLeader"] = file.ConnectionString,
            ["ServantLeader__LogDirectory"] = Path.Combine(file.Folder, "logs"),
        });
        try
        {
            var clock = Stopwatch.StartNew();
            var exitCode = await app.StopAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(0, exitCode);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Stopping took {clock.Elapsed}.");
            Assert.Contains("Application is shutting down", app.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("[ERR]", app.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("[FTL]", app.Output, StringComparison.Ordinal);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
