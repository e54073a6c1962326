using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Growth;

/// <summary>
/// HR's picture: teams as nodes at the top, and beneath them groups, one per leader of leaders, with the teams whose
/// leaders report to them (a team with leaders under different managers joins the group of the first manager by id).
/// The groups are not named after the person: HR sees teams and aggregates, never people. A team's figures are shown
/// only when it has at least <see cref="GroupSize.Minimum"/> members; a group adds up only its shown teams, so that
/// subtracting the shown teams from a group can never reveal a small team. Mentoring between two teams is drawn only
/// when at least <see cref="GroupSize.Minimum"/> pairs join them and both teams are shown.
/// </summary>
public sealed partial class OrgPicture
{
    private async Task<OrgPictureView> OrganisationAsync(ServantLeaderDb db, int weeks, IReadOnlyList<PictureTeamChoice> choices, CancellationToken ct)
    {
        var (from, to) = WholeWeeks(weeks);
        var end = EndOf(to);
        var teams = await db.Teams.OrderBy(t => t.Name).ThenBy(t => t.Id).Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        // Coverage as the dashboard counts it: members (active, joined by the end) with a support entry in the team in
        // the period; one pass over the memberships, each an index lookup into the support entries.
        var coverage = await db.Memberships
            .Where(m => m.Role == TeamRole.Member && m.Person.IsActive && m.Since < end)
            .GroupBy(m => m.TeamId)
            .Select(g => new
            {
                TeamId = g.Key,
                Members = g.Count(),
                Served = g.Count(m => db.SupportEntries.Any(s => s.MemberId == m.PersonId && s.TeamId == m.TeamId && s.Date >= from && s.Date <= to)),
            })
            .ToDictionaryAsync(r => r.TeamId, r => new PictureCoverage(r.Served, r.Members), ct);
        var supportMinutes = await db.SupportEntries
            .Where(s => s.Date >= from && s.Date <= to)
            .GroupBy(s => s.TeamId)
            .Select(g => new { TeamId = g.Key, Minutes = g.Sum(s => s.Minutes) })
            .ToDictionaryAsync(r => r.TeamId, r => r.Minutes, ct);
        var peers = await db.PeerSupport
            .Where(s => s.Date >= from && s.Date <= to)
            .GroupBy(s => new { s.TeamId, Confirmed = s.ConfirmedAt != null })
            .Select(g => new { g.Key.TeamId, g.Key.Confirmed, Minutes = g.Sum(s => s.Minutes) })
            .ToListAsync(ct);
        var mentoring = await (
            from p in db.MentoringPairs
            where p.Status == MentoringStatus.Active
            from a in db.Memberships where a.PersonId == p.MentorId
            from b in db.Memberships where b.PersonId == p.MenteeId
            group p by new { From = a.TeamId, To = b.TeamId } into g
            select new { g.Key.From, g.Key.To, Pairs = g.Select(p => p.Id).Distinct().Count() }).ToListAsync(ct);
        var leaders = await db.Memberships
            .Where(m => m.Role == TeamRole.Leader && m.Person.IsActive)
            .Select(m => new { m.TeamId, m.PersonId })
            .ToListAsync(ct);

        var leaderIds = leaders.Select(l => l.PersonId).Distinct().ToList();
        var (managerOf, _) = await OrgChartLevels.ChainsAsync(db, leaderIds, ct);
        // Leaders are drawn inside their team nodes, so a leader who also leads leaders still gets a group below.
        var depths = OrgChartLevels.Depths(leaderIds, managerOf, new HashSet<int>());
        var groupOfTeam = leaders
            .Where(l => managerOf.TryGetValue(l.PersonId, out var m) && depths.ContainsKey(m))
            .GroupBy(l => l.TeamId)
            .ToDictionary(g => g.Key, g => g.Select(l => managerOf[l.PersonId]).Min());

        bool IsShown(int teamId) => coverage.TryGetValue(teamId, out var c) && c.Members >= GroupSize.Minimum;
        PictureCoverage TeamCoverage(int teamId) => coverage.GetValueOrDefault(teamId) ?? new PictureCoverage(0, 0);
        var peerMinutes = peers.ToLookup(p => (p.TeamId, p.Confirmed), p => p.Minutes);
        var pairsInTeam = mentoring.Where(m => m.From == m.To).ToDictionary(m => m.From, m => m.Pairs);

        // Groups are numbered in the order of their first team, so their keys say nothing about who leads them.
        var groupKeys = new Dictionary<int, string>();
        var orderedTeams = teams.OrderBy(t => groupOfTeam.TryGetValue(t.Id, out var g) ? depths[g] : int.MaxValue)
            .ThenBy(t => groupOfTeam.GetValueOrDefault(t.Id)).ToList();
        string GroupKey(int manager) => groupKeys.TryGetValue(manager, out var key) ? key : groupKeys[manager] = $"g{groupKeys.Count + 1}";

        var nodes = new List<PictureNode>();
        var edges = new List<PictureEdge>();
        foreach (var team in orderedTeams)
        {
            var shown = IsShown(team.Id);
            var minutes = supportMinutes.GetValueOrDefault(team.Id);
            var figures = shown
                ? new PictureTeamFigures(minutes, peerMinutes[(team.Id, true)].Sum(), peerMinutes[(team.Id, false)].Sum(),
                    pairsInTeam.GetValueOrDefault(team.Id))
                : null;
            nodes.Add(new PictureNode($"t{team.Id}", PictureNodeKind.Team, team.Name, 0, "team",
                shown ? TeamCoverage(team.Id) : null, !shown, null, team.Id, figures));
            if (groupOfTeam.TryGetValue(team.Id, out var manager))
            {
                edges.Add(new PictureEdge($"t{team.Id}", GroupKey(manager), PictureEdgeKind.Support, shown ? minutes : null, 1, true));
            }
        }

        // Each leader of leaders: the teams beneath them (directly or through other groups), added up over shown teams.
        var beneath = depths.Keys.ToDictionary(m => m, _ => new HashSet<int>());
        foreach (var (teamId, manager) in groupOfTeam)
        {
            var seen = new HashSet<int>();
            for (var m = manager; depths.ContainsKey(m) && seen.Add(m); m = managerOf.GetValueOrDefault(m, m))
            {
                beneath[m].Add(teamId);
            }
        }
        foreach (var (manager, depth) in depths.Where(d => beneath[d.Key].Count > 0)
                     .OrderBy(d => d.Value).ThenBy(d => GroupKey(d.Key), StringComparer.Ordinal))
        {
            var under = beneath[manager];
            var shownTeams = under.Where(IsShown).ToList();
            var sum = shownTeams.Count == 0 ? null : new PictureCoverage(
                shownTeams.Sum(t => TeamCoverage(t).Served), shownTeams.Sum(t => TeamCoverage(t).Members));
            nodes.Add(new PictureNode(GroupKey(manager), PictureNodeKind.Group,
                $"{under.Count} {(under.Count == 1 ? "team" : "teams")} under one leader of leaders", depth, "group",
                sum, sum is null, null, null));
            if (managerOf.TryGetValue(manager, out var parent) && depths.TryGetValue(parent, out var parentDepth) && parentDepth > depth
                && beneath[parent].Count > 0)
            {
                edges.Add(new PictureEdge(GroupKey(manager), GroupKey(parent), PictureEdgeKind.ReportsTo, null, 1, true));
            }
        }
        edges.AddRange(mentoring
            .Where(m => m.From != m.To && m.Pairs >= GroupSize.Minimum && IsShown(m.From) && IsShown(m.To))
            .Select(m => new PictureEdge($"t{m.From}", $"t{m.To}", PictureEdgeKind.Mentoring, null, m.Pairs, true)));

        var bottom = nodes.Count == 0 ? 0 : nodes.Max(n => n.Level);
        var levels = new List<PictureLevel> { new(0, "Teams: the people who do the work and their leaders") };
        levels.AddRange(Enumerable.Range(1, bottom).Select(d => new PictureLevel(d, d == 1
            ? "Teams grouped under those who lead their leaders" : $"Groups of groups, {d} steps down")));
        return new OrgPictureView(PictureScope.Organisation, null, "The whole organisation", from, to, weeks, true, true,
            levels, nodes, edges, choices, true);
    }
}
