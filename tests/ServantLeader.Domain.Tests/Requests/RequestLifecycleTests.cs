using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Requests;

namespace ServantLeader.Domain.Tests.Requests;

[Trait("Area", "Requests")]
public sealed class RequestLifecycleTests : OrganisationTests
{
    private RequestService Requests => Org.Requests;

    [Fact]
    public async Task Acknowledge_resolve_confirm_records_who_did_each_step_and_when()
    {
        var request = await Org.AskAsync(Org.Mia);
        Db.Clock.Advance(TimeSpan.FromHours(3));
        await Requests.AcknowledgeAsync(Org.Lea, Organisation.Respond(request, "Looking at it today."), default);
        request = await Org.ReloadAsync(Org.Mia, request);
        Db.Clock.Advance(TimeSpan.FromHours(5));
        await Requests.ResolveAsync(Org.Colin, Organisation.Respond(request, "Access granted."), default);
        request = await Org.ReloadAsync(Org.Mia, request);
        Db.Clock.Advance(TimeSpan.FromHours(1));
        await Requests.ConfirmAsync(Org.Mia, new ConfirmRequest { RequestId = request.Id, ExpectedVersion = request.Version, Rating = 5, Comment = "Thanks!" }, default);

        var done = await Org.ReloadAsync(Org.Mia, request);
        Assert.Equal(RequestStatus.Resolved, done.Status);
        Assert.True(done.IsConfirmed);
        Assert.Equal(5, done.Rating);
        Assert.Equal("Access granted.", done.Resolution);
        Assert.Equal(
            [
                (RequestEventKind.Created, "Mia Member", 0),
                (RequestEventKind.Acknowledged, "Lea Leader", 3),
                (RequestEventKind.Resolved, "Colin Coleader", 8),
                (RequestEventKind.Confirmed, "Mia Member", 9),
            ],
            done.History.Select(h => (h.Kind, h.ActorName, (int)(h.At - done.CreatedAt).TotalHours)));

        await using var db = Db.NewDb();
        var stored = await db.ServiceRequests.FindAsync(done.Id);
        Assert.Equal(done.CreatedAt.AddHours(3), stored!.AcknowledgedAt);
        Assert.Equal(Org.Lea.PersonId, stored.AcknowledgedById);
        Assert.Equal(Org.Colin.PersonId, stored.ResolvedById);
    }

    [Fact]
    public async Task The_requester_cannot_act_as_a_leader_on_their_own_request()
    {
        var request = await Org.AskAsync(Org.Mia);

        var error = await Assert.ThrowsAsync<ActionNotAllowedException>(() =>
            Requests.AcknowledgeAsync(Org.Mia, Organisation.Respond(request), default));
        Assert.Equal("Only the leaders of the requester's team can act on this request.", error.Message);
    }

    [Fact]
    public async Task A_leader_of_another_team_cannot_act_and_learns_nothing()
    {
        var request = await Org.AskAsync(Org.Mia);

        await Assert.ThrowsAsync<NotFoundException>(() => Requests.ResolveAsync(Org.Otto, Organisation.Respond(request), default));
        await Assert.ThrowsAsync<NotFoundException>(() => Requests.AcknowledgeAsync(Org.Hr, Organisation.Respond(request), default));
    }

    [Fact]
    public async Task Only_the_requester_confirms_rates_or_reopens()
    {
        var request = await Org.AskAsync(Org.Mia);
        await Requests.ResolveAsync(Org.Lea, Organisation.Respond(request), default);
        request = await Org.ReloadAsync(Org.Lea, request);

        await Assert.ThrowsAsync<ActionNotAllowedException>(() => Requests.ConfirmAsync(Org.Lea,
            new ConfirmRequest { RequestId = request.Id, ExpectedVersion = request.Version, Rating = 5 }, default));
        await Assert.ThrowsAsync<ActionNotAllowedException>(() => Requests.ReopenAsync(Org.Colin,
            Organisation.Respond(request, "not done"), default));
        await Assert.ThrowsAsync<NotFoundException>(() => Requests.ConfirmAsync(Org.Max,
            new ConfirmRequest { RequestId = request.Id, ExpectedVersion = request.Version, Rating = 5 }, default));
    }

