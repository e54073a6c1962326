using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ServantLeader.Domain;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Demo;
using ServantLeader.TestData;

namespace ServantLeader.E2E;

/// <summary>
/// Two app instances on one PostgreSQL database, as behind a load balancer: a person signs in on one, asks for help,
/// and the other honours the same sign-in cookie (the Data Protection keys are in the database) and shows the request.
/// </summary>
[Collection(E2ECollection.Name)]
[Trait("Area", "Postgres")]
[Trait("Area", "E2E")]
public sealed class ScaleOutTests(E2EApp app) : IAsyncLifetime
{
    private readonly string _database = PostgresTestServer.CreateDatabase();
    private readonly string _logs = Directory.CreateTempSubdirectory("servantleader-scale-out-").FullName;
    private AppProcess? _a;
    private AppProcess? _b;

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection().AddLogging().AddServantLeaderDomain(_database, DatabaseProvider.Postgres).BuildServiceProvider();
        await using (services)
        {
            await DatabaseSetup.InitializeAsync(services, CancellationToken.None);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoOrganisation>().SeedAsync(CancellationToken.None);
        }
        Dictionary<string, string> Settings(string name) => new()
        {
            ["ServantLeader__Database__Provider"] = "Postgres",
            // The instances wait for the shared server as long as the tests wait for anything: on a loaded machine opening
            // a connection can take longer than Npgsql's default 15 s, and that says nothing about the app.
            ["ConnectionStrings__ServantLeader"] = new Npgsql.NpgsqlConnectionStringBuilder(_database)
            {
                Timeout = (int)(Readiness.HangGuardMilliseconds / 1000),
            }.ToString(),
            ["ServantLeader__LogDirectory"] = Path.Combine(_logs, name),
        };
        _a = await AppProcess.StartAsync(Settings("a"));
        _b = await AppProcess.StartAsync(Settings("b"));
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in new[] { _a, _b })
        {
            if (instance is not null)
            {
                await instance.DisposeAsync();
            }
        }
        PostgresTestServer.DropDatabase(_database);
        Directory.Delete(_logs, recursive: true);
    }

    [Fact]
    public async Task Signed_in_on_one_instance_a_member_asks_for_help_and_the_other_instance_shows_it_with_the_same_cookie()
    {
        var context = await app.Browser.NewContextAsync();
        Readiness.ApplyTo(context);
        var page = await context.NewPageAsync();
        var a = _a!.BaseAddress.ToString().TrimEnd('/');
        var b = _b!.BaseAddress.ToString().TrimEnd('/');

        await page.GotoAsync(a + "/account/login");
        await page.GetByLabel("Email").FillAsync(E2EApp.Email("ben"));
        await page.GetByLabel("Password").FillAsync(DemoOrganisation.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        var title = "Asked on instance A " + Guid.NewGuid().ToString("N")[..6];
        await page.GotoAsync(a + "/requests/new");
        await Readiness.InteractiveAsync(page);
        await page.Locator("[name=Title]").FillAsync(title);
        await page.Locator("[name=Details]").FillAsync("Could someone review my rollout plan?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send to my leaders" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        var path = new Uri(page.Url).AbsolutePath;
        Assert.Matches("^/requests/[0-9]+$", path);

        // Same browser, same cookie, the other instance: no sign-in page, the request is there, and its circuit connects.
        var response = await page.GotoAsync(b + path);
        Assert.Equal(200, response!.Status);
        Assert.StartsWith(b, page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        await Readiness.InteractiveAsync(page);
        await Assertions.Expect(page.GetByText("Ben Carter")).Not.ToHaveCountAsync(0);

        await context.CloseAsync();
    }
}
