using ServantLeader.Domain.Common;
using ServantLeader.Domain.Growth;
using ServantLeader.Domain.Support;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Tests.Growth;

[Trait("Area", "Growth")]
public sealed class OrgPictureTests : OrganisationTests
{
    private OrgPicture Picture => Db.Get<OrgPicture>();
    private DateOnly Today => Db.Clock.Today;

    private async Task ReportAsync(Actor person, Actor? manager)
    {
        await using var db = Db.NewDb();
        var row = await db.People.FindAsync(person.PersonId);
        row!.ReportTo(manager?.PersonId);
        await db.SaveChangesAsync();
    }

    private async Task SupportAsync(Actor leader, Actor member, int team, int minutes, DateOnly date)
    {
        await using var db = Db.NewDb();
        db.SupportEntries.Add(new SupportEntry(leader.PersonId, member.PersonId, team, null, SupportCategory.Coaching, minutes, date, "", false, Db.Clock.Now));
        await db.SaveChangesAsync();
    }

    private async Task PeerAsync(Actor giver, Actor receiver, int team, int minutes, DateOnly date, bool confirmed)
    {
        await using var db = Db.NewDb();
        var entry = new PeerSupport(giver.PersonId, receiver.PersonId, team, SupportCategory.Mentoring, minutes, date, "", false, Db.Clock.Now);
        if (confirmed)
        {
            entry.Confirm(null, Db.Clock.Now);
        }
        db.PeerSupport.Add(entry);
        await db.SaveChangesAsync();
    }

    private async Task MentorAsync(Actor mentor, Actor mentee)
    {
        await using var db = Db.NewDb();
        var pair = new MentoringPair(mentor.PersonId, mentee.PersonId, mentor.PersonId, "Testing", Db.Clock.Now);
        pair.Accept(Db.Clock.Now);
        db.MentoringPairs.Add(pair);
        await db.SaveChangesAsync();
    }

    private static string Key(Actor person) => $"p{person.PersonId}";

    [Fact]
    public async Task Members_are_at_the_top_leaders_beneath_and_those_who_lead_leaders_at_the_bottom()
    {
        var boss = await Db.PersonAsync("Bea Boss");
        var bigBoss = await Db.PersonAsync("Ben Bigboss");
        await ReportAsync(Org.Lea, boss);
        await ReportAsync(Org.Colin, bigBoss);   // Colin skips a level: Ben still sits below Bea
        await ReportAsync(boss, bigBoss);
        await ReportAsync(bigBoss, Org.Lea);     // a cycle in the org chart: cut where it closes
        await ReportAsync(Org.Mia, Org.Lea);     // a member's manager changes nothing: members are drawn from the team

        var view = await Picture.ReadAsync(Org.Lea, Org.Product, OrgPicture.DefaultWeeks, default);

        Assert.Equal(PictureScope.Team, view.Scope);
        Assert.Equal(0, view.Node(Key(Org.Mia))!.Level);
        Assert.Equal(0, view.Node(Key(Org.Max))!.Level);
        Assert.Equal(1, view.Node(Key(Org.Lea))!.Level);
        Assert.Equal(1, view.Node(Key(Org.Colin))!.Level);
        Assert.Equal(2, view.Node(Key(boss))!.Level);
        Assert.Equal(3, view.Node(Key(bigBoss))!.Level);
        Assert.Equal(6, view.Nodes.Count);
        Assert.Equal(4, view.Levels.Count);
        var reports = view.Edges.Where(e => e.Kind == PictureEdgeKind.ReportsTo).Select(e => (e.From, e.To)).Order().ToList();
        Assert.Equal(new[] { (Key(Org.Colin), Key(bigBoss)), (Key(Org.Lea), Key(boss)), (Key(boss), Key(bigBoss)) }.Order(), reports);
    }

    [Fact]
    public void A_chain_stops_at_a_cycle_and_after_the_deepest_level()
    {
        var managerOf = new Dictionary<int, int> { [1] = 2, [2] = 3, [3] = 2 };
        Assert.Equal(new Dictionary<int, int> { [2] = 1, [3] = 2 }, OrgChartLevels.Depths([1], managerOf, new HashSet<int>()));

        var line = Enumerable.Range(1, 20).ToDictionary(i => i, i => i + 1);
        var depths = OrgChartLevels.Depths([1], line, new HashSet<int>());
        Assert.Equal(OrgChartLevels.MaxDepth, depths.Values.Max());
        Assert.Equal(OrgChartLevels.MaxDepth, depths.Count);
    }

