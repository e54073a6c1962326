using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Feedback;

namespace ServantLeader.Domain.Data;

public static class DatabaseSetup
{
    /// <summary>
    /// Creates the database file's folder, applies pending migrations and makes sure the HR and Admin roles exist.
    /// Safe to run at every start.
    /// </summary>
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServantLeaderDb>();

        var sqliteFile = SqliteFile(db);
        if (sqliteFile is not null)
        {
            // Made owner-only before SQLite first opens it: SQLite gives its -wal and -shm files the database file's mode.
            OwnerOnlyFiles.CreateFolder(Path.GetDirectoryName(sqliteFile)!);
            OwnerOnlyFiles.CreateFile(sqliteFile);
            TightenSqliteFiles(sqliteFile);
        }

        await db.Database.MigrateAsync(ct);

        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers carry on while one circuit writes; the setting lives in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        if (sqliteFile is not null)
        {
            TightenSqliteFiles(sqliteFile);
        }

        await FeedbackRounds.EnsureDefaultInstrumentAsync(db, DateTimeOffset.UtcNow, ct);

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in new[] { Actor.HrRole, Actor.AdminRole })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>The database file's full path, or null on PostgreSQL or an in-memory database.</summary>
    private static string? SqliteFile(ServantLeaderDb db)
    {
        if (!db.Database.IsSqlite())
        {
            return null;
        }
        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        return string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" ? null : Path.GetFullPath(dataSource);
    }

    /// <summary>The database and the files SQLite keeps beside it, for files made before they were created owner-only.</summary>
    public static void TightenSqliteFiles(string databaseFile)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            OwnerOnlyFiles.Tighten(databaseFile + suffix);
        }
    }
}
