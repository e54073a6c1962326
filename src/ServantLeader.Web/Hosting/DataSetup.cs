using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Data.Sqlite;
using ServantLeader.Domain;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Demo;

namespace ServantLeader.Web.Hosting;

internal static partial class DataSetup
{
    public const string ConnectionName = "ServantLeader";

    public const string ProviderKey = "ServantLeader:Database:Provider";

    /// <summary>
    /// SQLite is the embedded default: a file under the content root unless the connection string says otherwise.
    /// A relative path is taken from the content root, so the app finds its data wherever it is started from.
    /// PostgreSQL (<c>ServantLeader:Database:Provider = Postgres</c>) is for several instances on one server.
    /// </summary>
    public static WebApplicationBuilder AddServantLeaderData(this WebApplicationBuilder builder)
    {
        var provider = builder.Configuration.GetValue(ProviderKey, DatabaseProvider.Sqlite);
        var configured = builder.Configuration.GetConnectionString(ConnectionName);
        string connectionString;
        if (provider == DatabaseProvider.Postgres)
        {
            connectionString = configured is { Length: > 0 }
                ? configured
                : throw new InvalidOperationException(
                    $"{ProviderKey} is Postgres but ConnectionStrings:{ConnectionName} is empty. Set it to a PostgreSQL connection string such as \"Host=db;Database=servantleader;Username=servantleader;Password=…\".");
        }
        else
        {
            var connection = new SqliteConnectionStringBuilder(configured ?? "Data Source=data/servantleader.db");
            if (connection.DataSource != ":memory:" && !Path.IsPathRooted(connection.DataSource))
            {
                connection.DataSource = Path.Combine(builder.Environment.ContentRootPath, connection.DataSource);
            }
            connection.ForeignKeys ??= true;
            // Many circuits write at once. WAL (set at start-up) lets readers go on while one writes; writers take
            // the lock at the start of their transaction (BEGIN IMMEDIATE) and, while another holds it, the driver
            // retries the statement for up to this many seconds instead of failing with "database is locked".
            if (!new SqliteConnectionStringBuilder(configured ?? "").ContainsKey("Default Timeout"))
            {
                connection.DefaultTimeout = 30;
            }
            connectionString = connection.ToString();
        }

        builder.Services.AddServantLeaderDomain(connectionString, provider);

        // Sign-in cookies and antiforgery tokens are encrypted with these keys. In the database by default, so every
        // instance shares them and a backup carries them; a folder only when one is configured.
        var protection = builder.Services.AddDataProtection().SetApplicationName("ServantLeader");
        if (builder.Configuration["ServantLeader:KeysDirectory"] is { Length: > 0 } configuredKeys)
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(configuredKeys, builder.Environment.ContentRootPath)));
        }
        else
        {
            builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
                o.XmlRepository = new DatabaseKeyRepository(sp.GetRequiredService<IDbContextFactory<ServantLeaderDb>>())));
        }
        ProtectKeysAtRest(protection, builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<ServantLeaderDb>("database", tags: ["ready"])
            .AddCheck<StoppingHealthCheck>("accepting", tags: ["ready"]);
        // On SIGTERM: stop taking connections, let running requests, circuits and webhook sends finish, then exit.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        return builder;
    }

    public const string KeyProtectionSection = "ServantLeader:DataProtection";

    /// <summary>
    /// Whoever reads the database (or a backup) otherwise reads the keys that sign every cookie. With a certificate
    /// configured, each key is stored encrypted to it (XML encryption), and only a holder of its private key can use
    /// the ring: a PFX file (<c>CertificatePath</c>, its password in <c>CertificatePassword</c>, best given by
    /// environment variable) or a certificate in the host's store (<c>CertificateThumbprint</c>). Keys written before
    /// the setting stay readable as they are.
    /// </summary>
    private static void ProtectKeysAtRest(IDataProtectionBuilder protection, IConfiguration configuration, string contentRoot)
    {
        var section = configuration.GetSection(KeyProtectionSection);
        if (section["CertificatePath"] is { Length: > 0 } path)
        {
            var file = Path.GetFullPath(path, contentRoot);
            if (!File.Exists(file))
            {
                throw new InvalidOperationException($"{KeyProtectionSection}:CertificatePath is {file}, and there is no file there.");
            }
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(file, section["CertificatePassword"]);
            protection.ProtectKeysWithCertificate(RequirePrivateKey(certificate, file));
        }
        else if (section["CertificateThumbprint"] is { Length: > 0 } thumbprint)
        {
            protection.ProtectKeysWithCertificate(RequirePrivateKey(FromStore(thumbprint), "the certificate store"));
        }
    }

    private static X509Certificate2 FromStore(string thumbprint)
    {
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            using var store = new X509Store(StoreName.My, location);
            store.Open(OpenFlags.ReadOnly);
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
            if (found.Count > 0)
            {
                return found[0];
            }
        }
        throw new InvalidOperationException($"{KeyProtectionSection}:CertificateThumbprint is {thumbprint}, and neither the user's nor the machine's \"My\" store holds it.");
    }

    private static X509Certificate2 RequirePrivateKey(
        X509Certificate2 certificate, string where) =>
        certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"The key-protection certificate from {where} has no private key; the app could encrypt its keys but never read them back.");

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
