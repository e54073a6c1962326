using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Feedback;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Tests.Feedback;

/// <summary>
/// Members' answers wait in memory until the round's threshold of them is waiting for a leader, and are then stored
/// with their flags in one transaction. What people are told, a restart, a round that closes first, two people at once,
/// and a write that fails. On a SQLite file with pooled connections (as the app runs it), or on PostgreSQL.
/// </summary>
[Trait("Area", "Trust")]
[Trait("Area", "Feedback")]
public sealed class FeedbackBatchTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new(onDisk: true, captureLogs: true);
    private Organisation _org = null!;
    private Actor _nia = null!;
    private Actor _ola = null!;
    private int _round;
    private IReadOnlyList<ItemView> _items = [];

    private FeedbackAnswering Answering => _db.Get<FeedbackAnswering>();
    private FeedbackResultsReport Results => _db.Get<FeedbackResultsReport>();
    private FeedbackRounds Rounds => _db.Get<FeedbackRounds>();

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _org = await Organisation.CreateAsync(_db);
        _nia = await _db.PersonAsync("Nia Member");
        _ola = await _db.PersonAsync("Ola Member");
        var teams = _db.Get<TeamService>();
        await teams.SetMembershipAsync(_org.Admin, _org.Product, _nia.PersonId, TeamRole.Member, default);
        await teams.SetMembershipAsync(_org.Admin, _org.Product, _ola.PersonId, TeamRole.Member, default);
        var instrument = (await Rounds.InstrumentsAsync(_org.Hr, default)).Single(i => i.IsDefault);
        _items = instrument.Items;
        _round = await Rounds.OpenRoundAsync(_org.Hr, new OpenRound
        {
            Name = "Autumn", InstrumentId = instrument.Id, TeamIds = [_org.Product], OpensOn = _db.Clock.Today, ClosesOn = _db.Clock.Today.AddDays(7),
        }, default);
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private Task<AnswerOutcome> AnswerAsync(Actor respondent, Actor subject, int score, FeedbackAnswering? service = null) =>
        (service ?? Answering).SubmitAsync(respondent, new FeedbackAnswers
        {
            RoundId = _round, SubjectId = subject.PersonId, Comment = $"From {respondent.PersonId}", Scores = _items.ToDictionary(i => i.Id, _ => (int?)score),
        }, default);

    private async Task<(int Responses, int Flags)> StoredAsync()
    {
        await using var db = _db.NewDb();
        return (await db.FeedbackResponses.CountAsync(r => !r.IsSelfView),
            await db.FeedbackParticipation.CountAsync(p => p.HasAnswered && !p.IsSelfView));
    }

    [Fact]
    public async Task An_answer_is_held_until_enough_colleagues_answered_and_the_person_is_told_so()
    {
        Assert.Equal(AnswerOutcome.Held, await AnswerAsync(_org.Mia, _org.Lea, 5));

        Assert.Equal((0, 0), await StoredAsync());
        var lea = (await Answering.InvitationsAsync(_org.Mia, default)).Single(i => i.SubjectId == _org.Lea.PersonId);
        Assert.Equal((true, false), (lea.IsHeld, lea.HasAnswered));
        Assert.Equal(1, await Answering.PendingCountAsync(_org.Mia, default));
        var refused = await Assert.ThrowsAsync<ActionNotAllowedException>(() => Answering.FormAsync(_org.Mia, _round, _org.Lea.PersonId, default));
        Assert.Contains("held", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<RuleViolationException>(() => AnswerAsync(_org.Mia, _org.Lea, 1));

        Assert.Equal(AnswerOutcome.Held, await AnswerAsync(_org.Max, _org.Lea, 5));
        Assert.Equal(AnswerOutcome.Stored, await AnswerAsync(_nia, _org.Lea, 5));

        Assert.Equal((3, 3), await StoredAsync());
        lea = (await Answering.InvitationsAsync(_org.Mia, default)).Single(i => i.SubjectId == _org.Lea.PersonId);
        Assert.Equal((false, true), (lea.IsHeld, lea.HasAnswered));
    }

    [Fact]
    public async Task A_leaders_self_view_is_stored_at_once()
    {
        Assert.Equal(AnswerOutcome.Stored, await AnswerAsync(_org.Lea, _org.Lea, 6));

        await using var db = _db.NewDb();
        Assert.True((await db.FeedbackResponses.SingleAsync()).IsSelfView);
    }

    [Fact]
    public async Task A_restart_loses_held_answers_stores_nothing_and_asks_the_people_again()
    {
        await AnswerAsync(_org.Mia, _org.Lea, 5);
        await AnswerAsync(_org.Max, _org.Lea, 5);

        // A new process: the same database, an empty memory.
        var restarted = new FeedbackAnswering(_db.Get<IDbContextFactory<ServantLeaderDb>>(), _db.Clock, new FeedbackBatches());

        Assert.Equal((0, 0), await StoredAsync());
        var lea = (await restarted.InvitationsAsync(_org.Mia, default)).Single(i => i.SubjectId == _org.Lea.PersonId);
        Assert.Equal((false, false), (lea.IsHeld, lea.HasAnswered));
        Assert.Equal(2, await restarted.PendingCountAsync(_org.Mia, default));
        Assert.Equal("Lea Leader", (await restarted.FormAsync(_org.Mia, _round, _org.Lea.PersonId, default)).SubjectName);
        Assert.Equal(AnswerOutcome.Held, await AnswerAsync(_org.Mia, _org.Lea, 5, restarted));
    }

    [Fact]
    public async Task Answers_still_held_when_the_round_closes_are_dropped_and_their_people_are_told()
    {
        foreach (var member in new[] { _org.Mia, _org.Max, _nia, _ola })
        {
            await AnswerAsync(member, _org.Lea, 4);
        }
        _db.Clock.Advance(TimeSpan.FromDays(8));

        var dropped = Assert.Single(await Answering.NotCountedAsync(_ola, default));
        Assert.Equal(("Autumn", "Lea Leader", 3), (dropped.RoundName, dropped.SubjectName, dropped.MinResponses));
        Assert.Empty(await Answering.NotCountedAsync(_org.Mia, default));
        Assert.False(_db.Get<FeedbackBatches>().IsHeld(_round, _ola.PersonId, _org.Lea.PersonId));
        Assert.Equal((3, 3), await StoredAsync());
        await using var db = _db.NewDb();
        Assert.False(await db.FeedbackParticipation.Where(p => p.RespondentId == _ola.PersonId && p.SubjectId == _org.Lea.PersonId).Select(p => p.HasAnswered).SingleAsync());
        Assert.Equal(3, Assert.Single(await Results.MyResultsAsync(_org.Lea, default)).Responses);
    }

    [Fact]
    public async Task Two_people_answering_at_once_complete_one_batch_and_one_person_twice_at_once_is_refused()
    {
        await AnswerAsync(_org.Mia, _org.Lea, 5);

        var outcomes = await Task.WhenAll(Task.Run(() => AnswerAsync(_org.Max, _org.Lea, 5)), Task.Run(() => AnswerAsync(_nia, _org.Lea, 5)));
        var twice = await Task.WhenAll(
            Task.Run(async () => await Record.ExceptionAsync(() => AnswerAsync(_ola, _org.Colin, 5))),
            Task.Run(async () => await Record.ExceptionAsync(() => AnswerAsync(_ola, _org.Colin, 2))));

        Assert.Equal([AnswerOutcome.Stored, AnswerOutcome.Held], outcomes.Order());
        Assert.Equal((3, 3), await StoredAsync());
        Assert.IsType<RuleViolationException>(Assert.Single(twice, e => e is not null));
        Assert.True(_db.Get<FeedbackBatches>().IsHeld(_round, _ola.PersonId, _org.Colin.PersonId));
    }

    [Fact]
    public async Task A_batch_that_fails_to_store_leaves_nothing_keeps_the_earlier_answers_held_and_asks_the_sender_again()
    {
        await AnswerAsync(_org.Mia, _org.Lea, 5);
        await AnswerAsync(_org.Max, _org.Lea, 5);
        await using (var db = _db.NewDb())
        {
            // The disk fills up, say, while the batch is written: its responses can't be inserted.
            await db.Database.ExecuteSqlRawAsync(TestProvider.Postgres
                ? """
                  CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql;
                  CREATE TRIGGER refuse BEFORE INSERT ON "FeedbackResponses" FOR EACH ROW EXECUTE FUNCTION refuse();
                  """
                : """CREATE TRIGGER refuse BEFORE INSERT ON "FeedbackResponses" BEGIN SELECT RAISE(ABORT, 'disk full'); END;""");
        }

        await Assert.ThrowsAnyAsync<Exception>(() => AnswerAsync(_nia, _org.Lea, 5));

        Assert.Equal((0, 0), await StoredAsync());
        var batches = _db.Get<FeedbackBatches>();
        Assert.Equal((true, true, false), (batches.IsHeld(_round, _org.Mia.PersonId, _org.Lea.PersonId),
            batches.IsHeld(_round, _org.Max.PersonId, _org.Lea.PersonId), batches.IsHeld(_round, _nia.PersonId, _org.Lea.PersonId)));
        await using (var db = _db.NewDb())
        {
            await db.Database.ExecuteSqlRawAsync(TestProvider.Postgres ? """DROP TRIGGER refuse ON "FeedbackResponses" """ : "DROP TRIGGER refuse");
        }
        Assert.Equal(AnswerOutcome.Stored, await AnswerAsync(_nia, _org.Lea, 5));
        Assert.Equal((3, 3), await StoredAsync());
    }

    [Fact]
    public async Task An_answer_already_stored_by_another_instance_is_left_out_and_the_rest_wait_for_more()
    {
        await AnswerAsync(_org.Mia, _org.Lea, 5);
        await using (var db = _db.NewDb())
        {
            // Mia also answered through a second app instance, whose batch got stored first.
            await db.FeedbackParticipation.Where(p => p.RespondentId == _org.Mia.PersonId && p.SubjectId == _org.Lea.PersonId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.HasAnswered, true));
        }
        await AnswerAsync(_org.Max, _org.Lea, 5);

        Assert.Equal(AnswerOutcome.Held, await AnswerAsync(_nia, _org.Lea, 5));
        Assert.Equal((0, 1), await StoredAsync());
        Assert.Equal(AnswerOutcome.Stored, await AnswerAsync(_ola, _org.Lea, 5));
        Assert.Equal((3, 4), await StoredAsync());
        Assert.False(_db.Get<FeedbackBatches>().IsHeld(_round, _org.Mia.PersonId, _org.Lea.PersonId));
    }

    [Fact]
    public async Task Answering_writes_nothing_to_the_log_or_the_audit_log_that_names_a_person_or_an_answer()
    {
        var auditBefore = await AuditCountAsync();
        var logsBefore = _db.Logs.Entries.Count;

        foreach (var member in new[] { _org.Mia, _org.Max, _nia })
        {
            await AnswerAsync(member, _org.Lea, 3);
        }

        Assert.Equal((3, 3), await StoredAsync());
        Assert.Equal(auditBefore, await AuditCountAsync());
        var written = _db.Logs.Entries.Skip(logsBefore).ToList();
        // The app itself logs nothing about answers; only EF Core's own SQL lines (Information, parameter values hidden;
        // the host sets EF Core to Warning) may appear, and none of them carries a name, a comment or an id's value.
        Assert.All(written, e => Assert.StartsWith("Microsoft.EntityFrameworkCore", e.Category, StringComparison.Ordinal));
        var telling = new[] { "Mia Member", "Max Member", "Nia Member", "From " }
            .Concat(new[] { _org.Mia, _org.Max, _nia }.Select(m => $"'{m.PersonId}'"));
        Assert.DoesNotContain(written, e => telling.Any(t => e.Message.Contains(t, StringComparison.Ordinal)));
    }

    private async Task<int> AuditCountAsync()
    {
        await using var db = _db.NewDb();
        return await db.AuditLog.CountAsync();
    }
}
