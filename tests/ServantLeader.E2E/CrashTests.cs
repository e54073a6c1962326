using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServantLeader.Domain;
using ServantLeader.Domain.ApiTokens;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Teams;

namespace ServantLeader.E2E;

/// <summary>
/// SIGKILL in the middle of a write load, then a restart: the SQLite file passes its integrity check and every write
/// that was answered with success is there.
/// </summary>
[Trait("Area", "Reliability")]
[Trait("Area", "E2E")]
public sealed class CrashTests
{
    [Fact]
    public async Task Killed_mid_write_the_database_is_intact_and_every_acknowledged_write_survives()
    {
        await using var file = await DemoDatabaseFile.CreateAsync("crash");
        var database = file.Path;
        var folder = file.Folder;
        AppProcess? app = null;
        try
        {
            string token;
            int team;
            await using (var scope = file.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ServantLeaderDb>();
                var member = await db.Memberships.Where(m => m.Role == TeamRole.Member).Select(m => new { m.PersonId, m.TeamId }).FirstAsync();
                team = member.TeamId;
                token = (await scope.ServiceProvider.GetRequiredService<ApiTokenService>()
                    .CreateAsync(new Actor(member.PersonId), new ApiTokenDraft { Name = "load", Days = 7 }, CancellationToken.None)).Token;
            }
            var settings = new Dictionary<string, string>
            {
                ["ConnectionStrings__ServantLeader"] = $"Data Source={database}",
                ["ServantLeader__LogDirectory"] = Path.Combine(folder, "logs"),
                ["ServantLeader__RateLimits__ApiWritesPerMinute"] = "1000000",
            };
            app = await AppProcess.StartAsync(settings);

            var acknowledged = new ConcurrentBag<int>();
            using var stop = new CancellationTokenSource();
            using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    try
                    {
                        var response = await http.PostAsJsonAsync("/api/v1/requests",
                            new { teamId = team, category = "Information", title = $"Load {w}-{n}", details = "Written under load." });
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                    {
                        // The server died under this request: it was never acknowledged, so nothing is promised about it.
                    }
                }
            })).ToList();
            while (acknowledged.Count < 150)
            {
                await Task.Delay(20);
            }
            await app.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            var promised = acknowledged.ToHashSet();

            await using (var check = new SqliteConnection($"Data Source={database};Pooling=False"))
            {
                await check.OpenAsync();
                Assert.Equal("ok", await SqliteBackup.IntegrityAsync(check, CancellationToken.None));
            }
            await app.DisposeAsync();
            app = await AppProcess.StartAsync(settings);
            var reader = new ServiceCollection().AddLogging().AddServantLeaderDomain($"Data Source={database};Pooling=False").BuildServiceProvider();
            await using (reader)
            await using (var db = await reader.GetRequiredService<IDbContextFactory<ServantLeaderDb>>().CreateDbContextAsync())
            {
                var stored = (await db.ServiceRequests.Where(r => r.Title.StartsWith("Load ")).Select(r => r.Id).ToListAsync()).ToHashSet();
                Assert.Empty(promised.Except(stored));
                Console.WriteLine($"{promised.Count} writes acknowledged before SIGKILL, all {promised.Count} present after restart " +
                                  $"({stored.Count - promised.Count} more were saved but their answer was lost with the process)");
            }
            using var after = new HttpClient { BaseAddress = app.BaseAddress };
            Assert.True((await after.GetAsync("/health/ready")).IsSuccessStatusCode);
        }
        finally
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
        }
    }
}
