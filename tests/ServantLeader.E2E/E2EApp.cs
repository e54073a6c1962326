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
    private Process? _server;
    private IPlaywright? _playwright;
    private readonly List<string> _serverOutput = [];

    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public int ProductTeam { get; private set; }

    /// <summary>Members of Product with no history at all, one per journey that needs a clean start.</summary>
    public static readonly string[] Newcomers = ["nia", "omar", "pat", "quinn", "rae"];

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
        var configuration = typeof(E2EApp).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var project = Path.Combine(RepositoryRoot, "src", "ServantLeader.Web");
        var dll = Path.Combine(project, "bin", configuration, "net10.0", "ServantLeader.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"Build the web app first: {dll} is missing.");
        }
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { dll, "--urls", BaseAddress.ToString().TrimEnd('/'), "--contentRoot", project })
        {
            start.ArgumentList.Add(argument);
        }
        // Development: the build's static web assets (blazor.web.js, Radzen's CSS) are served from their manifest.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__ServantLeader"] = $"Data Source={database}";
        start.Environment["ServantLeader__LogDirectory"] = Path.Combine(_folder, "logs");
        start.Environment["ServantLeader__SeedDemoData"] = "false";
        // Webhook deliveries go out within a fifth of a second instead of five.
        start.Environment["ServantLeader__Webhooks__PollInterval"] = "00:00:00.200";
        _server = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        _server.OutputDataReceived += (_, e) => Remember(e.Data);
        _server.ErrorDataReceived += (_, e) => Remember(e.Data);
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_server.HasExited)
            {
                throw new InvalidOperationException("The app stopped at start-up:\n" + ServerOutput);
            }
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("The app did not answer /health/ready within 60 s:\n" + ServerOutput);
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_serverOutput)
        {
            _serverOutput.Add(line);
        }
    }

    public string ServerOutput
    {
        get
        {
            lock (_serverOutput)
            {
                return string.Join('\n', _serverOutput.TakeLast(80));
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }
        _server?.Dispose();
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
