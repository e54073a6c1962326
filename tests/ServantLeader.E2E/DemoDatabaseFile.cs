using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ServantLeader.Domain;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Demo;

namespace ServantLeader.E2E;

/// <summary>
/// A migrated SQLite file in a temp folder of its own, with the demo organisation unless asked otherwise, and the
/// domain services on it: the test's own view of the database an app process runs on. Deleted when disposed.
/// </summary>
public sealed class DemoDatabaseFile : IAsyncDisposable
{
    private DemoDatabaseFile(string folder, string path, ServiceProvider services)
    {
        Folder = folder;
        Path = path;
        Services = services;
    }

    public string Folder { get; }
    public string Path { get; }
    public ServiceProvider Services { get; }
    public string ConnectionString => $"Data Source={Path}";

    public static async Task<DemoDatabaseFile> CreateAsync(string name, bool seed = true)
    {
        var folder = Directory.CreateTempSubdirectory($"servantleader-{name}-").FullName;
        var path = System.IO.Path.Combine(folder, "live", "servantleader.db");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var services = new ServiceCollection().AddLogging().AddServantLeaderDomain($"Data Source={path}").BuildServiceProvider();
        await DatabaseSetup.InitializeAsync(services, CancellationToken.None);
        if (seed)
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoOrganisation>().SeedAsync(CancellationToken.None);
        }
        return new DemoDatabaseFile(folder, path, services);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
