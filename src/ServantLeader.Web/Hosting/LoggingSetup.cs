using Serilog;
using Serilog.Events;
using Serilog.Formatting.Json;
using Serilog.Sinks.File;
using ServantLeader.Domain.Data;

namespace ServantLeader.Web.Hosting;

internal static class LoggingSetup
{
    /// <summary>
    /// Serilog from configuration (levels, console), plus a daily rolling JSON file under the content root, as the
    /// host's only logger. Requests are logged by <see cref="UseServantLeaderRequestLogging"/>.
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

        // One logger per host (not the static Log.Logger): the tests run many hosts in one process.
        var logger = configuration.CreateLogger();
        builder.Host.UseSerilog(logger, dispose: true);
        builder.Services.AddSingleton<HostLogger>(new HostLogger(logger));
        return builder;
    }

    /// <summary>
    /// One structured line per request: method, path, status and elapsed milliseconds. Static files, the framework's
    /// own endpoints and health probes would drown the useful lines, so they are logged at Verbose, which no configuration here lets through.
    /// </summary>
    public static WebApplication UseServantLeaderRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(o =>
        {
            // Without it the lines would go to the static Log.Logger, which this app never configures.
            o.Logger = app.Services.GetRequiredService<HostLogger>().Logger;
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            o.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError ? LogEventLevel.Error
                : IsNoise(context.Request.Path) ? Quiet
                : LogEventLevel.Information;
        });
        return app;
    }

    // Verbose: below every minimum level the app configures, so these lines are dropped. (A level above Fatal is not
    // dropped: Serilog writes it, as RequestLogTests found.)
    private const LogEventLevel Quiet = LogEventLevel.Verbose;

    private static bool IsNoise(PathString path)
    {
        var value = path.Value ?? "";
        return value.StartsWith("/_", StringComparison.Ordinal) || value.StartsWith("/health", StringComparison.Ordinal)
            || Path.HasExtension(value);
    }

    /// <summary>This host's Serilog logger, for the request lines (a wrapper, so nothing else resolves it by accident).</summary>
    private sealed record HostLogger(Serilog.ILogger Logger);

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
