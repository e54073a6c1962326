using Serilog;
using Serilog.Formatting.Json;

namespace ServantLeader.Web.Hosting;

internal static class LoggingSetup
{
    /// <summary>
    /// Serilog from configuration (levels, console), plus a daily rolling JSON file under the content root.
    /// Serilog.AspNetCore is not installable here, so Serilog is plugged in as a plain logging provider and
    /// requests are logged by <see cref="RequestLoggingMiddleware"/>.
    /// </summary>
    public static WebApplicationBuilder AddServantLeaderLogging(this WebApplicationBuilder builder)
    {
        var configuration = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext();

        var folder = builder.Configuration["ServantLeader:LogDirectory"];
        if (!string.IsNullOrWhiteSpace(folder))
        {
            var path = Path.Combine(builder.Environment.ContentRootPath, folder, "servantleader-.json");
            configuration.WriteTo.File(new JsonFormatter(renderMessage: true), path,
                rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14, fileSizeLimitBytes: 50_000_000,
                rollOnFileSizeLimit: true);
        }

        var logger = configuration.CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        return builder;
    }
}
