using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Credits;
using ServantLeader.Domain.Notifications;
using ServantLeader.Domain.Requests;

namespace ServantLeader.Domain.Tests.Notifications;

[Trait("Area", "Integrations")]
public sealed class NotificationTests : OrganisationTests
{
    private NotificationFeed Feed => Db.Get<NotificationFeed>();

    [Fact]
    public async Task Asking_for_help_notifies_each_leader_of_the_team_and_nobody_else()
    {
        var heard = new List<int>();
        var listening = new[] { Org.Lea, Org.Colin, Org.Mia, Org.Otto }
            .Select(p => Db.Get<NotificationSignal>().Listen(p.PersonId, () => heard.Add(p.PersonId)))
            .ToList();

        var request = await Org.AskAsync(Org.Mia, "A title only Lea and Colin may read");
        listening.ForEach(l => l.Dispose());

        foreach (var leader in new[] { Org.Lea, Org.Colin })
        {
            var list = await Feed.ListAsync(leader, unreadOnly: false, default);
            var item = Assert.Single(list.Items);
            Assert.Equal(1, list.Unread);
            Assert.Equal(NotificationKind.RequestCreated, item.Kind);
            Assert.Equal($"/requests/{request.Id}", item.Link);
            Assert.StartsWith("Mia Member asked for help", item.Text, StringComparison.Ordinal);
            // The words stay on the request page, behind its access check.
            Assert.DoesNotContain("A title only", item.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("pending for two days", item.Text, StringComparison.Ordinal);
        }
        foreach (var other in new[] { Org.Mia, Org.Max, Org.Otto, Org.Hr, Org.Admin })
        {
            Assert.Equal(0, await Feed.UnreadCountAsync(other, default));
        }
        Assert.Equal([Org.Lea.PersonId, Org.Colin.PersonId], heard.Order());
    }

    [Fact]
    public async Task Each_side_hears_the_others_answer()
    {
        var request = await Org.AskAsync(Org.Mia);
        await Org.Requests.AcknowledgeAsync(Org.Lea, Organisation.Respond(request), default);
        var mias = await Feed.ListAsync(Org.Mia, unreadOnly: true, default);
        Assert.Equal("Lea Leader acknowledged your request for help.", Assert.Single(mias.Items).Text);
        // Colin is told too: he co-leads and did not act. Lea acted, so nothing new for her beyond the original request.
        Assert.Equal(1, await Feed.UnreadCountAsync(Org.Lea, default));
        Assert.Equal(1, await Feed.UnreadCountAsync(Org.Colin, default));

        request = await Org.ReloadAsync(Org.Mia, request);
        await Org.Requests.ResolveAsync(Org.Colin, Organisation.Respond(request), default);
        request = await Org.ReloadAsync(Org.Mia, request);
        await Org.Requests.ConfirmAsync(Org.Mia, new ConfirmRequest { RequestId = request.Id, ExpectedVersion = request.Version, Rating = 5 }, default);

        var leas = await Feed.ListAsync(Org.Lea, unreadOnly: true, default);
        Assert.Equal("Mia Member confirmed and rated their request for help.", leas.Items[0].Text);
        Assert.Equal(2, await Feed.UnreadCountAsync(Org.Mia, default));
    }

    [Fact]
    public async Task Opening_marks_read_and_nobody_can_open_someone_elses()
    {
        var request = await Org.AskAsync(Org.Mia);
        var item = (await Feed.ListAsync(Org.Lea, false, default)).Items.Single();

        await Assert.ThrowsAsync<NotFoundException>(() => Feed.OpenAsync(Org.Colin, item.Id, default));
        await Assert.ThrowsAsync<NotFoundException>(() => Feed.OpenAsync(Org.Admin, item.Id, default));
        Assert.Equal(1, await Feed.UnreadCountAsync(Org.Lea, default));

        Assert.Equal($"/requests/{request.Id}", await Feed.OpenAsync(Org.Lea, item.Id, default));
        Assert.Equal(0, await Feed.UnreadCountAsync(Org.Lea, default));
        Assert.True((await Feed.ListAsync(Org.Lea, false, default)).Items.Single().IsRead);
        Assert.Empty((await Feed.ListAsync(Org.Lea, true, default)).Items);
        // Colin's copy is his own and still unread.
        Assert.Equal(1, await Feed.UnreadCountAsync(Org.Colin, default));
    }

    [Fact]
    public async Task Mark_all_read_touches_only_the_actors_own()
    {
        await Org.AskAsync(Org.Mia, "One");
        await Org.AskAsync(Org.Max, "Two");
        Assert.Equal(2, await Feed.MarkAllReadAsync(Org.Lea, default));
        Assert.Equal(0, await Feed.UnreadCountAsync(Org.Lea, default));
        Assert.Equal(2, await Feed.UnreadCountAsync(Org.Colin, default));
    }

    [Fact]
    public async Task Check_ins_reviews_comments_and_credit_notify_the_right_person()
    {
        var checkInReview = Db.Get<CheckInReview>();
        var checkInWriting = Db.Get<CheckInWriting>();
        var id = await checkInWriting.SubmitAsync(Org.Mia, new CheckInAnswers { TeamId = Org.Product, Pulse = 2, Challenges = "A blocker only leaders read" }, default);
        var leas = await Feed.ListAsync(Org.Lea, true, default);
        Assert.Equal("Mia Member submitted a check-in with a blocker.", leas.Items.Single().Text);
        Assert.Equal($"/check-ins/{id}", leas.Items.Single().Link);

        // Editing before review does not notify again.
        var view = await checkInReview.GetAsync(Org.Mia, id, default);
        await checkInWriting.SubmitAsync(Org.Mia, new CheckInAnswers { TeamId = Org.Product, Pulse = 3, ExpectedVersion = view.Version }, default);
        Assert.Equal(1, await Feed.UnreadCountAsync(Org.Lea, default));

        await checkInReview.CommentAsync(Org.Lea, id, CheckInSection.Challenges, "Let's talk.", default);
        await checkInReview.MarkReviewedAsync(Org.Lea, id, (await checkInReview.GetAsync(Org.Lea, id, default)).Version, default);
        var mias = await Feed.ListAsync(Org.Mia, true, default);
        Assert.Equal(["Lea Leader reviewed your check-in.", "Lea Leader commented on your check-in."], mias.Items.Select(i => i.Text));

        await checkInReview.CommentAsync(Org.Mia, id, CheckInSection.Challenges, "Thanks!", default);
        Assert.Equal("Mia Member replied on their check-in.", (await Feed.ListAsync(Org.Colin, true, default)).Items[0].Text);

        await Db.Get<CreditService>().GiveAsync(Org.Max, new GiveCredit { TeamId = Org.Product, ReceiverId = Org.Mia.PersonId, Message = "Great demo" }, default);
        var credit = (await Feed.ListAsync(Org.Mia, true, default)).Items[0];
        Assert.Equal("Max Member gave you credit in Product.", credit.Text);
        Assert.Equal($"/teams/{Org.Product}", credit.Link);
    }
}