    [Fact]
    public async Task Edge_widths_are_the_minutes_in_the_period_summed_apart_from_the_picture()
    {
        var random = new Random(15);
        var rows = new List<(Actor Giver, Actor Receiver, int Team, int Minutes, DateOnly Date, bool Peer, bool Confirmed)>();
        Actor[] leaders = [Org.Lea, Org.Colin];
        Actor[] members = [Org.Mia, Org.Max];
        for (var i = 0; i < 40; i++)
        {
            var date = Today.AddDays(-random.Next(0, 60));
            var minutes = random.Next(5, 120);
            if (random.Next(2) == 0)
            {
                rows.Add((leaders[random.Next(2)], members[random.Next(2)], Org.Product, minutes, date, false, true));
            }
            else
            {
                var giver = members[random.Next(2)];
                rows.Add((giver, giver == Org.Mia ? Org.Max : Org.Mia, Org.Product, minutes, date, true, random.Next(2) == 0));
            }
        }
        rows.Add((Org.Otto, Org.Pia, Org.Platform, 90, Today, false, true));   // another team's support is not drawn
        foreach (var r in rows)
        {
            await (r.Peer ? PeerAsync(r.Giver, r.Receiver, r.Team, r.Minutes, r.Date, r.Confirmed) : SupportAsync(r.Giver, r.Receiver, r.Team, r.Minutes, r.Date));
        }

        var view = await Picture.ReadAsync(Org.Lea, Org.Product, 4, default);

        var from = Today.AddDays(-27);
        var expected = rows.Where(r => r.Team == Org.Product && r.Date >= from && r.Date <= Today)
            .GroupBy(r => (From: Key(r.Giver), To: Key(r.Receiver), Kind: r.Peer ? PictureEdgeKind.PeerSupport : PictureEdgeKind.Support, r.Confirmed))
            .ToDictionary(g => g.Key, g => (Minutes: g.Sum(r => r.Minutes), Count: g.Count()));
        var actual = view.Edges.Where(e => e.Kind is PictureEdgeKind.Support or PictureEdgeKind.PeerSupport)
            .ToDictionary(e => (e.From, e.To, e.Kind, e.Confirmed), e => (Minutes: e.Minutes!.Value, e.Count));
        Assert.Equal(expected.OrderBy(e => e.Key.ToString()), actual.OrderBy(e => e.Key.ToString()));
        Assert.Contains(view.Edges, e => e.Kind == PictureEdgeKind.PeerSupport && !e.Confirmed);

        var served = rows.Where(r => !r.Peer && r.Team == Org.Product && r.Date >= from).Select(r => r.Receiver).Distinct().Count();
        Assert.Equal(new PictureCoverage(served, 2), view.Node(Key(Org.Lea))!.Coverage);
    }

    [Fact]
    public async Task A_member_sees_their_teammates_names_but_only_the_edges_they_are_part_of()
    {
        await SupportAsync(Org.Lea, Org.Mia, Org.Product, 30, Today);
        await SupportAsync(Org.Lea, Org.Max, Org.Product, 45, Today);
        await PeerAsync(Org.Max, Org.Mia, Org.Product, 20, Today, confirmed: false);
        await MentorAsync(Org.Colin, Org.Max);

        var view = await Picture.ReadAsync(Org.Mia, null, 4, default);

        Assert.Equal(Org.Product, view.TeamId);
        Assert.Contains(view.Nodes, n => n.Name == "Max Member");
        Assert.All(view.Edges.Where(e => e.Kind != PictureEdgeKind.ReportsTo), e => Assert.Contains(Key(Org.Mia), new[] { e.From, e.To }));
        Assert.Equal(2, view.Edges.Count);
        Assert.Null(view.Node(Key(Org.Max))!.Coverage);                        // whether Max was served is not Mia's to know
        Assert.Equal(new PictureCoverage(1, 1), view.Node(Key(Org.Mia))!.Coverage);
        Assert.True(view.Node(Key(Org.Lea))!.Withheld);                        // two members: the team's coverage would single one out
        Assert.Equal(Org.Mia.PersonId, view.Node(Key(Org.Mia))!.GrowthPersonId);
        Assert.Null(view.Node(Key(Org.Max))!.GrowthPersonId);
        Assert.Null(view.Node(Key(Org.Lea))!.DashboardTeamId);
    }

    [Fact]
    public async Task A_leader_may_open_their_members_growth_pages_and_the_teams_dashboard()
    {
        var view = await Picture.ReadAsync(Org.Lea, null, 4, default);

        Assert.Equal(Org.Max.PersonId, view.Node(Key(Org.Max))!.GrowthPersonId);
        Assert.Equal(Org.Product, view.Node(Key(Org.Colin))!.DashboardTeamId);
        Assert.Null(view.Node(Key(Org.Colin))!.GrowthPersonId);
    }

