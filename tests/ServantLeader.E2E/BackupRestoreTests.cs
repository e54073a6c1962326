using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServantLeader.Domain;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Support;
using ServantLeader.Domain.Teams;

namespace ServantLeader.E2E;

/// <summary>
/// The documented backup command, run while the app serves and another writer keeps logging support; then the
/// documented restore into a fresh place, where the data is found and the app starts on it.
/// </summary>
[Trait("Area", "Reliability")]
[Trait("Area", "E2E")]
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task An_online_backup_taken_under_load_restores_whole_and_the_app_runs_on_it()
    {
        await using var file = await DemoDatabaseFile.CreateAsync("backup");
        var folder = file.Folder;
        var live = file.Path;
        var services = file.Services;
        var backup = Path.Combine(folder, "backups", "servantleader-backup.db");
        var restored = Path.Combine(folder, "restored", "servantleader.db");
        AppProcess? app = null;
        try
        {
            app = await AppProcess.StartAsync(new Dictionary<string, string>
            {
                ["ConnectionStrings__ServantLeader"] = $"Data Source={live}",
                ["ServantLeader__LogDirectory"] = Path.Combine(folder, "logs"),
            });

            // A writer that keeps going while the backup runs.
            var (leader, member, team) = await CrewAsync(services);
            using var stop = new CancellationTokenSource();
            var written = 0;
            var writer = Task.Run(async () =>
            {
                await using var scope = services.CreateAsyncScope();
                var support = scope.ServiceProvider.GetRequiredService<SupportService>();
                while (!stop.IsCancellationRequested)
                {
                    await support.LogAsync(leader, new LogSupport
                    {
                        MemberId = member, TeamId = team, Category = SupportCategory.Information, Minutes = 10,
                        Date = DateOnly.FromDateTime(DateTime.UtcNow), Note = "During the backup",
                    }, CancellationToken.None);
                    Interlocked.Increment(ref written);
                }
            });
            while (Volatile.Read(ref written) < 20)
            {
                await Task.Delay(20);
            }

            var settings = new Dictionary<string, string> { ["ConnectionStrings__ServantLeader"] = $"Data Source={live}" };
            var (code, output) = await AppProcess.RunCommandAsync(settings, "backup", "--to", backup);
            var writtenDuringBackup = Volatile.Read(ref written);
            await stop.CancelAsync();
            await writer;

            Assert.True(code == 0, output);
            Assert.Contains("integrity check ok", output, StringComparison.Ordinal);
            Assert.True(File.Exists(backup));
            var (again, refused) = await AppProcess.RunCommandAsync(settings, "backup", "--to", backup);
            Assert.Equal(1, again);
            Assert.Contains("already exists", refused, StringComparison.Ordinal);

            var (restoreCode, restoreOutput) = await AppProcess.RunCommandAsync(
                new Dictionary<string, string> { ["ConnectionStrings__ServantLeader"] = $"Data Source={restored}" }, "restore", "--from", backup);
            Assert.True(restoreCode == 0, restoreOutput);

            await using (var copy = new SqliteConnection($"Data Source={restored};Pooling=False"))
            {
                await copy.OpenAsync();
                Assert.Equal("ok", await SqliteBackup.IntegrityAsync(copy, CancellationToken.None));
            }
            var restoredServices = new ServiceCollection().AddLogging().AddServantLeaderDomain($"Data Source={restored};Pooling=False").BuildServiceProvider();
            await using (restoredServices)
            await using (var db = await restoredServices.GetRequiredService<IDbContextFactory<ServantLeaderDb>>().CreateDbContextAsync())
            await using (var original = await services.GetRequiredService<IDbContextFactory<ServantLeaderDb>>().CreateDbContextAsync())
            {
                Assert.Equal(await original.People.CountAsync(), await db.People.CountAsync());
                Assert.Equal(await original.ServiceRequests.CountAsync(), await db.ServiceRequests.CountAsync());
                var duringBackup = await db.SupportEntries.CountAsync(s => s.Note == "During the backup");
                Assert.InRange(duringBackup, 20, writtenDuringBackup);
                // One consistent moment: every support entry in the copy has its audit entry, none half-written.
                Assert.Equal(duringBackup, await db.AuditLog.CountAsync(a => a.Action == "support.logged"));
            }

            // The app starts on the restored file and serves the demo organisation's sign-in.
            await app.DisposeAsync();
            app = await AppProcess.StartAsync(new Dictionary<string, string>
            {
                ["ConnectionStrings__ServantLeader"] = $"Data Source={restored}",
                ["ServantLeader__LogDirectory"] = Path.Combine(folder, "logs-restored"),
            });
            using var http = new HttpClient { BaseAddress = app.BaseAddress };
            Assert.True((await http.GetAsync("/health/ready")).IsSuccessStatusCode);
        }
        finally
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
        }
    }

    private static async Task<(Actor Leader, int Member, int Team)> CrewAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServantLeaderDb>();
        var pair = await db.Memberships.Where(m => m.Role == TeamRole.Leader)
            .Select(m => new
            {
                m.PersonId, m.TeamId,
                Member = db.Memberships.Where(x => x.TeamId == m.TeamId && x.Role == TeamRole.Member).Select(x => x.PersonId).First(),
            })
            .FirstAsync();
        return (new Actor(pair.PersonId), pair.Member, pair.TeamId);
    }
}
