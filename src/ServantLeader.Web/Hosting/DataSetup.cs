using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using ServantLeader.Domain;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Demo;

namespace ServantLeader.Web.Hosting;

internal static partial class DataSetup
{
    public const string ConnectionName = "ServantLeader";

    /// <summary>
    /// SQLite is the embedded default: a file under the content root unless the connection string says otherwise.
    /// A relative path is taken from the content root, so the app finds its data wherever it is started from.
    /// </summary>
    public static WebApplicationBuilder AddServantLeaderData(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString(ConnectionName) ?? "Data Source=data/servantleader.db";
        var connection = new SqliteConnectionStringBuilder(configured);
        if (connection.DataSource != ":memory:" && !Path.IsPathRooted(connection.DataSource))
        {
            connection.DataSource = Path.Combine(builder.Environment.ContentRootPath, connection.DataSource);
        }
        connection.ForeignKeys ??= true;

        builder.Services.AddServantLeaderDomain(connection.ToString());

        // Sign-in cookies and antiforgery tokens are encrypted with these keys; keeping them beside the data means
        // a restart does not sign everyone out.
        var dataFolder = connection.DataSource == ":memory:"
            ? Path.Combine(builder.Environment.ContentRootPath, "data")
            : Path.GetDirectoryName(connection.DataSource)!;
        var keys = builder.Configuration["ServantLeader:KeysDirectory"] is { Length: > 0 } configuredKeys
            ? Path.GetFullPath(configuredKeys, builder.Environment.ContentRootPath)
            : Path.Combine(dataFolder, "keys");
        builder.Services.AddDataProtection()
            .SetApplicationName("ServantLeader")
            .PersistKeysToFileSystem(new DirectoryInfo(keys));
        builder.Services.AddHealthChecks().AddDbContextCheck<ServantLeaderDb>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>Migrates at start-up; in Development (or when asked) seeds the demo organisation.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var ct = app.Lifetime.ApplicationStopping;
        await DatabaseSetup.InitializeAsync(app.Services, ct);

        var seed = app.Configuration.GetValue<bool?>("ServantLeader:SeedDemoData") ?? app.Environment.IsDevelopment();
        if (!seed)
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var demo = scope.ServiceProvider.GetRequiredService<DemoOrganisation>();
        var seeded = await demo.SeedAsync(ct);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ServantLeader.Demo");
        LogDemo(logger, seeded ? "seeded" : "already present", DemoOrganisation.Password);
        foreach (var signIn in DemoOrganisation.SignIns)
        {
            LogSignIn(logger, signIn.Email, signIn.Role);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Demo organisation {State}. Every demo account's password is \"{Password}\". Never use demo data in production.")]
    private static partial void LogDemo(ILogger logger, string state, string password);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo sign-in: {Email} ({Role})")]
    private static partial void LogSignIn(ILogger logger, string email, string role);
}
