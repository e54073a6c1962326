using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Feedback;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Tests.Feedback;

[Trait("Area", "Feedback")]
public sealed class FeedbackTests : OrganisationTests
{
    private FeedbackAnswering Answering => Db.Get<FeedbackAnswering>();
    private FeedbackResultsReport Results => Db.Get<FeedbackResultsReport>();
    private FeedbackRounds Rounds => Db.Get<FeedbackRounds>();
    private Actor _nia = null!;
    private Actor _ola = null!;
    private int _round;
    private IReadOnlyList<ItemView> _items = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _nia = await Db.PersonAsync("Nia Member");
        _ola = await Db.PersonAsync("Ola Member");
        var teams = Db.Get<TeamService>();
        await teams.SetMembershipAsync(Org.Admin, Org.Product, _nia.PersonId, TeamRole.Member, default);
        await teams.SetMembershipAsync(Org.Admin, Org.Product, _ola.PersonId, TeamRole.Member, default);
        var instrument = (await Rounds.InstrumentsAsync(Org.Hr, default)).Single(i => i.IsDefault);
        _items = instrument.Items;
        _round = await Rounds.OpenRoundAsync(Org.Hr, new OpenRound
        {
            Name = "Autumn", InstrumentId = instrument.Id, TeamIds = [Org.Product], OpensOn = Db.Clock.Today, ClosesOn = Db.Clock.Today.AddDays(7),
        }, default);
    }

    private FeedbackAnswers Answers(Actor subject, Func<ItemView, int?> score, string comment = "") => new()
    {
        RoundId = _round, SubjectId = subject.PersonId, Comment = comment,
        Scores = _items.ToDictionary(i => i.Id, score),
    };

    private Task AnswerAsync(Actor respondent, Actor subject, int score, string comment = "") =>
        Answering.SubmitAsync(respondent, Answers(subject, _ => score, comment), default);

    private void Close() => Db.Clock.Advance(TimeSpan.FromDays(8));

    [Fact]
    public async Task The_default_instrument_covers_every_dimension_with_at_least_three_statements()
    {
        var instrument = (await Rounds.InstrumentsAsync(Org.Hr, default)).Single(i => i.IsDefault);

        Assert.All(instrument.Items.CountBy(i => i.Dimension), d => Assert.True(d.Value >= 3, d.Key.ToString()));
        Assert.Equal(Enum.GetValues<ServantDimension>().Order(), instrument.Items.Select(i => i.Dimension).Distinct().Order());
        Assert.NotNull(instrument.OpenQuestion);
    }

    [Fact]
    public async Task Response_rows_carry_nothing_that_identifies_the_respondent()
    {
        // Members' answers are stored a threshold's worth at a time (see FeedbackBatchTests).
        await AnswerAsync(Org.Mia, Org.Lea, 6, "More 1:1 time, please.");
        await AnswerAsync(Org.Max, Org.Lea, 5);
        await AnswerAsync(_nia, Org.Lea, 4);
        await using var db = Db.NewDb();

        var responseColumns = await Db.ColumnsAsync("FeedbackResponses");
        var scoreColumns = await Db.ColumnsAsync("FeedbackScores");
        var participationColumns = await Db.ColumnsAsync("FeedbackParticipation");

        Assert.Equal(["Comment", "Id", "IsSelfView", "RoundId", "SubjectId"], responseColumns.Order());
        Assert.Equal(["ItemId", "ResponseId", "Score"], scoreColumns.Order());
        // Participation knows who answered, but holds no time and no reference to any response.
        Assert.Equal(["HasAnswered", "IsSelfView", "RespondentId", "RoundId", "SubjectId"], participationColumns.Order());
        var responses = await db.FeedbackResponses.ToListAsync();
        Assert.Equal(3, responses.Count);
        Assert.All(responses, r => Assert.Equal(Org.Lea.PersonId, r.SubjectId));
        Assert.All(responses, r => Assert.NotEqual(Guid.Empty, r.Id));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task One_or_two_responses_are_never_shown_to_anyone(int responses)
    {
        // Through the service, one or two answers are only ever held, never stored; a database may still hold so few
        // (rows stored before answers were batched), so they are written here directly, and must stay hidden too.
        await using (var db = Db.NewDb())
        {
            for (var i = 0; i < responses; i++)
            {
                db.FeedbackResponses.Add(new FeedbackResponse(_round, Org.Lea.PersonId, isSelfView: false, "A comment that would identify me",
                    _items.Select(item => (item.Id, 2))));
            }
            await db.SaveChangesAsync();
        }
        await AnswerAsync(Org.Lea, Org.Lea, 7);
        Close();

        var mine = Assert.Single(await Results.MyResultsAsync(Org.Lea, default));
        var organisation = await Results.OrganisationResultsAsync(Org.Hr, _round, default);

        Assert.Equal(responses, mine.Responses);
        Assert.False(mine.MeetsThreshold);
        Assert.All(mine.Dimensions, d => Assert.Null(d.TeamMean));
        Assert.All(mine.Dimensions, d => Assert.Null(d.Gap));
        Assert.Null(mine.Index);
        Assert.Empty(mine.Comments);
        Assert.DoesNotContain(organisation.Leaders, l => l.LeaderId == Org.Lea.PersonId);
        Assert.Equal(2, organisation.LeadersWithheld); // Lea and Colin
    }

    [Fact]
    public async Task Nothing_is_visible_before_the_round_closes()
    {
        foreach (var member in new[] { Org.Mia, Org.Max, _nia, _ola })
        {
            await AnswerAsync(member, Org.Lea, 5);
        }

        Assert.Empty(await Results.MyResultsAsync(Org.Lea, default));
        var organisation = await Results.OrganisationResultsAsync(Org.Hr, _round, default);
        Assert.Equal(RoundState.Open, organisation.State);
        Assert.Empty(organisation.Leaders);

        Close();
        Assert.True(Assert.Single(await Results.MyResultsAsync(Org.Lea, default)).MeetsThreshold);
    }

    [Fact]
    public async Task Nobody_answers_twice_and_a_refused_second_answer_leaves_nothing_behind()
    {
        await AnswerAsync(Org.Mia, Org.Lea, 6);

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => AnswerAsync(Org.Mia, Org.Lea, 1));
        await Assert.ThrowsAsync<ActionNotAllowedException>(() => Answering.FormAsync(Org.Mia, _round, Org.Lea.PersonId, default));

        Assert.Contains("already answered", error.Message, StringComparison.Ordinal);
        await AnswerAsync(Org.Max, Org.Lea, 6);
        await AnswerAsync(_nia, Org.Lea, 6);
        await using var db = Db.NewDb();
        Assert.Equal(3, await db.FeedbackResponses.CountAsync());
        Assert.Equal(3 * _items.Count, await db.FeedbackScores.CountAsync());
    }

    [Fact]
    public async Task Scores_are_averaged_per_dimension_and_set_beside_the_leaders_self_view()
    {
        // Removing obstacles gets 3, 4 and 5 from the team (mean 4); everything else 6. Lea rates herself 7 throughout.
        foreach (var (member, obstacles) in new[] { (Org.Mia, 3), (Org.Max, 4), (_nia, 5) })
        {
            await Answering.SubmitAsync(member, Answers(Org.Lea, i => i.Dimension == ServantDimension.RemovingObstacles ? obstacles : 6), default);
        }
        await AnswerAsync(Org.Lea, Org.Lea, 7);
        Close();

        var result = Assert.Single(await Results.MyResultsAsync(Org.Lea, default));

        var obstaclesScore = result.Dimensions.Single(d => d.Dimension == ServantDimension.RemovingObstacles);
        Assert.Equal((4.0, 7.0, 3.0), (obstaclesScore.TeamMean!.Value, obstaclesScore.SelfScore!.Value, obstaclesScore.Gap!.Value));
        var trust = result.Dimensions.Single(d => d.Dimension == ServantDimension.Trust);
        Assert.Equal((6.0, 1.0), (trust.TeamMean!.Value, trust.Gap!.Value));
        Assert.Equal((8 * 6.0 + 4.0) / 9, result.Index!.Value, 9);
        Assert.Equal(7.0, result.SelfIndex);
        Assert.Equal(3, result.Responses);
    }

    [Fact]
    public async Task HR_sees_leaders_above_the_threshold_and_the_spread_across_the_organisation()
    {
        foreach (var member in new[] { Org.Mia, Org.Max, _nia })
        {
            await AnswerAsync(member, Org.Lea, 5);
            await AnswerAsync(member, Org.Colin, 3);
        }
        Close();

        var result = await Results.OrganisationResultsAsync(Org.Hr, _round, default);

        Assert.Equal(["Colin Coleader", "Lea Leader"], result.Leaders.Select(l => l.LeaderName));
        Assert.Equal((3.0, 5.0), (result.Leaders[0].Index, result.Leaders[1].Index));
        var trust = result.Distribution[ServantDimension.Trust];
        Assert.Equal((3.0, 4.0, 5.0, 2), (trust.Min, trust.Median, trust.Max, trust.Leaders));
        await Assert.ThrowsAsync<ActionNotAllowedException>(() => Results.OrganisationResultsAsync(Org.Lea, _round, default));
    }

    [Fact]
    public async Task Comments_are_shown_without_times_once_there_are_enough_answers()
    {
        await AnswerAsync(Org.Mia, Org.Lea, 5, "Explain decisions earlier.");
        await AnswerAsync(Org.Max, Org.Lea, 5, "Great at removing blockers.");
        await AnswerAsync(_nia, Org.Lea, 5);
        Close();

        var result = Assert.Single(await Results.MyResultsAsync(Org.Lea, default));

        Assert.Equal(["Explain decisions earlier.", "Great at removing blockers."], result.Comments.Order());
        Assert.DoesNotContain(typeof(LeaderRoundResult).GetProperties(), p => p.PropertyType == typeof(DateTimeOffset) || p.PropertyType == typeof(DateTime));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(null)]
    public async Task An_answer_outside_1_to_7_or_missing_is_refused_next_to_its_statement_and_nothing_is_saved(int? bad)
    {
        var answers = Answers(Org.Lea, _ => 4);
        answers.Scores[_items[2].Id] = bad;

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => Answering.SubmitAsync(Org.Mia, answers, default));

        Assert.Equal([FeedbackAnswers.FieldFor(_items[2].Id)], error.Errors.Keys);
        await using var db = Db.NewDb();
        Assert.Equal(0, await db.FeedbackResponses.CountAsync());
        Assert.Equal(2, await Answering.PendingCountAsync(Org.Mia, default));
    }

    [Fact]
    public async Task A_round_that_closes_before_it_opens_or_with_a_threshold_below_three_is_refused()
    {
        var instrument = (await Rounds.InstrumentsAsync(Org.Hr, default)).First();
        var command = new OpenRound
        {
            Name = "Backwards", InstrumentId = instrument.Id, TeamIds = [Org.Platform], OpensOn = Db.Clock.Today.AddDays(5),
            ClosesOn = Db.Clock.Today.AddDays(4), MinResponses = 2,
        };

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => Rounds.OpenRoundAsync(Org.Hr, command, default));

        Assert.Equal("A round must close on or after the day it opens.", Assert.Single(error.Errors["ClosesOn"]));
        Assert.True(error.Errors.ContainsKey("MinResponses"));
        Assert.Single(await Rounds.RoundsAsync(Org.Hr, default));
        await Assert.ThrowsAsync<ActionNotAllowedException>(() => Rounds.OpenRoundAsync(Org.Admin, command, default));
    }

    [Fact]
    public async Task Members_are_asked_about_each_of_their_leaders_and_leaders_about_themselves()
    {
        var mia = await Answering.InvitationsAsync(Org.Mia, default);
        var lea = await Answering.InvitationsAsync(Org.Lea, default);

        Assert.Equal(["Colin Coleader", "Lea Leader"], mia.Select(i => i.SubjectName).Order());
        Assert.All(mia, i => Assert.False(i.IsSelfView));
        Assert.True(Assert.Single(lea).IsSelfView);
        Assert.Empty(await Answering.InvitationsAsync(Org.Pia, default));
        await Assert.ThrowsAsync<NotFoundException>(() => Answering.FormAsync(Org.Pia, _round, Org.Lea.PersonId, default));
        await Assert.ThrowsAsync<NotFoundException>(() => AnswerAsync(Org.Hr, Org.Lea, 7));
    }

    [Fact]
    public async Task The_form_lists_the_instruments_statements_in_order_with_its_open_question()
    {
        var form = await Answering.FormAsync(Org.Mia, _round, Org.Lea.PersonId, default);
        var self = await Answering.FormAsync(Org.Lea, _round, Org.Lea.PersonId, default);

        Assert.Equal(_items.Select(i => i.Id), form.Items.Select(i => i.Id));
        Assert.Equal(("Lea Leader", false), (form.SubjectName, form.IsSelfView));
        Assert.NotNull(form.OpenQuestion);
        Assert.True(self.IsSelfView);
    }

    [Fact]
    public async Task Reminders_come_from_participation_and_stop_once_answered()
    {
        Assert.Equal(2, await Answering.PendingCountAsync(Org.Mia, default));

        await AnswerAsync(Org.Mia, Org.Lea, 6);

        Assert.Equal(1, await Answering.PendingCountAsync(Org.Mia, default));
        // HR's count comes from stored flags: a held answer shows once its batch is stored.
        Assert.Equal((8, 0), Count(Assert.Single(await Rounds.RoundsAsync(Org.Hr, default))));
        await AnswerAsync(Org.Max, Org.Lea, 6);
        await AnswerAsync(_nia, Org.Lea, 6);
        Assert.Equal((8, 3), Count(Assert.Single(await Rounds.RoundsAsync(Org.Hr, default))));
        static (int, int) Count(RoundSummary round) => (round.Invited, round.Answered);
    }

    [Fact]
    public async Task A_closed_round_takes_no_more_answers()
    {
        Close();
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => AnswerAsync(Org.Mia, Org.Lea, 6));
        Assert.Contains("closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_instrument_used_by_a_round_can_no_longer_change()
    {
        var instrument = (await Rounds.InstrumentsAsync(Org.Hr, default)).Single(i => i.IsDefault);
        Assert.True(instrument.IsLocked);

        var draft = new InstrumentDraft
        {
            Name = "Changed", Items = [.. instrument.Items.Select(i => new ItemDraft { Dimension = i.Dimension, Text = i.Text + "!" })],
        };
        await Assert.ThrowsAsync<ActionNotAllowedException>(() => Rounds.SaveInstrumentAsync(Org.Hr, instrument.Id, draft, default));

        var copy = await Rounds.SaveInstrumentAsync(Org.Hr, null, draft, default);
        Assert.Equal(instrument.Items.Count, (await Rounds.InstrumentsAsync(Org.Hr, default)).Single(i => i.Id == copy).Items.Count);
    }
}
