using Microsoft.Data.Sqlite;
using ServantLeader.Domain.Dashboard;

namespace ServantLeader.Benchmarks.Floor;

/// <summary>
/// The floor: the dashboard's outputs (every figure with the people and the count behind it, week by week for a team,
/// HR's whole-weeks rule for the overview, the member table and the leaders' lists), each figure by plain hand-written
/// SQL over the base tables through ADO.NET on one connection, written from docs/metrics.md and not from the app's
/// statements. What the database itself costs to give exactly what we give; <see cref="FloorCheck"/> proves it does.
/// </summary>
internal sealed class FloorDashboard(string connectionString, DateTimeOffset now)
{
    /// <summary>A leader's dashboard of one team: the whole period, its weeks and its halves.</summary>
    public Task<FloorResult> TeamAsync(int teamId, DashboardPeriod period) => ReadAsync(teamId, period);

    /// <summary>HR's overview: every team, the whole period built from its whole weeks.</summary>
    public Task<FloorResult> OverviewAsync(DashboardPeriod period) => ReadAsync(null, period);

    private async Task<FloorResult> ReadAsync(int? teamId, DashboardPeriod period)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var context = new FloorContext(connection, now, period, teamId);
        var result = new FloorResult();
        await FloorRequests.ReadAsync(context, result);
        await FloorSupport.ReadAsync(context, result);
        await FloorCheckIns.ReadAsync(context, result);
        await FloorFollowThrough.ReadAsync(context, result);
        return result;
    }
}
