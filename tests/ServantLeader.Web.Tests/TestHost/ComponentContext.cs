using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Radzen;
using ServantLeader.Domain;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.People;
using ServantLeader.Domain.Requests;
using ServantLeader.Domain.Support;
using ServantLeader.Domain.Teams;
using ServantLeader.Web.Identity;

namespace ServantLeader.Web.Tests.TestHost;

/// <summary>
/// bunit with the real domain services on a real (in-memory) SQLite database, and a team to work with:
/// Product, led by Lea, with members Mia and Max.
/// </summary>
public abstract class ComponentContext : BunitContext, IAsyncLifetime
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly string? _postgres = TestProvider.Postgres ? ServantLeader.TestData.PostgresTestServer.CreateDatabase() : null;

    protected Actor Admin { get; private set; } = null!;
    protected Actor Lea { get; private set; } = null!;
    protected Actor Mia { get; private set; } = null!;
    protected Actor Max { get; private set; } = null!;
    protected int Product { get; private set; }

    // bunit's default wait of one second is a guess that a busy CI machine outran (a PostgreSQL page load took
    // longer). Waits still end on the rendered signal; this only bounds a hang.
    static ComponentContext() => DefaultWaitTimeout = TimeSpan.FromSeconds(30);

    protected ComponentContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddRadzenComponents();
        Services.AddLogging();
        if (_postgres is null)
        {
            _connection.Open();
            Services.AddDbContextFactory<ServantLeaderDb>(o => o.UseServantLeaderSqlite(_connection));
            Services.AddServantLeaderServices();
        }
        else
        {
            Services.AddServantLeaderDomain(_postgres, DatabaseProvider.Postgres);
        }
        Services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1);
        Services.AddScoped<CurrentActor>();
        // A Wednesday: check-ins for the week are open and not yet due, whatever day the tests run.
        Services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero)));
        _auth = AddAuthorization();
    }

    private readonly BunitAuthorizationContext _auth;

    public async Task InitializeAsync()
    {
        await DatabaseSetup.InitializeAsync(Services, CancellationToken.None);
        var people = Services.GetRequiredService<PeopleService>();
        var teams = Services.GetRequiredService<TeamService>();
        Admin = new Actor(await people.CreateFirstAdminAsync("Adam Admin", "admin@example.org", "long-enough-password", default), IsAdmin: true);
        async Task<Actor> Person(string name) => new(await people.CreateAsync(Admin,
            new PersonDraft { DisplayName = name, Email = $"{name.ToLowerInvariant()}@example.org", Password = "long-enough-password" }, default));
        Lea = await Person("Lea");
        Mia = await Person("Mia");
        Max = await Person("Max");
        Product = await teams.CreateAsync(Admin, new TeamDraft { Name = "Product", Purpose = "Build the right thing." }, default);
        await teams.SetMembershipAsync(Admin, Product, Lea.PersonId, TeamRole.Leader, default);
        await teams.SetMembershipAsync(Admin, Product, Mia.PersonId, TeamRole.Member, default);
        await teams.SetMembershipAsync(Admin, Product, Max.PersonId, TeamRole.Member, default);
    }

    Task IAsyncLifetime.DisposeAsync()
    {
        _connection.Dispose();
        if (_postgres is not null)
        {
            // The circuit's services hold pooled connections until the context goes; FORCE closes them.
            ServantLeader.TestData.PostgresTestServer.DropDatabase(_postgres);
        }
        return Task.CompletedTask;
    }

    protected async Task<Actor> HrAsync() => new(await Get<PeopleService>().CreateAsync(Admin,
        new PersonDraft { DisplayName = "Hana HR", Email = "hana@example.org", Password = "long-enough-password", IsHr = true }, default), IsHr: true);

    /// <summary>Signs in with the actor's roles, as the cookie would carry them, and any roles named besides.</summary>
    protected void SignInAs(Actor actor, string name, params string[] roles) =>
        _auth.SetAuthorized(name)
            .SetRoles([.. (actor.IsHr ? [Actor.HrRole] : Array.Empty<string>()), .. (actor.IsAdmin ? [Actor.AdminRole] : Array.Empty<string>()), .. roles])
            .SetClaims(
                new Claim(PersonClaims.PersonId, actor.PersonId.ToString(CultureInfo.InvariantCulture)),
                new Claim(PersonClaims.DisplayName, name));

    protected T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>
    /// The render count once the component has gone quiet (no render for 150 ms): with a database that answers
    /// asynchronously, the first load may still render after the content a test waited for is on screen.
    /// </summary>
    protected static async Task<int> SettledRenderCountAsync(Bunit.IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> component)
    {
        while (true)
        {
            var before = component.RenderCount;
            await Task.Delay(150);
            if (component.RenderCount == before)
            {
                return before;
            }
        }
    }

    protected async Task<int> AskAsync(Actor member, string title) =>
        await Get<RequestService>().AskAsync(member, new AskForHelp
        {
            TeamId = Product, Category = SupportCategory.Coaching, Title = title, Details = "Some details.",
        }, default);

    protected async Task<int> CountRequestsAsync()
    {
        await using var db = await Get<IDbContextFactory<ServantLeaderDb>>().CreateDbContextAsync();
        return await db.ServiceRequests.CountAsync();
    }
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
