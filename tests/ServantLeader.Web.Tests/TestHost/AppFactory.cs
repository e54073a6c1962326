using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Feedback;
using ServantLeader.Domain.OneOnOnes;
using ServantLeader.Domain.People;
using ServantLeader.Domain.Requests;
using ServantLeader.Domain.Support;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Web.Tests.TestHost;

/// <summary>
/// The real app over real HTTP (TestServer) on its own SQLite file, with a small organisation in it:
/// Product (leader Lea, members Mia and Max) and Platform (leader Otto, member Pia), plus HR and an Admin.
/// The client uses https so that the production cookie rules (Secure) are what the tests exercise.
/// </summary>
public sealed partial class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "correct-horse-battery";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "servantleader-web-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _postgres = TestProvider.Postgres ? ServantLeader.TestData.PostgresTestServer.CreateDatabase() : null;

    public Actor Admin { get; private set; } = null!;
    public Actor Hr { get; private set; } = null!;
    public Actor Lea { get; private set; } = null!;
    public Actor Mia { get; private set; } = null!;
    public Actor Max { get; private set; } = null!;
    public Actor Otto { get; private set; } = null!;
    public Actor Pia { get; private set; } = null!;
    public int Product { get; private set; }
    public int Platform { get; private set; }
    public int MiasRequest { get; private set; }
    public const string MiasRequestTitle = "Mia needs the staging keys";
    public int MiasCheckIn { get; private set; }
    public const string MiasBlocker = "Mia private blocker about her workload";
    public int LeaAndMiasOneOnOne { get; private set; }
    public int FeedbackRound { get; private set; }
    public const string LeasPrivateNote = "Lea private note: Mia may be close to burning out";

    public static string Email(string name) => $"{name.ToLowerInvariant()}@example.org";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development an unpublished app does not map package assets (_content/...) or the computed
        // blazor.web.js; a published app has them in wwwroot. Tests run unpublished, so map them as dotnet run does.
        builder.UseStaticWebAssets();
        if (_postgres is null)
        {
            builder.UseSetting("ConnectionStrings:ServantLeader", $"Data Source={Path.Combine(_folder, "app.db")}");
        }
        else
        {
            builder.UseSetting("ServantLeader:Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:ServantLeader", _postgres);
        }
        builder.ConfigureServices(s => s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1));
        // Every test signs in from the same (absent) address; RateLimitTests sets its own low limits.
        builder.UseSetting("ServantLeader:RateLimits:SignInsPerMinute", "100000");
        builder.UseSetting("ServantLeader:RateLimits:ApiWritesPerMinute", "100000");
        builder.UseSetting("ServantLeader:SignIn:FailuresPerAddress", "100000");
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await using var scope = Services.CreateAsyncScope();
        var people = scope.ServiceProvider.GetRequiredService<PeopleService>();
        var teams = scope.ServiceProvider.GetRequiredService<TeamService>();
        var ct = CancellationToken.None;

        Admin = new Actor(await people.CreateFirstAdminAsync("Adam Admin", Email("Admin"), Password, ct), IsAdmin: true);
        async Task<Actor> Person(string name, bool hr = false) => new(await people.CreateAsync(Admin,
            new PersonDraft { DisplayName = name, Email = Email(name), Password = Password, IsHr = hr }, ct), hr);
        Hr = await Person("Hr", hr: true);
        Lea = await Person("Lea");
        Mia = await Person("Mia");
        Max = await Person("Max");
        Otto = await Person("Otto");
        Pia = await Person("Pia");

        Product = await teams.CreateAsync(Admin, new TeamDraft { Name = "Product", Purpose = "Build the right thing." }, ct);
        Platform = await teams.CreateAsync(Admin, new TeamDraft { Name = "Platform", Purpose = "Keep the lights on." }, ct);
        await teams.SetMembershipAsync(Admin, Product, Lea.PersonId, TeamRole.Leader, ct);
        await teams.SetMembershipAsync(Admin, Product, Mia.PersonId, TeamRole.Member, ct);
        await teams.SetMembershipAsync(Admin, Product, Max.PersonId, TeamRole.Member, ct);
        await teams.SetMembershipAsync(Admin, Platform, Otto.PersonId, TeamRole.Leader, ct);
        await teams.SetMembershipAsync(Admin, Platform, Pia.PersonId, TeamRole.Member, ct);

        MiasRequest = await scope.ServiceProvider.GetRequiredService<RequestService>().AskAsync(Mia, new AskForHelp
        {
            TeamId = Product, Category = SupportCategory.Resources, Title = MiasRequestTitle, Details = "Private details only Lea may read.",
        }, ct);

        MiasCheckIn = await scope.ServiceProvider.GetRequiredService<CheckInWriting>().SubmitAsync(Mia, new CheckInAnswers
        {
            TeamId = Product, Pulse = 2, Challenges = MiasBlocker,
        }, ct);
        var oneOnOnes = scope.ServiceProvider.GetRequiredService<OneOnOneService>();
        LeaAndMiasOneOnOne = await oneOnOnes.OpenCurrentAsync(Lea, Lea.PersonId, Mia.PersonId, ct);
        await oneOnOnes.SaveNotesAsync(Lea, new MeetingNotes
        {
            MeetingId = LeaAndMiasOneOnOne, ExpectedVersion = 0, SharedNotes = "Shared: agreed to pair on Tuesdays.", PrivateNotes = LeasPrivateNote,
        }, ct);

        var feedback = scope.ServiceProvider.GetRequiredService<FeedbackRounds>();
        var today = DateOnly.FromDateTime(DateTime.Now);
        FeedbackRound = await feedback.OpenRoundAsync(Hr, new OpenRound
        {
            Name = "Test round", InstrumentId = (await feedback.InstrumentsAsync(Hr, ct)).Single(i => i.IsDefault).Id,
            TeamIds = [Product], OpensOn = today, ClosesOn = today.AddDays(7),
        }, ct);
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        if (_postgres is not null)
        {
            ServantLeader.TestData.PostgresTestServer.DropDatabase(_postgres);
        }
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri("https://localhost"),
        HandleCookies = true,
    });

    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> _tokens = new();

    /// <summary>A client that calls the API with a personal token of <paramref name="who"/>, made once as the UI makes it.</summary>
    public async Task<HttpClient> ApiClientAsync(Actor who)
    {
        if (!_tokens.TryGetValue(who.PersonId, out var token))
        {
            token = _tokens.GetOrAdd(who.PersonId, (await NewApiTokenAsync(who)).Token);
        }
        return ApiClient(token);
    }

    public async Task<ServantLeader.Domain.ApiTokens.NewApiToken> NewApiTokenAsync(Actor who)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ServantLeader.Domain.ApiTokens.ApiTokenService>()
            .CreateAsync(who, new() { Name = "tests", Days = 30 }, CancellationToken.None);
    }

    public HttpClient ApiClient(string token)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>Signs in through the real sign-in form, antiforgery token and all.</summary>
    public async Task<HttpClient> SignedInAsync(string name)
    {
        var client = Anonymous();
        var response = await PostLoginAsync(client, Email(name), Password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {name} failed: {(int)response.StatusCode}");
        }
        return client;
    }

    /// <summary>Signs out through the real form in the page's header, antiforgery token and all.</summary>
    public static async Task<HttpResponseMessage> PostLogoutAsync(HttpClient client) =>
        await client.PostAsync("/account/logout", new FormUrlEncodedContent(HiddenFields(await client.GetStringAsync("/"))));

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password, string? returnUrl = null)
    {
        var url = "/account/login" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var page = await client.GetStringAsync(url);
        var fields = HiddenFields(page);
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public static Dictionary<string, string> HiddenFields(string html) =>
        HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
