using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ServantLeader.Domain.Data;
using ServantLeader.TestData;

namespace ServantLeader.Domain.Tests.Data;

/// <summary>The PostgreSQL side of <c>MigrationTests</c>: its own migrations, applied to an empty database on a real server.</summary>
[Trait("Area", "Foundation")]
public sealed class PostgresMigrationTests
{
    [Fact]
    public async Task The_model_and_the_postgres_migrations_agree()
    {
        await using var db = new PostgresServantLeaderDb(new DbContextOptionsBuilder<PostgresServantLeaderDb>()
            .UseServantLeaderPostgres("Host=localhost;Database=unused").Options);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes that no PostgreSQL migration captures. Run dotnet ef migrations add --context PostgresServantLeaderDb.");
    }

    [Fact]
    public async Task Migrations_already_applied_to_existing_databases_keep_their_ids()
    {
        await using var db = new PostgresServantLeaderDb(new DbContextOptionsBuilder<PostgresServantLeaderDb>()
            .UseServantLeaderPostgres("Host=localhost;Database=unused").Options);

        // __EFMigrationsHistory holds these ids; a renamed or lost one would be applied again over existing tables.
        string[] released = ["20261122120237_Initial", "20261122122557_AuditLog"];
        Assert.Equal(released, db.Database.GetMigrations().Take(released.Length));
    }

    [Fact]
    public async Task An_empty_database_is_migrated_and_initialising_twice_is_harmless()
    {
        var connection = PostgresTestServer.CreateDatabase();
        var services = new ServiceCollection().AddLogging().AddServantLeaderDomain(connection, DatabaseProvider.Postgres).BuildServiceProvider();
        try
        {
            await DatabaseSetup.InitializeAsync(services, CancellationToken.None);
            await DatabaseSetup.InitializeAsync(services, CancellationToken.None);

            await using var db = await services.GetRequiredService<IDbContextFactory<ServantLeaderDb>>().CreateDbContextAsync();
            Assert.IsType<PostgresServantLeaderDb>(db);
            Assert.True(db.Database.IsNpgsql());
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(["Admin", "HR"], await db.Roles.Select(r => r.Name!).OrderBy(n => n).ToListAsync());
        }
        finally
        {
            await services.DisposeAsync();
            PostgresTestServer.DropDatabase(connection);
        }
    }

    [Fact]
    public async Task Minutes_outside_1_to_1440_are_refused_by_the_database_too()
    {
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        var org = await Organisation.CreateAsync(database);
        await using var db = database.NewDb();

        var insert = () => db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "SupportEntries" ("LeaderId", "MemberId", "TeamId", "Category", "Minutes", "Date", "Note", "SharedWithMember", "CreatedAt")
            VALUES ({org.Lea.PersonId}, {org.Mia.PersonId}, {org.Product}, 0, {0}, DATE '2026-11-01', 'x', FALSE, 0)
            """);

        var error = await Assert.ThrowsAsync<PostgresException>(insert);
        Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
    }
}
