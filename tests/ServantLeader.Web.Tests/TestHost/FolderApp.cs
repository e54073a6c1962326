using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ServantLeader.Web.Tests.TestHost;

/// <summary>
/// The real app started through its own start-up path on a SQLite file of the test's choosing, for what happens to
/// files on disk (always SQLite, also in the PostgreSQL build of the tests).
/// </summary>
internal sealed class FolderApp(string databaseFile, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public string ConnectionString { get; } = $"Data Source={databaseFile}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseStaticWebAssets();
        builder.UseSetting("ServantLeader:Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:ServantLeader", ConnectionString);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(s => s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    public HttpClient Browser(bool cookies = true) => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri("https://localhost"),
        HandleCookies = cookies,
    });

    /// <summary>A folder under the system's temp folder that the test deletes.</summary>
    public static string NewFolder() => Path.Combine(Path.GetTempPath(), "servantleader-trust-tests", Guid.NewGuid().ToString("N"));
}
