using Serilog;
using Serilog.Formatting.Json;
using Serilog.Sinks.File;
using ServantLeader.Domain.Data;

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
            var directory = Path.Combine(builder.Environment.ContentRootPath, folder);
            OwnerOnlyFiles.CreateFolder(directory);
            foreach (var earlier in Directory.EnumerateFiles(directory, "servantleader-*.json"))
            {
                OwnerOnlyFiles.Tighten(earlier);
            }
            configuration.WriteTo.File(new JsonFormatter(renderMessage: true), Path.Combine(directory, "servantleader-.json"),
                rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14, fileSizeLimitBytes: 50_000_000,
                rollOnFileSizeLimit: true, hooks: new OwnerOnlyLogFiles());
        }

        var logger = configuration.CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        return builder;
    }

    /// <summary>Each new log file (one a day, or when one is full) is made owner-only as the sink opens it.</summary>
    private sealed class OwnerOnlyLogFiles : FileLifecycleHooks
    {
        public override Stream OnFileOpened(string path, Stream underlyingStream, System.Text.Encoding encoding)
        {
            OwnerOnlyFiles.Tighten(path);
            return underlyingStream;
        }
    }
}
