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

        if (db.Database.IsSqlite())
        {
            var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(dataSource) && dataSource != ":memory:" && folder is not null)
            {
                Directory.CreateDirectory(folder);
            }
        }

        await db.Database.MigrateAsync(ct);

        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers carry on while one circuit writes; the setting lives in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        await FeedbackService.EnsureDefaultInstrumentAsync(db, DateTimeOffset.UtcNow, ct);

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in new[] { Actor.HrRole, Actor.AdminRole })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
