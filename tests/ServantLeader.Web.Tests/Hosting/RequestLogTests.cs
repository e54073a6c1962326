using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Hosting;

/// <summary>The request line Serilog.AspNetCore writes keeps the properties the log's readers query on.</summary>
[Trait("Area", "Foundation")]
public sealed class RequestLogTests : IDisposable
{
    private readonly string _root = FolderApp.NewFolder();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task A_page_request_is_one_line_with_method_path_status_and_elapsed_and_probes_and_files_are_not_logged()
    {
        var logs = Path.Combine(_root, "logs");
        await using (var app = new FolderApp(Path.Combine(_root, "app.db"), new Dictionary<string, string?>
        {
            ["ServantLeader:LogDirectory"] = logs,
            // Testing logs warnings only; request lines are Information.
            ["Serilog:MinimumLevel:Default"] = "Information",
        }))
        {
            using var client = app.Browser();
            using var page = await client.GetAsync("/account/login");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            using var probe = await client.GetAsync("/health/live");
            using var file = await client.GetAsync("/favicon.svg");
        }   // Stopping the app disposes its logger, which closes the file.

        var lines = Directory.GetFiles(logs).SelectMany(File.ReadAllLines)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("MessageTemplate").GetString()!.StartsWith("HTTP ", StringComparison.Ordinal))
            .ToList();

        var line = Assert.Single(lines);
        Assert.Equal("HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms", line.GetProperty("MessageTemplate").GetString());
        Assert.Equal("Information", line.GetProperty("Level").GetString());
        var properties = line.GetProperty("Properties");
        Assert.Equal("GET", properties.GetProperty("RequestMethod").GetString());
        Assert.Equal("/account/login", properties.GetProperty("RequestPath").GetString());
        Assert.Equal(200, properties.GetProperty("StatusCode").GetInt32());
        Assert.True(properties.GetProperty("Elapsed").GetDouble() > 0);
    }
}
