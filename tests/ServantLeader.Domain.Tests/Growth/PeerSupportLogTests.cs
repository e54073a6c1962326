using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Growth;
using ServantLeader.Domain.Notifications;
using ServantLeader.Domain.Support;

namespace ServantLeader.Domain.Tests.Growth;

[Trait("Area", "Growth")]
public sealed class PeerSupportLogTests : OrganisationTests
{
    private PeerSupportLog Log => Db.Get<PeerSupportLog>();

    private LogPeerSupport Help(Actor receiver, int? team = null, int minutes = 45, string note = "Walked Max through the deploy script.",
        bool shared = false) => new()
    {
        ReceiverId = receiver.PersonId,
        TeamId = team ?? Org.Product,
        Category = SupportCategory.Training,
        Minutes = minutes,
        Date = Db.Clock.Today,
        Note = note,
        SharedWithReceiver = shared,
    };

    [Fact]
    public async Task A_teammate_logs_help_and_the_receiver_sees_it_unconfirmed_and_is_asked_to_confirm()
    {
        var id = await Log.LogAsync(Org.Mia, Help(Org.Max), default);

        var received = Assert.Single(await Log.ReceivedAsync(Org.Max, default));
        Assert.Equal((id, "Mia Member", 45, false), (received.Id, received.GiverName, received.Minutes, received.Confirmed));
        await using var db = Db.NewDb();
        var notice = await db.Notifications.SingleAsync(n => n.RecipientId == Org.Max.PersonId);
        Assert.Equal(NotificationKind.PeerSupportToConfirm, notice.Kind);
        Assert.DoesNotContain("deploy", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_is_logged_only_for_an_active_teammate_and_a_refusal_saves_nothing()
    {
        var otherTeam = await Assert.ThrowsAsync<RuleViolationException>(() => Log.LogAsync(Org.Mia, Help(Org.Pia, Org.Platform), default));
        var wrongTeam = await Assert.ThrowsAsync<RuleViolationException>(() => Log.LogAsync(Org.Mia, Help(Org.Pia, Org.Product), default));
        var self = await Assert.ThrowsAsync<RuleViolationException>(() => Log.LogAsync(Org.Mia, Help(Org.Mia), default));
        var hr = await Assert.ThrowsAsync<RuleViolationException>(() => Log.LogAsync(Org.Hr, Help(Org.Mia), default));

        Assert.Equal("You can log help only for an active teammate in a team you share.", Assert.Single(otherTeam.Errors["ReceiverId"]));
        Assert.True(wrongTeam.Errors.ContainsKey("ReceiverId"));
        Assert.Equal("Help is logged for a teammate, not for yourself.", Assert.Single(self.Errors["ReceiverId"]));
        Assert.True(hr.Errors.ContainsKey("ReceiverId"));
        await using var db = Db.NewDb();
        Assert.Equal(0, await db.PeerSupport.CountAsync());
        Assert.Equal(0, await db.Notifications.CountAsync());
    }

    [Fact]
    public async Task A_leaders_help_to_a_member_they_lead_belongs_in_the_support_log_but_co_leaders_are_peers()
    {
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => Log.LogAsync(Org.Lea, Help(Org.Mia), default));
        await Log.LogAsync(Org.Lea, Help(Org.Colin), default);
        var leasPeers = await Log.PeersAsync(Org.Lea, default);
        var miasPeers = await Log.PeersAsync(Org.Mia, default);

        Assert.Equal("You lead this member's team: log what you did for them under Support.", Assert.Single(error.Errors["ReceiverId"]));
        Assert.Equal(["Colin Coleader"], leasPeers.Select(p => p.Name));
        Assert.Equal(["Colin Coleader", "Lea Leader", "Max Member"], miasPeers.Select(p => p.Name));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(1440, true)]
    [InlineData(1441, false)]
    public async Task Minutes_are_between_1_and_1440_as_for_leaders_support(int minutes, bool accepted)
    {
        var log = () => Log.LogAsync(Org.Mia, Help(Org.Max, minutes: minutes), default);
        if (accepted)
        {
            await log();
        }
        else
        {
            var error = await Assert.ThrowsAsync<RuleViolationException>(log);
            Assert.Equal("Minutes must be between 1 and 1440 (one day).", Assert.Single(error.Errors["Minutes"]));
        }
    }

    [Fact]
    public async Task The_date_and_note_follow_the_support_rules_with_each_message_at_its_field()
    {
        var future = Help(Org.Max, note: "");
        future.Date = Db.Clock.Today.AddDays(1);
        var old = Help(Org.Max, note: "\u200B");
        old.Date = Db.Clock.Today.AddDays(-400);

        var first = await Assert.ThrowsAsync<RuleViolationException>(() => Log.LogAsync(Org.Mia, future, default));
        var second = await Assert.ThrowsAsync<RuleViolationException>(() => Log.LogAsync(Org.Mia, old, default));

        Assert.Equal("Help can't be logged in the future.", Assert.Single(first.Errors["Date"]));
        Assert.Equal("A note on what you did is required.", Assert.Single(first.Errors["Note"]));
        Assert.Equal("Help can be logged for the past year only.", Assert.Single(second.Errors["Date"]));
        Assert.Contains("invisible", Assert.Single(second.Errors["Note"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_receiver_confirms_and_ties_it_only_to_one_of_their_own_active_goals()
    {
        var id = await Log.LogAsync(Org.Mia, Help(Org.Max), default);
        var maxsGoal = await Db.GoalAsync(Org.Max, "Run a release on my own");
        var miasGoal = await Db.GoalAsync(Org.Mia, "Speak at a meetup");

        await Assert.ThrowsAsync<NotFoundException>(() => Log.ConfirmAsync(Org.Mia, id, null, default));
        await Assert.ThrowsAsync<NotFoundException>(() => Log.ConfirmAsync(Org.Lea, id, null, default));
        await Assert.ThrowsAsync<NotFoundException>(() => Log.ConfirmAsync(Org.Admin, id, null, default));
        var notHis = await Assert.ThrowsAsync<RuleViolationException>(() => Log.ConfirmAsync(Org.Max, id, miasGoal, default));
        Assert.True(notHis.Errors.ContainsKey("GoalId"));
        Assert.False(Assert.Single(await Log.ReceivedAsync(Org.Max, default)).Confirmed);

        await Log.ConfirmAsync(Org.Max, id, maxsGoal, default);

        var received = Assert.Single(await Log.ReceivedAsync(Org.Max, default));
        Assert.True(received.Confirmed);
        Assert.Equal("Run a release on my own", received.GoalWhat);
        Assert.True(Assert.Single(await Log.GivenAsync(Org.Mia, default)).Confirmed);
    }

    [Fact]
    public async Task A_private_note_is_the_givers_alone_and_a_shared_one_reaches_the_receiver_but_never_a_leader()
    {
        await Log.LogAsync(Org.Mia, Help(Org.Max, note: "Private: Max seemed lost."), default);
        await Log.LogAsync(Org.Mia, Help(Org.Max, note: "Shared: we paired on the tests.", shared: true), default);

        var received = await Log.ReceivedAsync(Org.Max, default);
        var given = await Log.GivenAsync(Org.Mia, default);

        Assert.Equal(["Shared: we paired on the tests."], received.Select(r => r.Note).OfType<string>());
        Assert.Equal(2, received.Count);
        Assert.Equal(2, given.Count(g => g.Note.Length > 0));
        foreach (var leader in new[] { Org.Lea, Org.Colin, Org.Hr, Org.Admin })
        {
            Assert.Empty(await Log.ReceivedAsync(leader, default));
            Assert.Empty(await Log.GivenAsync(leader, default));
        }
        // Nor does a leader's own support view mention it.
        Assert.Empty((await Org.Support.LogAsync(Org.Lea, new SupportLogFilter(), default)).Rows);
    }

    [Fact]
    public async Task The_giver_deletes_an_unconfirmed_entry_but_a_confirmed_one_stays_and_nobody_else_deletes()
    {
        var first = await Log.LogAsync(Org.Mia, Help(Org.Max), default);
        var second = await Log.LogAsync(Org.Mia, Help(Org.Max), default);
        await Log.ConfirmAsync(Org.Max, second, null, default);

        await Assert.ThrowsAsync<NotFoundException>(() => Log.DeleteAsync(Org.Max, first, default));
        await Assert.ThrowsAsync<NotFoundException>(() => Log.DeleteAsync(Org.Lea, first, default));
        var confirmed = await Assert.ThrowsAsync<ActionNotAllowedException>(() => Log.DeleteAsync(Org.Mia, second, default));
        await Log.DeleteAsync(Org.Mia, first, default);

        Assert.Contains("confirmed", confirmed.Message, StringComparison.Ordinal);
        Assert.Equal([second], (await Log.GivenAsync(Org.Mia, default)).Select(g => g.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => Log.ConfirmAsync(Org.Max, first, null, default));
    }
}
