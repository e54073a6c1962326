using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Data;

namespace ServantLeader.Domain.Growth;

/// <summary>
/// Those who lead leaders, from the org chart's managers (<c>Person.ManagerId</c>): the manager of a team leader is
/// one level below the leaders, that manager's manager one further, and so on. The org chart is imported from an HR
/// system and may be wrong, so the walk is defensive:
/// <list type="bullet">
/// <item>a missing or inactive manager ends the chain there (the person is drawn with nobody beneath);</item>
/// <item>a cycle (A reports to B, B to A) is cut where it closes: a chain stops at the first person it meets twice,
/// and an edge is drawn only downwards, so a cycle never draws an edge back up;</item>
/// <item>someone already drawn higher up (a member or leader of the drawn team) is not drawn again below;</item>
/// <item>at most <see cref="MaxDepth"/> levels of leaders of leaders; anyone further down is left out.</item>
/// </list>
/// A manager reached along several chains sits at the deepest level any chain puts them (they lead the longest line).
/// </summary>
public static class OrgChartLevels
{
    public const int MaxDepth = 6;

    /// <summary>For each manager reached from <paramref name="starts"/>: depth (1 = manager of a start).</summary>
    public static Dictionary<int, int> Depths(IEnumerable<int> starts, IReadOnlyDictionary<int, int> managerOf, IReadOnlySet<int> excluded)
    {
        var depths = new Dictionary<int, int>();
        foreach (var start in starts)
        {
            var seen = new HashSet<int> { start };
            var current = start;
            for (var depth = 1; depth <= MaxDepth && managerOf.TryGetValue(current, out var manager)
                 && !excluded.Contains(manager) && seen.Add(manager); depth++)
            {
                depths[manager] = Math.Max(depths.GetValueOrDefault(manager), depth);
                current = manager;
            }
        }
        return depths;
    }

    /// <summary>
    /// The managers of <paramref name="starts"/>, their managers and so on (at most <see cref="MaxDepth"/> steps),
    /// active people only: one query per level, each for the people just reached.
    /// </summary>
    internal static async Task<(Dictionary<int, int> ManagerOf, Dictionary<int, string> Names)> ChainsAsync(
        ServantLeaderDb db, IEnumerable<int> starts, CancellationToken ct)
    {
        var managerOf = new Dictionary<int, int>();
        var names = new Dictionary<int, string>();
        var asked = new HashSet<int>();
        var frontier = starts.Distinct().ToList();
        for (var step = 0; step < MaxDepth && frontier.Count > 0; step++)
        {
            asked.UnionWith(frontier);
            var rows = await (
                from p in db.People
                where frontier.Contains(p.Id) && p.IsActive && p.ManagerId != null && p.ManagerId != p.Id
                join m in db.People on p.ManagerId equals m.Id
                where m.IsActive
                select new { p.Id, ManagerId = m.Id, m.DisplayName }).ToListAsync(ct);
            foreach (var row in rows)
            {
                managerOf[row.Id] = row.ManagerId;
                names[row.ManagerId] = row.DisplayName;
            }
            frontier = rows.Select(r => r.ManagerId).Where(id => !asked.Contains(id)).Distinct().ToList();
        }
        return (managerOf, names);
    }
}
