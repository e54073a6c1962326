using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServantLeader.Domain;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.People;
using ServantLeader.Domain.Teams;
using ServantLeader.TestData;

namespace ServantLeader.Domain.Tests;

/// <summary>
/// A real database, migrated with the real migrations, and the real services on top. Each test class gets a fresh
/// one: SQLite in memory (one connection kept open), or, in the PostgreSQL build of the tests, a new database on the
/// server, dropped afterwards.
/// </summary>
public sealed class TestDatabase(bool onDisk = false, bool captureLogs = false) : IAsyncLifetime
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly string? _file = onDisk && !TestProvider.Postgres
        ? Path.Combine(Path.GetTempPath(), "servantleader-tests", Guid.NewGuid().ToString("N") + ".db")
        : null;
    private string? _postgres;
    private ServiceProvider _services = null!;

    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero));

    /// <summary>The log entries written while <c>captureLogs</c> is on.</summary>
    public CapturedLogs Logs { get; } = new();

    public IServiceProvider Services => _services;

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            if (captureLogs)
            {
                // Everything the app could log at Information and above, whatever the host's filters would drop.
                logging.SetMinimumLevel(LogLevel.Information).AddProvider(Logs);
            }
        });
        if (TestProvider.Postgres)
        {
            _postgres = PostgresTestServer.CreateDatabase();
            services.AddServantLeaderDomain(_postgres, DatabaseProvider.Postgres);
        }
        else if (_file is not null)
        {
            // A real file with pooled connections, as the app runs it: for tests of many writers at once.
            services.AddServantLeaderDomain($"Data Source={_file}");
        }
        else
        {
            await _connection.OpenAsync();
            services.AddDbContextFactory<ServantLeaderDb>(o => o.UseServantLeaderSqlite(_connection));
            services.AddServantLeaderServices();
        }
        services.AddSingleton<TimeProvider>(Clock);
        // Hashing strength is not under test; the default 100,000 iterations would only slow every test down.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1);
        _services = services.BuildServiceProvider();
        await DatabaseSetup.InitializeAsync(_services, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connection.DisposeAsync();
        if (_postgres is not null)
        {
            PostgresTestServer.DropDatabase(_postgres);
        }
        if (_file is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_file + suffix);
            }
        }
    }

    /// <summary>The SQLite file when the database is on disk (its <c>-wal</c> and <c>-shm</c> files sit beside it).</summary>
    public string? FilePath => _file;

    /// <summary>The open connection, for tests that write or read rows without EF.</summary>
    public SqliteConnection Connection => _connection;

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A table's columns as the database itself reports them.</summary>
    public async Task<IReadOnlyList<string>> ColumnsAsync(string table)
    {
        await using var db = NewDb();
        return TestProvider.Postgres
            ? await db.Database.SqlQuery<string>($"SELECT column_name AS \"Value\" FROM information_schema.columns WHERE table_name = {table}").ToListAsync()
            : await db.Database.SqlQuery<string>($"SELECT name AS Value FROM pragma_table_info({table})").ToListAsync();
    }

    public ServantLeaderDb NewDb() => Get<IDbContextFactory<ServantLeaderDb>>().CreateDbContext();

    public async Task<Actor> PersonAsync(string name, bool isHr = false, bool isAdmin = false)
    {
        var handle = new string(name.Where(char.IsLetter).ToArray()).ToLowerInvariant();
        var id = await Get<PeopleService>().CreateCoreAsync(new PersonDraft
        {
            DisplayName = name, Email = $"{handle}@example.org", Password = "long-enough-password", IsHr = isHr, IsAdmin = isAdmin,
        }, CancellationToken.None);
        return new Actor(id, isHr, isAdmin);
    }

    public async Task<int> TeamAsync(string name, params (Actor Person, TeamRole Role)[] people)
    {
        var admin = new Actor(0, IsAdmin: true);
        var teams = Get<TeamService>();
        var id = await teams.CreateAsync(admin, new TeamDraft { Name = name, Purpose = $"Why {name} exists." }, CancellationToken.None);
        foreach (var (person, role) in people)
        {
            await teams.SetMembershipAsync(admin, id, person.PersonId, role, CancellationToken.None);
        }
        return id;
    }
}

/// <summary>Log entries kept in memory (category, level, message), for tests of what the app writes to its log.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<(string Category, LogLevel Level, string Message)> _entries = new();

    public IReadOnlyList<(string Category, LogLevel Level, string Message)> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose() { }

    private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<(string, LogLevel, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((category, logLevel, formatter(state, exception) + (exception is null ? "" : " " + exception)));
    }
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>The organisation's time zone; UTC unless a test sets one with daylight saving.</summary>
    public TimeZoneInfo Zone { get; set; } = TimeZoneInfo.Utc;

    public override TimeZoneInfo LocalTimeZone => Zone;

    public void Advance(TimeSpan by) => Now += by;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, Zone).DateTime);
}