    [Fact]
    public async Task Nothing_is_rated_before_it_is_resolved()
    {
        var request = await Org.AskAsync(Org.Mia);

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => Requests.ConfirmAsync(Org.Mia,
            new ConfirmRequest { RequestId = request.Id, ExpectedVersion = request.Version, Rating = 4 }, default));
        Assert.Equal("You can rate a request once it has been resolved.", error.Message);
        Assert.Null((await Org.ReloadAsync(Org.Mia, request)).Rating);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public async Task A_rating_outside_1_to_5_is_refused_next_to_the_field(int rating)
    {
        var request = await Org.AskAsync(Org.Mia);
        await Requests.ResolveAsync(Org.Lea, Organisation.Respond(request), default);
        request = await Org.ReloadAsync(Org.Mia, request);

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => Requests.ConfirmAsync(Org.Mia,
            new ConfirmRequest { RequestId = request.Id, ExpectedVersion = request.Version, Rating = rating }, default));
        Assert.Equal("Choose a rating from 1 to 5.", Assert.Single(error.Errors["Rating"]));
    }

    [Fact]
    public async Task Declining_needs_a_reason_that_the_member_then_sees()
    {
        var request = await Org.AskAsync(Org.Mia);

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => Requests.DeclineAsync(Org.Lea, Organisation.Respond(request, " "), default));
        Assert.True(error.Errors.ContainsKey("Note"));

        await Requests.DeclineAsync(Org.Lea, Organisation.Respond(request, "No budget until January."), default);
        var declined = await Org.ReloadAsync(Org.Mia, request);
        Assert.Equal(RequestStatus.Declined, declined.Status);
        Assert.Equal("No budget until January.", declined.DeclineReason);
        Assert.True(declined.Actions.Reopen);
        Assert.False(declined.Actions.Confirm);
    }

    [Fact]
    public async Task Reopening_sends_it_back_to_the_inbox_and_keeps_the_first_acknowledgement()
    {
        var request = await Org.AskAsync(Org.Mia);
        Db.Clock.Advance(TimeSpan.FromHours(2));
        await Requests.ResolveAsync(Org.Lea, Organisation.Respond(request, "Done."), default);
        request = await Org.ReloadAsync(Org.Mia, request);
        Db.Clock.Advance(TimeSpan.FromHours(2));

        await Requests.ReopenAsync(Org.Mia, Organisation.Respond(request, "Still no access."), default);

        var reopened = await Org.ReloadAsync(Org.Mia, request);
        Assert.Equal(RequestStatus.Open, reopened.Status);
        Assert.Null(reopened.Resolution);
        Assert.Contains(reopened.Id, (await Requests.InboxAsync(Org.Lea, default)).Select(i => i.Id));
        await using var db = Db.NewDb();
        var stored = await db.ServiceRequests.FindAsync(request.Id);
        Assert.Equal(1, stored!.ReopenCount);
        Assert.Equal(stored.CreatedAt.AddHours(2), stored.AcknowledgedAt);
    }

    [Fact]
    public async Task A_confirmed_request_cannot_be_reopened_or_rated_twice()
    {
        var request = await Org.AskAsync(Org.Mia);
        await Requests.ResolveAsync(Org.Lea, Organisation.Respond(request), default);
        request = await Org.ReloadAsync(Org.Mia, request);
        await Requests.ConfirmAsync(Org.Mia, new ConfirmRequest { RequestId = request.Id, ExpectedVersion = request.Version, Rating = 3 }, default);
        request = await Org.ReloadAsync(Org.Mia, request);

        await Assert.ThrowsAsync<RuleViolationException>(() => Requests.ReopenAsync(Org.Mia, Organisation.Respond(request, "again"), default));
        await Assert.ThrowsAsync<RuleViolationException>(() => Requests.ConfirmAsync(Org.Mia,
            new ConfirmRequest { RequestId = request.Id, ExpectedVersion = request.Version, Rating = 5 }, default));
        Assert.Equal(3, (await Org.ReloadAsync(Org.Mia, request)).Rating);
    }

    [Fact]
    public async Task Acknowledging_twice_is_refused()
    {
        var request = await Org.AskAsync(Org.Mia);
        await Requests.AcknowledgeAsync(Org.Lea, Organisation.Respond(request), default);
        request = await Org.ReloadAsync(Org.Lea, request);

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => Requests.AcknowledgeAsync(Org.Colin, Organisation.Respond(request), default));
        Assert.Equal("Only an open request can be acknowledged; this one is acknowledged.", error.Message);
    }

    [Fact]
    public async Task The_second_of_two_leaders_acting_on_the_same_version_is_told_and_nothing_is_overwritten()
    {
        var request = await Org.AskAsync(Org.Mia);
        var seenByLea = await Org.ReloadAsync(Org.Lea, request);
        var seenByColin = await Org.ReloadAsync(Org.Colin, request);

        await Requests.ResolveAsync(Org.Lea, Organisation.Respond(seenByLea, "Lea fixed it."), default);
        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Requests.DeclineAsync(Org.Colin, Organisation.Respond(seenByColin, "Colin declines."), default));

        Assert.Contains("Someone else changed this", error.Message, StringComparison.Ordinal);
        var stored = await Org.ReloadAsync(Org.Mia, request);
        Assert.Equal(RequestStatus.Resolved, stored.Status);
        Assert.Equal("Lea fixed it.", stored.Resolution);
        Assert.Null(stored.DeclineReason);
    }

    [Fact]
    public async Task Actions_offered_match_who_is_looking()
    {
        var request = await Org.AskAsync(Org.Mia);

        var asLeader = (await Org.ReloadAsync(Org.Lea, request)).Actions;
        var asRequester = (await Org.ReloadAsync(Org.Mia, request)).Actions;

        Assert.Equal(new RequestActions(Acknowledge: true, Resolve: true, Decline: true, Confirm: false, Reopen: false, LogSupport: true), asLeader);
        Assert.Equal(new RequestActions(false, false, false, false, false, false), asRequester);
    }

    [Fact]
    public async Task A_leader_who_loses_the_team_loses_access_at_once()
    {
        var request = await Org.AskAsync(Org.Mia);
        await using (var db = Db.NewDb())
        {
            var membership = db.Memberships.Single(m => m.PersonId == Org.Colin.PersonId && m.TeamId == Org.Product);
            await Db.Get<Teams.TeamService>().EndMembershipAsync(Org.Admin, membership.Id, default);
        }

        await Assert.ThrowsAsync<NotFoundException>(() => Requests.GetAsync(Org.Colin, request.Id, default));
        Assert.Empty(await Requests.InboxAsync(Org.Colin, default));
    }

    [Fact]
    public async Task The_database_refuses_a_save_based_on_a_version_someone_else_has_since_changed()
    {
        var request = await Org.AskAsync(Org.Mia);
        await using var slow = Db.NewDb();
        var loadedEarlier = await slow.ServiceRequests.SingleAsync(r => r.Id == request.Id);

        // Between the slow writer's read and its save, another leader acts.
        await Requests.AcknowledgeAsync(Org.Lea, Organisation.Respond(request), default);
        loadedEarlier.Decline(Org.Colin.PersonId, "Stale decision.", Db.Clock.Now);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => slow.SaveChangesAsync());
        Assert.Equal(RequestStatus.Acknowledged, (await Org.ReloadAsync(Org.Mia, request)).Status);
    }
}