    [Fact]
    public async Task HR_sees_teams_as_nodes_and_figures_only_for_teams_of_three_members_or_more()
    {
        var moe = await Db.PersonAsync("Moe Member");
        await using (var db = Db.NewDb())
        {
            db.Memberships.Add(new Membership(Org.Product, moe.PersonId, TeamRole.Member, Db.Clock.Now.AddDays(-100)));
            await db.SaveChangesAsync();
        }
        var boss = await Db.PersonAsync("Bea Boss");
        await ReportAsync(Org.Lea, boss);
        await ReportAsync(Org.Otto, boss);
        Db.Clock.Advance(TimeSpan.FromDays(14));   // HR's whole weeks: the teams' members had joined by then
        var lastWeek = Today.AddDays(-5);   // Friday of the last whole week
        await SupportAsync(Org.Lea, Org.Mia, Org.Product, 30, lastWeek);
        await SupportAsync(Org.Colin, moe, Org.Product, 60, lastWeek);
        await SupportAsync(Org.Lea, Org.Mia, Org.Product, 999, Today);   // this week is not over: not counted for HR
        await SupportAsync(Org.Otto, Org.Pia, Org.Platform, 40, lastWeek);
        await PeerAsync(Org.Mia, Org.Max, Org.Product, 25, lastWeek, confirmed: true);
        await PeerAsync(Org.Max, moe, Org.Product, 15, lastWeek, confirmed: false);

        var view = await Picture.ReadAsync(Org.Hr, null, 4, default);

        Assert.Equal(PictureScope.Organisation, view.Scope);
        Assert.All(view.Nodes, n => Assert.NotEqual(PictureNodeKind.Person, n.Kind));
        Assert.All(view.Nodes, n => Assert.DoesNotContain("Bea", n.Name, StringComparison.Ordinal));
        var product = view.Node($"t{Org.Product}")!;
        Assert.Equal(new PictureCoverage(2, 3), product.Coverage);
        Assert.Equal(new PictureTeamFigures(90, 25, 15, 0), product.Figures);
        var platform = view.Node($"t{Org.Platform}")!;
        Assert.True(platform.Withheld);
        Assert.Null(platform.Coverage);
        Assert.Null(platform.Figures);
        var group = Assert.Single(view.Nodes, n => n.Kind == PictureNodeKind.Group);
        Assert.Equal(1, group.Level);
        Assert.Equal(new PictureCoverage(2, 3), group.Coverage);   // Platform is left out of the sum, not only hidden
        Assert.Equal(90, view.Edges.Single(e => e.From == product.Key).Minutes);
        Assert.Null(view.Edges.Single(e => e.From == platform.Key).Minutes);
        Assert.Equal(new DateOnly(2026, 11, 29), view.To);
    }

    [Fact]
    public async Task Nobody_outside_a_team_may_open_its_picture_and_someone_in_no_team_gets_an_empty_one()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => Picture.ReadAsync(Org.Pia, Org.Product, 4, default));
        await Assert.ThrowsAsync<NotFoundException>(() => Picture.ReadAsync(Org.Hr, Org.Product, 4, default));
        await Assert.ThrowsAsync<NotFoundException>(() => Picture.ReadAsync(Org.Admin, Org.Product, 4, default));
        await Assert.ThrowsAsync<NotFoundException>(() => Picture.ReadAsync(Org.Lea, 999_999, 4, default));

        var empty = await Picture.ReadAsync(Org.Admin, null, 4, default);
        Assert.Equal(PictureScope.Empty, empty.Scope);
        Assert.Empty(empty.Nodes);
        Assert.Empty(empty.Edges);
    }

    [Fact]
    public async Task Without_a_team_in_the_address_a_reader_gets_a_team_they_lead_before_one_they_belong_to()
    {
        var zebra = await Db.TeamAsync("Zebra", (Org.Mia, TeamRole.Leader));

        var view = await Picture.ReadAsync(Org.Mia, null, 4, default);

        Assert.Equal(zebra, view.TeamId);
        Assert.Equal([zebra, Org.Product], view.Teams.Select(t => t.Id));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(53)]
    public async Task Weeks_outside_one_to_fifty_two_are_refused_at_the_field(int weeks)
    {
        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Picture.ReadAsync(Org.Lea, null, weeks, default));
        Assert.Contains("weeks", refused.Errors.Keys);
    }
}
