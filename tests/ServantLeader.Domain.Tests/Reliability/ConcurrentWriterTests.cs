using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Support;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Tests.Reliability;

/// <summary>
/// Twenty leaders log 500 support entries each, all at once, through the real service (validation, transaction,
/// audit entry), on a SQLite file in WAL mode with pooled connections, and in the PostgreSQL build on a real server.
/// Every entry must be stored, with no error. The throughput is printed; docs/reliability.md has the figures.
/// </summary>
[Trait("Area", "Reliability")]
public sealed class ConcurrentWriterTests : IAsyncLifetime
{
    private const int Writers = 20;
    private const int EntriesEach = 500;
    private readonly TestDatabase _db = new(onDisk: true);

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Twenty_writers_store_all_10000_entries_without_an_error()
    {
        var crews = new List<(Actor Leader, int Member, int Team)>();
        for (var i = 0; i < Writers; i++)
        {
            var letter = (char)('A' + i);
            var leader = await _db.PersonAsync($"Leader {letter}");
            var member = await _db.PersonAsync($"Member {letter}");
            var team = await _db.TeamAsync($"Team {i}", (leader, TeamRole.Leader), (member, TeamRole.Member));
            crews.Add((leader, member.PersonId, team));
        }
        var errors = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        var support = _db.Get<SupportService>();
        var today = _db.Clock.Today;

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(crews.Select(crew => Task.Run(async () =>
        {
            for (var n = 0; n < EntriesEach; n++)
            {
                try
                {
                    await support.LogAsync(crew.Leader, new LogSupport
                    {
                        MemberId = crew.Member, TeamId = crew.Team, Category = SupportCategory.Coaching, Minutes = 1 + n % 90,
                        Date = today, Note = $"Entry {n}",
                    }, CancellationToken.None);
                }
                catch (Exception ex)
                {
                    errors.Add(ex);
                }
            }
        })));
        clock.Stop();

        Assert.True(errors.IsEmpty, $"{errors.Count} writes failed; the first: {errors.FirstOrDefault()}");
        await using var db = _db.NewDb();
        Assert.Equal(Writers * EntriesEach, await db.SupportEntries.CountAsync());
        Assert.Equal(Writers * EntriesEach, await db.AuditLog.CountAsync(a => a.Action == "support.logged"));
        foreach (var crew in crews)
        {
            Assert.Equal(EntriesEach, await db.SupportEntries.CountAsync(s => s.LeaderId == crew.Leader.PersonId));
        }
        Console.WriteLine($"{(TestProvider.Postgres ? "PostgreSQL" : "SQLite")}: {Writers * EntriesEach:N0} entries by {Writers} writers in " +
                          $"{clock.Elapsed.TotalSeconds:0.0} s = {Writers * EntriesEach / clock.Elapsed.TotalSeconds:N0} entries/s, 0 errors");
    }
}
