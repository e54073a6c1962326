using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Requests;

namespace ServantLeader.Domain.Tests.Requests;

[Trait("Area", "Requests")]
public sealed class RequestLifecycleTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private Organisation _org = null!;
    private RequestService Requests => _org.Requests;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _org = await Organisation.CreateAsync(_db);
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Acknowledge_resolve_confirm_records_who_did_each_step_and_when()
    {
        var request = await _org.AskAsync(_org.Mia);
        _db.Clock.Advance(TimeSpan.FromHours(3));
        await Requests.AcknowledgeAsync(_org.Lea, Organisation.Respond(request, "Looking at it today."), default);
        request = await _org.ReloadAsync(_org.Mia, request);
        _db.Clock.Advance(TimeSpan.FromHours(5));
        await Requests.ResolveAsync(_org.Colin, Organisation.Respond(request, "Access granted."), default);
        request = await _org.ReloadAsync(_org.Mia, request);
        _db.Clock.Advance(TimeSpan.FromHours(1));
        await Requests.ConfirmAsync(_org.Mia, new ConfirmRequest { RequestId = request.Id, ExpectedVersion = request.Version, Rating = 5, Comment = "Thanks!" }, default);

        var done = await _org.ReloadAsync(_org.Mia, request);
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

        await using var db = _db.NewDb();
        var stored = await db.ServiceRequests.FindAsync(done.Id);
        Assert.Equal(done.CreatedAt.AddHours(3), stored!.AcknowledgedAt);
        Assert.Equal(_org.Lea.PersonId, stored.AcknowledgedById);
        Assert.Equal(_org.Colin.PersonId, stored.ResolvedById);
    }

    [Fact]
    public async Task The_requester_cannot_act_as_a_leader_on_their_own_request()
    {
        var request = await _org.AskAsync(_org.Mia);

        var error = await Assert.ThrowsAsync<ActionNotAllowedException>(() =>
            Requests.AcknowledgeAsync(_org.Mia, Organisation.Respond(request), default));
        Assert.Equal("Only the leaders of the requester's team can act on this request.", error.Message);
    }

    [Fact]
    public async Task A_leader_of_another_team_cannot_act_and_learns_nothing()
    {
        var request = await _org.AskAsync(_org.Mia);

        await Assert.ThrowsAsync<NotFoundException>(() => Requests.ResolveAsync(_org.Otto, Organisation.Respond(request), default));
        await Assert.ThrowsAsync<NotFoundException>(() => Requests.AcknowledgeAsync(_org.Hr, Organisation.Respond(request), default));
    }

    [Fact]
    public async Task Only_the_requester_confirms_rates_or_reopens()
    {
        var request = await _org.AskAsync(_org.Mia);
        await Requests.ResolveAsync(_org.Lea, Organisation.Respond(request), default);
        request = await _org.ReloadAsync(_org.Lea, request);

        await Assert.ThrowsAsync<ActionNotAllowedException>(() => Requests.ConfirmAsync(_org.Lea,
            new ConfirmRequest { RequestId = request.Id, ExpectedVersion = request.Version, Rating = 5 }, default));
        await Assert.ThrowsAsync<ActionNotAllowedException>(() => Requests.ReopenAsync(_org.Colin,
            Organisation.Respond(request, "not done"), default));
        await Assert.ThrowsAsync<NotFoundException>(() => Requests.ConfirmAsync(_org.Max,
            new ConfirmRequest { RequestId = request.Id, ExpectedVersion = request.Version, Rating = 5 }, default));
    }

    [Fact]
    public async Task Nothing_is_rated_before_it_is_resolved()
    {
        var request = await _org.AskAsync(_org.Mia);

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => Requests.ConfirmAsync(_org.Mia,
            new ConfirmRequest { RequestId = request.Id, ExpectedVersion = request.Version, Rating = 4 }, default));
        Assert.Equal("You can rate a request once it has been resolved.", error.Message);
        Assert.Null((await _org.ReloadAsync(_org.Mia, request)).Rating);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public async Task A_rating_outside_1_to_5_is_refused_next_to_the_field(int rating)
    {
        var request = await _org.AskAsync(_org.Mia);
        await Requests.ResolveAsync(_org.Lea, Organisation.Respond(request), default);
        request = await _org.ReloadAsync(_org.Mia, request);

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => Requests.ConfirmAsync(_org.Mia,
            new ConfirmRequest { RequestId = request.Id, ExpectedVersion = request.Version, Rating = rating }, default));
        Assert.Equal("Choose a rating from 1 to 5.", Assert.Single(error.Errors["Rating"]));
    }

    [Fact]
    public async Task Declining_needs_a_reason_that_the_member_then_sees()
    {
        var request = await _org.AskAsync(_org.Mia);

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => Requests.DeclineAsync(_org.Lea, Organisation.Respond(request, " "), default));
        Assert.True(error.Errors.ContainsKey("Note"));

        await Requests.DeclineAsync(_org.Lea, Organisation.Respond(request, "No budget until January."), default);
        var declined = await _org.ReloadAsync(_org.Mia, request);
        Assert.Equal(RequestStatus.Declined, declined.Status);
        Assert.Equal("No budget until January.", declined.DeclineReason);
        Assert.True(declined.Actions.Reopen);
        Assert.False(declined.Actions.Confirm);
    }

    [Fact]
    public async Task Reopening_sends_it_back_to_the_inbox_and_keeps_the_first_acknowledgement()
    {
        var request = await _org.AskAsync(_org.Mia);
        _db.Clock.Advance(TimeSpan.FromHours(2));
        await Requests.ResolveAsync(_org.Lea, Organisation.Respond(request, "Done."), default);
        request = await _org.ReloadAsync(_org.Mia, request);
        _db.Clock.Advance(TimeSpan.FromHours(2));

        await Requests.ReopenAsync(_org.Mia, Organisation.Respond(request, "Still no access."), default);

        var reopened = await _org.ReloadAsync(_org.Mia, request);
        Assert.Equal(RequestStatus.Open, reopened.Status);
        Assert.Null(reopened.Resolution);
        Assert.Contains(reopened.Id, (await Requests.InboxAsync(_org.Lea, default)).Select(i => i.Id));
        await using var db = _db.NewDb();
        var stored = await db.ServiceRequests.FindAsync(request.Id);
        Assert.Equal(1, stored!.ReopenCount);
        Assert.Equal(stored.CreatedAt.AddHours(2), stored.AcknowledgedAt);
    }

    [Fact]
    public async Task A_confirmed_request_cannot_be_reopened_or_rated_twice()
    {
        var request = await _org.AskAsync(_org.Mia);
        await Requests.ResolveAsync(_org.Lea, Organisation.Respond(request), default);
        request = await _org.ReloadAsync(_org.Mia, request);
        await Requests.ConfirmAsync(_org.Mia, new ConfirmRequest { RequestId = request.Id, ExpectedVersion = request.Version, Rating = 3 }, default);
        request = await _org.ReloadAsync(_org.Mia, request);

        await Assert.ThrowsAsync<RuleViolationException>(() => Requests.ReopenAsync(_org.Mia, Organisation.Respond(request, "again"), default));
        await Assert.ThrowsAsync<RuleViolationException>(() => Requests.ConfirmAsync(_org.Mia,
            new ConfirmRequest { RequestId = request.Id, ExpectedVersion = request.Version, Rating = 5 }, default));
        Assert.Equal(3, (await _org.ReloadAsync(_org.Mia, request)).Rating);
    }

    [Fact]
    public async Task Acknowledging_twice_is_refused()
    {
        var request = await _org.AskAsync(_org.Mia);
        await Requests.AcknowledgeAsync(_org.Lea, Organisation.Respond(request), default);
        request = await _org.ReloadAsync(_org.Lea, request);

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => Requests.AcknowledgeAsync(_org.Colin, Organisation.Respond(request), default));
        Assert.Equal("Only an open request can be acknowledged; this one is acknowledged.", error.Message);
    }

    [Fact]
    public async Task The_second_of_two_leaders_acting_on_the_same_version_is_told_and_nothing_is_overwritten()
    {
        var request = await _org.AskAsync(_org.Mia);
        var seenByLea = await _org.ReloadAsync(_org.Lea, request);
        var seenByColin = await _org.ReloadAsync(_org.Colin, request);

        await Requests.ResolveAsync(_org.Lea, Organisation.Respond(seenByLea, "Lea fixed it."), default);
        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Requests.DeclineAsync(_org.Colin, Organisation.Respond(seenByColin, "Colin declines."), default));

        Assert.Contains("Someone else changed this", error.Message, StringComparison.Ordinal);
        var stored = await _org.ReloadAsync(_org.Mia, request);
        Assert.Equal(RequestStatus.Resolved, stored.Status);
        Assert.Equal("Lea fixed it.", stored.Resolution);
        Assert.Null(stored.DeclineReason);
    }

    [Fact]
    public async Task Actions_offered_match_who_is_looking()
    {
        var request = await _org.AskAsync(_org.Mia);

        var asLeader = (await _org.ReloadAsync(_org.Lea, request)).Actions;
        var asRequester = (await _org.ReloadAsync(_org.Mia, request)).Actions;

        Assert.Equal(new RequestActions(Acknowledge: true, Resolve: true, Decline: true, Confirm: false, Reopen: false, LogSupport: true), asLeader);
        Assert.Equal(new RequestActions(false, false, false, false, false, false), asRequester);
    }

    [Fact]
    public async Task A_leader_who_loses_the_team_loses_access_at_once()
    {
        var request = await _org.AskAsync(_org.Mia);
        await using (var db = _db.NewDb())
        {
            var membership = db.Memberships.Single(m => m.PersonId == _org.Colin.PersonId && m.TeamId == _org.Product);
            await _db.Get<Teams.TeamService>().RemoveMembershipAsync(_org.Admin, membership.Id, default);
        }

        await Assert.ThrowsAsync<NotFoundException>(() => Requests.GetAsync(_org.Colin, request.Id, default));
        Assert.Empty(await Requests.InboxAsync(_org.Colin, default));
    }

    [Fact]
    public async Task The_database_refuses_a_save_based_on_a_version_someone_else_has_since_changed()
    {
        var request = await _org.AskAsync(_org.Mia);
        await using var slow = _db.NewDb();
        var loadedEarlier = await slow.ServiceRequests.SingleAsync(r => r.Id == request.Id);

        // Between the slow writer's read and its save, another leader acts.
        await Requests.AcknowledgeAsync(_org.Lea, Organisation.Respond(request), default);
        loadedEarlier.Decline(_org.Colin.PersonId, "Stale decision.", _db.Clock.Now);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => slow.SaveChangesAsync());
        Assert.Equal(RequestStatus.Acknowledged, (await _org.ReloadAsync(_org.Mia, request)).Status);
    }
}
