using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.People;
using ServantLeader.Domain.Requests;
using ServantLeader.Domain.Support;
using ServantLeader.Domain.Teams;
using ServantLeader.Domain.Webhooks;
using ServantLeader.TestData;

namespace ServantLeader.Web.Tests.Webhooks;

/// <summary>
/// The delivery queue lives in the database: a delivery that failed while the receiver was down goes out after the
/// app restarts and the receiver is back. Two app lifetimes on one SQLite file, with the real background dispatcher.
/// </summary>
[Trait("Area", "Integrations")]
public sealed class WebhookRestartTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "servantleader-restart-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _postgres = TestProvider.Postgres ? PostgresTestServer.CreateDatabase() : null;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        if (_postgres is not null)
        {
            PostgresTestServer.DropDatabase(_postgres);
        }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_failed_delivery_survives_a_restart_and_is_delivered_once_the_receiver_is_back()
    {
        // A port that nothing listens on for now: the receiver is "down".
        var receiver = await WebhookReceiver.StartAsync();
        var url = receiver.Url;
        await receiver.DisposeAsync();

        long deliveryId;
        await using (var first = new App(_folder, _postgres, TimeSpan.Zero))
        {
            var (admin, mia, product) = await first.SeedAsync();
            await using var scope = first.Services.CreateAsyncScope();
            var webhooks = scope.ServiceProvider.GetRequiredService<WebhookService>();
            var endpoint = await webhooks.CreateAsync(admin, new WebhookDraft
            {
                Url = url.ToString(), Description = "Chat", Events = WebhookEvents.RequestCreated,
            }, default);
            await scope.ServiceProvider.GetRequiredService<RequestService>().AskAsync(mia, new AskForHelp
            {
                TeamId = product, Category = SupportCategory.Coaching, Title = "Help", Details = "Please.",
            }, default);

            var failed = await WaitForAsync(() => webhooks.DeliveriesAsync(admin, endpoint.EndpointId, default),
                d => d.Count == 1 && d[0].Attempts == 1);
            Assert.Equal(DeliveryStatus.Pending, failed[0].Status);
            Assert.StartsWith("Could not reach the receiver", failed[0].LastError, StringComparison.Ordinal);
            deliveryId = failed[0].Id;
        }

        // The receiver comes back on the same address; the app starts again, a minute later by its clock.
        await using var back = await WebhookReceiver.StartAsync(url.Port);
        await using var second = new App(_folder, _postgres, TimeSpan.FromMinutes(1));
        await using var again = second.Services.CreateAsyncScope();
        var admin2 = new Actor(1, IsAdmin: true);
        var webhooks2 = again.ServiceProvider.GetRequiredService<WebhookService>();
        var endpoints = await webhooks2.EndpointsAsync(admin2, default);
        var delivered = await WaitForAsync(() => webhooks2.DeliveriesAsync(admin2, endpoints.Single().Id, default),
            d => d.Single().Status == DeliveryStatus.Delivered);

        Assert.Equal(deliveryId, delivered.Single().Id);
        Assert.Equal(2, delivered.Single().Attempts);
        var received = Assert.Single(back.Requests);
        Assert.Equal(deliveryId.ToString(System.Globalization.CultureInfo.InvariantCulture), received.Headers[WebhookSignature.DeliveryHeader]);
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }
            await Task.Delay(100);
        }
    }

    /// <summary>The real app on a SQLite file in <c>folder</c> (or the PostgreSQL database), its dispatcher polling every 100 ms.</summary>
    private sealed class App(string folder, string? postgres, TimeSpan clockAhead) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            if (postgres is null)
            {
                builder.UseSetting("ConnectionStrings:ServantLeader", $"Data Source={Path.Combine(folder, "app.db")}");
            }
            else
            {
                builder.UseSetting("ServantLeader:Database:Provider", "Postgres");
                builder.UseSetting("ConnectionStrings:ServantLeader", postgres);
            }
            builder.UseSetting("ServantLeader:Webhooks:PollInterval", "00:00:00.100");
            // The receiver is on loopback: allowed as an Admin would allow an internal host.
            builder.UseSetting("ServantLeader:Webhooks:AllowedInternalHosts:0", "127.0.0.1");
            builder.ConfigureServices(s =>
            {
                s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1);
                s.AddSingleton<TimeProvider>(new ShiftedClock(clockAhead));
            });
        }

        public async Task<(Actor Admin, Actor Mia, int Product)> SeedAsync()
        {
            await using var scope = Services.CreateAsyncScope();
            var people = scope.ServiceProvider.GetRequiredService<PeopleService>();
            var teams = scope.ServiceProvider.GetRequiredService<TeamService>();
            var admin = new Actor(await people.CreateFirstAdminAsync("Adam Admin", "admin@example.org", "correct-horse-battery", default), IsAdmin: true);
            var lea = await people.CreateAsync(admin, new PersonDraft { DisplayName = "Lea", Email = "lea@example.org", Password = "correct-horse-battery" }, default);
            var mia = await people.CreateAsync(admin, new PersonDraft { DisplayName = "Mia", Email = "mia@example.org", Password = "correct-horse-battery" }, default);
            var product = await teams.CreateAsync(admin, new TeamDraft { Name = "Product", Purpose = "Build." }, default);
            await teams.SetMembershipAsync(admin, product, lea, TeamRole.Leader, default);
            await teams.SetMembershipAsync(admin, product, mia, TeamRole.Member, default);
            return (admin, new Actor(mia), product);
        }
    }

    /// <summary>The system clock, moved ahead, so a retry that is due in 30 s is due now. Timers stay real.</summary>
    private sealed class ShiftedClock(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + ahead;
    }
}
