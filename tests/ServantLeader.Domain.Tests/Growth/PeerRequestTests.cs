using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Dashboard;
using ServantLeader.Domain.Growth;
using ServantLeader.Domain.Notifications;

namespace ServantLeader.Domain.Tests.Growth;

[Trait("Area", "Growth")]
public sealed class PeerRequestTests : OrganisationTests
{
    private PeerRequests Requests => Db.Get<PeerRequests>();

    private Task<int> AskAsync(Actor asker, Actor peer, int? skillId = null, int? goalId = null, string message = "Could you show me how you profile a slow query?") =>
        Requests.AskAsync(asker, new AskPeer { PeerId = peer.PersonId, SkillId = skillId, GoalId = goalId, Message = message }, default);

    [Fact]
    public async Task Teachers_are_found_only_among_people_who_share_a_team_confirmed_first_and_unconfirmed_marked()
    {
        await Db.SkillAsync(Org.Colin, "SQL", SkillLevel.CanTeach, confirmedBy: Org.Lea);
        await Db.SkillAsync(Org.Max, "SQL tuning", SkillLevel.CanTeach);
        await Db.SkillAsync(Org.Lea, "sql", SkillLevel.Practising, confirmedBy: Org.Colin);
        await Db.SkillAsync(Org.Pia, "SQL", SkillLevel.CanTeach, confirmedBy: Org.Otto);
        await Db.SkillAsync(Org.Mia, "SQL", SkillLevel.CanTeach);

        var found = await Requests.FindTeachersAsync(Org.Mia, "  Sql ", default);
        var fromPlatform = await Requests.FindTeachersAsync(Org.Otto, "sql", default);
        var forHr = await Requests.FindTeachersAsync(Org.Hr, "sql", default);

        Assert.Equal([("Colin Coleader", true), ("Max Member", false)], found.Select(f => (f.Name, f.Confirmed)));
        Assert.Equal(["Pia Platform"], fromPlatform.Select(f => f.Name));
        Assert.Empty(forHr);
        Assert.Empty(await Requests.FindTeachersAsync(Org.Mia, " ", default));
    }

    [Fact]
    public async Task The_peer_accepts_with_an_answer_and_the_asker_marks_it_done_each_told_in_a_notification()
    {
        var skill = await Db.SkillAsync(Org.Max, "SQL", SkillLevel.CanTeach);
        var id = await AskAsync(Org.Mia, Org.Max, skill);
        var asked = Assert.Single(await Requests.AskedOfMeAsync(Org.Max, default));
        Assert.Equal(("Mia Member", "SQL", PeerRequestStatus.Open), (asked.AskerName, asked.SkillName, asked.Status));

        await Assert.ThrowsAsync<ActionNotAllowedException>(() => Requests.AnswerAsync(Org.Mia,
            new AnswerPeerRequest { RequestId = id, ExpectedVersion = asked.Version, Accept = true }, default));
        await Assert.ThrowsAsync<NotFoundException>(() => Requests.AnswerAsync(Org.Lea,
            new AnswerPeerRequest { RequestId = id, ExpectedVersion = asked.Version, Accept = true }, default));
        await Requests.AnswerAsync(Org.Max, new AnswerPeerRequest { RequestId = id, ExpectedVersion = asked.Version, Accept = true,
            Answer = "Thursday after stand-up?" }, default);
        var mine = Assert.Single(await Requests.AskedByMeAsync(Org.Mia, default));
        Assert.Equal((PeerRequestStatus.Accepted, "Thursday after stand-up?"), (mine.Status, mine.Answer));
        await Assert.ThrowsAsync<ActionNotAllowedException>(() => Requests.MarkDoneAsync(Org.Max, id, mine.Version, default));
        await Requests.MarkDoneAsync(Org.Mia, id, mine.Version, default);

        Assert.Equal(PeerRequestStatus.Done, Assert.Single(await Requests.AskedOfMeAsync(Org.Max, default)).Status);
        await using var db = Db.NewDb();
        var notices = await db.Notifications.OrderBy(n => n.Id).Select(n => new { n.RecipientId, n.Kind }).ToListAsync();
        Assert.Equal([(Org.Max.PersonId, NotificationKind.PeerRequest), (Org.Mia.PersonId, NotificationKind.PeerRequest)],
            notices.Select(n => (n.RecipientId, n.Kind)));
    }

