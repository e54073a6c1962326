using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Growth;

/// <summary>
/// The organisation drawn upside down: the people who do the work at the top, their leaders beneath them, those who
/// lead leaders at the bottom. Who sees what:
/// <list type="bullet">
/// <item>a leader of a team: that team with names, every edge with its minutes, each member's coverage;</item>
/// <item>a member of a team: the same people with names, but only the edges they are an end of (with minutes: they
/// can read their own support anyway), and the team's coverage only when it rests on at least
/// <see cref="GroupSize.Minimum"/> members; a teammate's support or mentoring is theirs, as on the dashboard, where
/// the member coverage table is for leaders only;</item>
/// <item>HR (with or without Admin): the whole organisation with teams as nodes, no people; a team's figures only
/// when it has at least <see cref="GroupSize.Minimum"/> members (<see cref="Organisation"/>);</item>
/// <item>anyone else: an empty picture. A team the reader neither leads nor belongs to is not found, for HR too.</item>
/// </list>
/// Every figure is summed by the database (GROUP BY); only the nodes and the sums come back.
/// </summary>
public sealed partial class OrgPicture(IDbContextFactory<ServantLeaderDb> dbs, TimeProvider clock)
{
    public const int DefaultWeeks = 4;
    public const int MaxWeeks = 52;

    public DateOnly Today => clock.Today();

