using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Data;

namespace ServantLeader.Domain.Dashboard;

/// <summary>
/// Reads that run side by side, each on its own context and connection, each returning its own values: the figure
/// families read disjoint tables, SQLite's WAL lets readers run in parallel, and a dashboard is one person waiting.
/// A host that hands every context the same open connection (an in-memory database) cannot read in parallel: there
/// the reads run one after another, in the order they were started.
/// </summary>
internal sealed class ParallelReads
{
    private readonly IDbContextFactory<ServantLeaderDb> _dbs;
    private readonly bool _oneConnection;
    private readonly CancellationToken _ct;
    private Task _last = Task.CompletedTask;

    private ParallelReads(IDbContextFactory<ServantLeaderDb> dbs, bool oneConnection, CancellationToken ct)
    {
        _dbs = dbs;
        _oneConnection = oneConnection;
        _ct = ct;
    }

    public static async Task<ParallelReads> StartAsync(IDbContextFactory<ServantLeaderDb> dbs, ServantLeaderDb db, CancellationToken ct)
    {
        await using var other = await dbs.CreateDbContextAsync(ct);
        var oneConnection = ReferenceEquals(db.Database.GetDbConnection(), other.Database.GetDbConnection());
        return new ParallelReads(dbs, oneConnection, ct);
    }

    public Task<T> Run<T>(Func<ServantLeaderDb, Task<T>> read)
    {
        if (_oneConnection)
        {
            var next = AfterAsync(_last, read);
            _last = next;
            return next;
        }
        // SQLite's "async" calls complete synchronously; Task.Run is what puts the reads on separate cores.
        return Task.Run(() => OnOwnContextAsync(read), _ct);
    }

    private async Task<T> AfterAsync<T>(Task previous, Func<ServantLeaderDb, Task<T>> read)
    {
        await previous;
        return await OnOwnContextAsync(read);
    }

    private async Task<T> OnOwnContextAsync<T>(Func<ServantLeaderDb, Task<T>> read)
    {
        await using var db = await _dbs.CreateDbContextAsync(_ct);
        return await read(db);
    }
}
