using System.Diagnostics;

namespace ServantLeader.Web.Hosting;

/// <summary>One structured line per request: method, path, status and elapsed milliseconds.</summary>
internal sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            // Static files and health probes would drown the useful lines.
            var path = context.Request.Path.Value ?? "";
            if (!path.StartsWith("/_", StringComparison.Ordinal) && !path.StartsWith("/health", StringComparison.Ordinal)
                && !Path.HasExtension(path))
            {
                LogRequest(logger, context.Request.Method, path, context.Response.StatusCode, elapsed);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms")]
    private static partial void LogRequest(ILogger logger, string requestMethod, string requestPath, int statusCode, double elapsed);
}
