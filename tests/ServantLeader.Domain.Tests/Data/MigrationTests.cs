using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServantLeader.Domain.Data;

namespace ServantLeader.Domain.Tests.Data;

[Trait("Area", "Foundation")]
public sealed class MigrationTests
{
    [Fact]
    public async Task The_model_and_the_migrations_agree()
    {
        await using var db = new ServantLeaderDb(new DbContextOptionsBuilder<ServantLeaderDb>().UseServantLeaderSqlite("Data Source=:memory:").Options);

        // Fails when an entity changes without `dotnet ef migrations add`; EF would then refuse to migrate at start-up.
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no migration captures. Run dotnet ef migrations add.");
    }

    [Fact]
    public async Task Migrations_already_applied_to_existing_databases_keep_their_ids()
    {
        await using var db = new ServantLeaderDb(new DbContextOptionsBuilder<ServantLeaderDb>().UseServantLeaderSqlite("Data Source=:memory:").Options);

        // __EFMigrationsHistory holds these ids; a renamed or lost one would be applied again over existing tables.
        string[] released =
        [
            "20261122053546_Initial", "20261122060750_CheckInsOneOnOnesAndCredit", "20261122062532_AnonymousFeedback",
            "20261122075433_DashboardIndexes", "20261122112306_Integrations", "20261122120227_DataProtectionKeys",
            "20261122122530_AuditLog",
        ];
        Assert.Equal(released, db.Database.GetMigrations().Take(released.Length));
    }

    [Fact]
    public async Task A_fresh_database_file_is_created_and_migrated_and_initialising_twice_is_harmless()
    {
        var folder = Path.Combine(Path.GetTempPath(), "servantleader-tests", Guid.NewGuid().ToString("N"), "nested");
        var file = Path.Combine(folder, "app.db");
        var services = new ServiceCollection().AddLogging().AddServantLeaderDomain($"Data Source={file}").BuildServiceProvider();
        try
        {
            await DatabaseSetup.InitializeAsync(services, CancellationToken.None);
            await DatabaseSetup.InitializeAsync(services, CancellationToken.None);

            Assert.True(File.Exists(file));
            await using var db = await services.GetRequiredService<IDbContextFactory<ServantLeaderDb>>().CreateDbContextAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(["Admin", "HR"], await db.Roles.Select(r => r.Name!).OrderBy(n => n).ToListAsync());
            var journal = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
            Assert.Equal("wal", Assert.Single(journal));
        }
        finally
        {
            await services.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    [Fact]
    public async Task Minutes_outside_1_to_1440_are_refused_by_the_database_too()
    {
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        var org = await Organisation.CreateAsync(database);
        await using var db = database.NewDb();

        // Bypasses the domain on purpose: the CHECK constraint guards against any other writer (imports, scripts).
        var insert = () => db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO SupportEntries (LeaderId, MemberId, TeamId, Category, Minutes, Date, Note, SharedWithMember, CreatedAt)
            VALUES ({org.Lea.PersonId}, {org.Mia.PersonId}, {org.Product}, 'Coaching', {0}, '2026-11-01', 'x', 0, 0)
            """);

        var error = await Assert.ThrowsAsync<SqliteException>(insert);
        Assert.Contains("CHECK constraint failed", error.Message, StringComparison.Ordinal);
    }
}
