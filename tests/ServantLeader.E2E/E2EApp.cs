using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ServantLeader.Domain;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Demo;
using ServantLeader.Domain.People;
using ServantLeader.Domain.Teams;

namespace ServantLeader.E2E;

/// <summary>
/// The real app, started as its own process on a free loopback port with a fresh SQLite file that holds the demo
/// organisation plus a few newcomers the journeys start from; and one Chromium for every test. Stopped afterwards.
/// </summary>
public sealed class E2EApp : IAsyncLifetime
{
    public const string Password = DemoOrganisation.Password;
    public const string NewcomerPassword = "e2e-newcomer-passphrase";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "servantleader-e2e-" + Guid.NewGuid().ToString("N")[..8]);
    private AppProcess? _server;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public int ProductTeam { get; private set; }

    /// <summary>Members of Product with no history at all, one per journey that needs a clean start.</summary>
    public static readonly string[] Newcomers = ["nia", "omar", "pat", "quinn", "rae", "sol", "tia"];

    /// <summary>An empty team the org-chart import journey fills, so the demo teams other tests count stay as they are.</summary>
    public const string ImportTeam = "Field Sales";

    public static string Email(string handle) => handle + "@demo.servantleader.local";

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ServantLeader.sln")))
            {
                directory = directory.Parent;
            }
            return directory?.FullName ?? throw new InvalidOperationException("ServantLeader.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var database = Path.Combine(_folder, "servantleader.db");
        await SeedAsync(database);
        await StartServerAsync(database);

        Readiness.ApplyToAssertions();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("SERVANTLEADER_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // Without the networking switches Chromium keeps calling out to a network that isn't there.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    private async Task SeedAsync(string database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddServantLeaderDomain($"Data Source={database}");
        await using var provider = services.BuildServiceProvider();
        await DatabaseSetup.InitializeAsync(provider, CancellationToken.None);
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoOrganisation>().SeedAsync(CancellationToken.None);

        var admin = new Actor(0, IsAdmin: true);
        var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ServantLeaderDb>>().CreateDbContextAsync();
        await using (db)
        {
            ProductTeam = await db.Teams.Where(t => t.Name == "Product").Select(t => t.Id).SingleAsync();
        }
        var people = scope.ServiceProvider.GetRequiredService<PeopleService>();
        var teams = scope.ServiceProvider.GetRequiredService<TeamService>();
        foreach (var handle in Newcomers)
        {
            var id = await people.CreateAsync(admin, new PersonDraft
            {
                DisplayName = char.ToUpperInvariant(handle[0]) + handle[1..] + " Newcomer",
                Email = Email(handle),
                Password = NewcomerPassword,
            }, CancellationToken.None);
            await teams.SetMembershipAsync(admin, ProductTeam, id, TeamRole.Member, CancellationToken.None);
        }
        await teams.CreateAsync(admin, new TeamDraft { Name = ImportTeam, Purpose = "Win customers in the field." }, CancellationToken.None);
    }

    private async Task StartServerAsync(string database)
    {
        _server = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__ServantLeader"] = $"Data Source={database}",
            ["ServantLeader__LogDirectory"] = Path.Combine(_folder, "logs"),
            // Webhook deliveries go out within a fifth of a second instead of five.
            ["ServantLeader__Webhooks__PollInterval"] = "00:00:00.200",
            // The test receiver is on loopback: allowed the way an Admin allows a named internal host.
            ["ServantLeader__Webhooks__AllowedInternalHosts__0"] = "127.0.0.1",
        });
        BaseAddress = _server.BaseAddress;
    }

    public string ServerOutput => _server?.Output ?? "";

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class E2ECollection : ICollectionFixture<E2EApp>
{
    public const string Name = "Real browser";
}