    public async Task<OrgPictureView> ReadAsync(Actor actor, int? teamId, int weeks, CancellationToken ct)
    {
        if (weeks is < 1 or > MaxWeeks)
        {
            throw new RuleViolationException("weeks", $"Choose between 1 and {MaxWeeks} weeks.");
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        var choices = await ChoicesAsync(db, actor.PersonId, ct);
        if (teamId is { } id)
        {
            var choice = choices.FirstOrDefault(c => c.Id == id) ?? throw new NotFoundException();
            return await TeamAsync(db, actor, choice, weeks, choices, ct);
        }
        if (actor.IsHr)
        {
            return await OrganisationAsync(db, weeks, choices, ct);
        }
        if (choices.Count > 0)
        {
            return await TeamAsync(db, actor, choices[0], weeks, choices, ct);
        }
        var (from, to) = Days(weeks);
        return new OrgPictureView(PictureScope.Empty, null, "", from, to, weeks, false, false, [], [], [], [], false);
    }

    /// <summary>The last <paramref name="weeks"/> weeks up to today.</summary>
    private (DateOnly From, DateOnly To) Days(int weeks) => (Today.AddDays(1 - 7 * weeks), Today);

    /// <summary>
    /// HR's period: whole Monday-to-Sunday weeks that are over, as on the dashboard, so that moving the period by a day
    /// cannot tell one day's support apart.
    /// </summary>
    private (DateOnly From, DateOnly To) WholeWeeks(int weeks)
    {
        var day = (int)Today.DayOfWeek;
        var lastSunday = Today.AddDays(-(day == 0 ? 7 : day));
        return (lastSunday.AddDays(1 - 7 * weeks), lastSunday);
    }

    /// <summary>End of a day as an instant on the server's clock: memberships that began before it count.</summary>
    private DateTimeOffset EndOf(DateOnly day)
    {
        var zone = clock.LocalTimeZone;
        var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }

    /// <summary>The teams the person leads first (their default picture), then those they belong to.</summary>
    private static async Task<IReadOnlyList<PictureTeamChoice>> ChoicesAsync(ServantLeaderDb db, int personId, CancellationToken ct) =>
        await db.Memberships
            .Where(m => m.PersonId == personId && m.Person.IsActive)
            .OrderBy(m => m.Role == TeamRole.Leader ? 0 : 1).ThenBy(m => m.Team.Name).ThenBy(m => m.TeamId)
            .Select(m => new PictureTeamChoice(m.TeamId, m.Team.Name, m.Role == TeamRole.Leader))
            .ToListAsync(ct);

    private async Task<OrgPictureView> TeamAsync(ServantLeaderDb db, Actor actor, PictureTeamChoice team, int weeks,
        IReadOnlyList<PictureTeamChoice> choices, CancellationToken ct)
    {
        var (from, to) = Days(weeks);
        var end = EndOf(to);
        var leads = team.Leads;
        var me = actor.PersonId;

        var people = await db.Memberships
            .Where(m => m.TeamId == team.Id && m.Person.IsActive)
            .OrderBy(m => m.Person.DisplayName).ThenBy(m => m.PersonId)
            .Select(m => new { m.PersonId, m.Person.DisplayName, m.Role, Counted = m.Since < end })
            .ToListAsync(ct);
        var support = await db.SupportEntries
            .Where(s => s.TeamId == team.Id && s.Date >= from && s.Date <= to)
            .GroupBy(s => new { s.LeaderId, s.MemberId })
            .Select(g => new { g.Key.LeaderId, g.Key.MemberId, Minutes = g.Sum(s => s.Minutes), Count = g.Count() })
            .ToListAsync(ct);
        var peers = await db.PeerSupport
            .Where(s => s.TeamId == team.Id && s.Date >= from && s.Date <= to)
            .GroupBy(s => new { s.GiverId, s.ReceiverId, Confirmed = s.ConfirmedAt != null })
            .Select(g => new { g.Key.GiverId, g.Key.ReceiverId, g.Key.Confirmed, Minutes = g.Sum(s => s.Minutes), Count = g.Count() })
            .ToListAsync(ct);

        var members = people.Where(p => p.Role == TeamRole.Member).ToList();
        var leaders = people.Where(p => p.Role == TeamRole.Leader).ToList();
        var placed = people.Select(p => p.PersonId).ToHashSet();
        var (managerOf, managerNames) = await OrgChartLevels.ChainsAsync(db, leaders.Select(l => l.PersonId), ct);
        var depths = OrgChartLevels.Depths(leaders.Select(l => l.PersonId), managerOf, placed);
        var everyone = placed.Concat(depths.Keys).ToList();
        var pairs = await db.MentoringPairs
            .Where(p => p.Status == MentoringStatus.Active && everyone.Contains(p.MentorId) && everyone.Contains(p.MenteeId))
            .Select(p => new { p.MentorId, p.MenteeId })
            .ToListAsync(ct);

        var counted = members.Where(m => m.Counted).Select(m => m.PersonId).ToHashSet();
        var served = support.Where(s => counted.Contains(s.MemberId)).Select(s => s.MemberId).ToHashSet();
        var coverage = new PictureCoverage(served.Count, counted.Count);
        var coverageShown = leads || counted.Count >= GroupSize.Minimum;

        async Task<int?> GrowthLinkAsync(int personId) =>
            await db.CanReadPlanAsync(me, personId, ct) ? personId : null;

        var nodes = new List<PictureNode>();
        foreach (var m in members)
        {
            var ownStatus = leads || m.PersonId == me;
            var mine = m.Counted && ownStatus ? new PictureCoverage(served.Contains(m.PersonId) ? 1 : 0, 1) : null;
            nodes.Add(new PictureNode(Key(m.PersonId), PictureNodeKind.Person, m.DisplayName, 0, "member", mine, false,
                await GrowthLinkAsync(m.PersonId), null));
        }
        foreach (var l in leaders)
        {
            nodes.Add(new PictureNode(Key(l.PersonId), PictureNodeKind.Person, l.DisplayName, 1, "leader",
                coverageShown ? coverage : null, !coverageShown, await GrowthLinkAsync(l.PersonId), leads ? team.Id : null));
        }
        foreach (var (manager, depth) in depths.OrderBy(d => d.Value).ThenBy(d => managerNames[d.Key], StringComparer.CurrentCulture))
        {
            nodes.Add(new PictureNode(Key(manager), PictureNodeKind.Person, managerNames[manager], 1 + depth, "leads leaders",
                null, false, await GrowthLinkAsync(manager), null));
        }

        // A member sees only the edges they are an end of; a leader sees them all, with minutes.
        bool Shown(int a, int b) => leads || a == me || b == me;
        var edges = new List<PictureEdge>();
        edges.AddRange(support.Where(s => placed.Contains(s.LeaderId) && placed.Contains(s.MemberId) && Shown(s.LeaderId, s.MemberId))
            .Select(s => new PictureEdge(Key(s.LeaderId), Key(s.MemberId), PictureEdgeKind.Support, s.Minutes, s.Count, true)));
        edges.AddRange(peers.Where(s => placed.Contains(s.GiverId) && placed.Contains(s.ReceiverId) && Shown(s.GiverId, s.ReceiverId))
            .Select(s => new PictureEdge(Key(s.GiverId), Key(s.ReceiverId), PictureEdgeKind.PeerSupport, s.Minutes, s.Count, s.Confirmed)));
        edges.AddRange(pairs.Where(p => Shown(p.MentorId, p.MenteeId))
            .Select(p => new PictureEdge(Key(p.MentorId), Key(p.MenteeId), PictureEdgeKind.Mentoring, null, 1, true)));
        var depthOf = leaders.ToDictionary(l => l.PersonId, _ => 0);
        foreach (var (manager, depth) in depths)
        {
            depthOf[manager] = depth;
        }
        edges.AddRange(depthOf.Where(p => managerOf.TryGetValue(p.Key, out var m) && depthOf.TryGetValue(m, out var d) && d > p.Value)
            .Select(p => new PictureEdge(Key(p.Key), Key(managerOf[p.Key]), PictureEdgeKind.ReportsTo, null, 1, true)));

        var bottom = depths.Count == 0 ? 0 : depths.Values.Max();
        var levels = new List<PictureLevel> { new(0, "Members: the people who do the work"), new(1, "Their leaders") };
        levels.AddRange(Enumerable.Range(1, bottom).Select(d => new PictureLevel(1 + d, d == 1 ? "Those who lead the leaders" : $"Leaders of leaders, {d} steps down")));
        return new OrgPictureView(PictureScope.Team, team.Id, team.Name, from, to, weeks, false, true, levels, nodes,
            edges.OrderBy(e => e.Kind).ThenBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal).ToList(),
            choices, actor.IsHr);
    }

    private static string Key(int personId) => $"p{personId}";
}