    [Fact]
    public async Task A_declined_request_cannot_be_marked_done_and_a_stale_answer_gets_a_conflict()
    {
        var id = await AskAsync(Org.Mia, Org.Max);
        var asked = Assert.Single(await Requests.AskedOfMeAsync(Org.Max, default));
        await Requests.AnswerAsync(Org.Max, new AnswerPeerRequest { RequestId = id, ExpectedVersion = asked.Version }, default);

        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Requests.AnswerAsync(Org.Max,
            new AnswerPeerRequest { RequestId = id, ExpectedVersion = asked.Version, Accept = true }, default));
        var mine = Assert.Single(await Requests.AskedByMeAsync(Org.Mia, default));
        await Assert.ThrowsAsync<RuleViolationException>(() => Requests.MarkDoneAsync(Org.Mia, id, mine.Version, default));
        Assert.Equal(PeerRequestStatus.Declined, mine.Status);
        Assert.Contains("Reload", stale.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_teammate_can_be_asked_with_a_message_their_own_skill_and_the_askers_own_goal()
    {
        var piasSkill = await Db.SkillAsync(Org.Pia, "SQL", SkillLevel.CanTeach);
        var maxsGoal = await Db.GoalAsync(Org.Max, "Lead a release");

        var outside = await Assert.ThrowsAsync<RuleViolationException>(() => AskAsync(Org.Mia, Org.Pia));
        var noMessage = await Assert.ThrowsAsync<RuleViolationException>(() => AskAsync(Org.Mia, Org.Max, message: " "));
        var notHisSkill = await Assert.ThrowsAsync<RuleViolationException>(() => AskAsync(Org.Mia, Org.Max, skillId: piasSkill));
        var notHerGoal = await Assert.ThrowsAsync<RuleViolationException>(() => AskAsync(Org.Mia, Org.Max, goalId: maxsGoal));
        var self = await Assert.ThrowsAsync<RuleViolationException>(() => AskAsync(Org.Mia, Org.Mia));

        Assert.Equal("You can ask an active teammate in a team you share.", Assert.Single(outside.Errors["PeerId"]));
        Assert.True(noMessage.Errors.ContainsKey("Message"));
        Assert.True(notHisSkill.Errors.ContainsKey("SkillId"));
        Assert.True(notHerGoal.Errors.ContainsKey("GoalId"));
        Assert.True(self.Errors.ContainsKey("PeerId"));
        await using var db = Db.NewDb();
        Assert.Equal(0, await db.PeerRequests.CountAsync());
    }

    [Fact]
    public async Task The_asker_sees_the_goal_the_help_is_for_and_the_peer_never_reads_it()
    {
        var goal = await Db.GoalAsync(Org.Mia, "Become the team's database person");
        await AskAsync(Org.Mia, Org.Max, goalId: goal);

        Assert.Equal("Become the team's database person", Assert.Single(await Requests.AskedByMeAsync(Org.Mia, default)).GoalWhat);
        Assert.Null(Assert.Single(await Requests.AskedOfMeAsync(Org.Max, default)).GoalWhat);
    }

    [Fact]
    public async Task A_peer_request_never_reaches_a_leaders_inbox_nor_changes_their_dashboard_figures()
    {
        await Org.AskAsync(Org.Mia, "A real request for the leader");
        var dashboards = Db.Get<DashboardService>();
        var inboxBefore = await Org.Requests.InboxAsync(Org.Lea, default);
        var figuresBefore = await FiguresAsync(dashboards);

        // Asked of a member, and of the leader herself as a peer: neither is service to count.
        var toMax = await AskAsync(Org.Mia, Org.Max);
        await AskAsync(Org.Max, Org.Lea);
        var asked = Assert.Single(await Requests.AskedOfMeAsync(Org.Max, default));
        await Requests.AnswerAsync(Org.Max, new AnswerPeerRequest { RequestId = toMax, ExpectedVersion = asked.Version, Accept = true }, default);

        var inboxAfter = await Org.Requests.InboxAsync(Org.Lea, default);
        Assert.Equal(inboxBefore.Select(i => i.Id), inboxAfter.Select(i => i.Id));
        Assert.Equal(figuresBefore, await FiguresAsync(dashboards));
        await using var db = Db.NewDb();
        Assert.Equal(1, await db.ServiceRequests.CountAsync());
    }

    private async Task<List<(Measure, double?)>> FiguresAsync(DashboardService dashboards)
    {
        var dashboard = await dashboards.TeamAsync(Org.Lea, Org.Product, dashboards.LastWeeks(4), 4, default);
        return dashboard.Figures.Select(f => (f.Measure, f.Value)).ToList();
    }
}
