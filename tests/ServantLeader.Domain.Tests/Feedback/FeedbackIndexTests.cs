using ServantLeader.Domain.Common;
using ServantLeader.Domain.Feedback;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Tests.Feedback;

/// <summary>
/// The index beside the service figures (a team's leaders' latest), HR's index over rounds, and HR's self-view
/// comparison: each under the round's threshold, and readable only as feedback results already are.
/// </summary>
[Trait("Area", "Feedback")]
public sealed class FeedbackIndexTests : OrganisationTests
{
    private FeedbackAnswering Answering => Db.Get<FeedbackAnswering>();
    private FeedbackResultsReport Results => Db.Get<FeedbackResultsReport>();
    private FeedbackRounds Rounds => Db.Get<FeedbackRounds>();
    private Actor _nia = null!;
    private InstrumentView _pool = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _nia = await Db.PersonAsync("Nia Member");
        await Db.Get<TeamService>().SetMembershipAsync(Org.Admin, Org.Product, _nia.PersonId, TeamRole.Member, default);
        _pool = (await Rounds.InstrumentsAsync(Org.Hr, default)).Single(i => i.IsDefault);
    }

    private async Task<int> RoundAsync(string name, params int[] teams) => await Rounds.OpenRoundAsync(Org.Hr, new OpenRound
    {
        Name = name, InstrumentId = _pool.Id, TeamIds = [.. teams], OpensOn = Db.Clock.Today, ClosesOn = Db.Clock.Today.AddDays(7),
    }, default);

    private Task AnswerAsync(Actor respondent, int round, Actor subject, int score) => Answering.SubmitAsync(respondent, new FeedbackAnswers
    {
        RoundId = round, SubjectId = subject.PersonId, Scores = _pool.Items.ToDictionary(i => i.Id, _ => (int?)score),
    }, default);

    private async Task AllAnswerAsync(int round, Actor subject, int score)
    {
        foreach (var member in new[] { Org.Mia, Org.Max, _nia })
        {
            await AnswerAsync(member, round, subject, score);
        }
    }

    [Fact]
    public async Task A_leader_sees_their_own_latest_index_for_the_team_and_HR_every_leaders_at_or_above_the_threshold()
    {
        var first = await RoundAsync("Spring", Org.Product);
        await AllAnswerAsync(first, Org.Lea, 4);
        Db.Clock.Advance(TimeSpan.FromDays(8));
        var second = await RoundAsync("Autumn", Org.Product);
        await AllAnswerAsync(second, Org.Lea, 6);
        await AnswerAsync(Org.Mia, second, Org.Colin, 2); // held, never stored: Colin stays below the threshold
        Assert.Equal(4.0, Assert.Single(await Results.TeamIndexAsync(Org.Lea, Org.Product, default)).Index); // Autumn is still open
        Db.Clock.Advance(TimeSpan.FromDays(8));

        var lea = Assert.Single(await Results.TeamIndexAsync(Org.Lea, Org.Product, default));
        var colin = Assert.Single(await Results.TeamIndexAsync(Org.Colin, Org.Product, default));
        var hr = await Results.TeamIndexAsync(Org.Hr, Org.Product, default);

        Assert.Equal(("Autumn", 6.0, 3), (lea.RoundName, lea.Index, lea.Responses));
        Assert.Equal(("Autumn", (double?)null, 0, false), (colin.RoundName, colin.Index, colin.Responses, colin.MeetsThreshold));
        Assert.Equal(["Colin Coleader", "Lea Leader"], hr.Select(l => l.LeaderName));
        Assert.Equal((6.0, 3), (hr[1].Index, hr[1].Responses));
        Assert.Equal(((double?)null, 0), (hr[0].Index, hr[0].Responses));
    }

    [Fact]
    public async Task Members_other_teams_leaders_and_unknown_teams_read_no_team_index()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => Results.TeamIndexAsync(Org.Mia, Org.Product, default));
        await Assert.ThrowsAsync<NotFoundException>(() => Results.TeamIndexAsync(Org.Otto, Org.Product, default));
        await Assert.ThrowsAsync<NotFoundException>(() => Results.TeamIndexAsync(Org.Admin, Org.Product, default));
        await Assert.ThrowsAsync<NotFoundException>(() => Results.TeamIndexAsync(Org.Hr, 9999, default));
        Assert.Empty(await Results.TeamIndexAsync(Org.Otto, Org.Platform, default)); // no round yet
    }

    [Fact]
    public async Task A_round_that_did_not_ask_this_team_gives_it_no_index()
    {
        var round = await RoundAsync("Platform only", Org.Platform);
        Db.Clock.Advance(TimeSpan.FromDays(8));

        Assert.Empty(await Results.TeamIndexAsync(Org.Hr, Org.Product, default));
        var otto = Assert.Single(await Results.TeamIndexAsync(Org.Hr, Org.Platform, default));
        Assert.Equal((round, (double?)null), (otto.RoundId, otto.Index));
    }

    [Fact]
    public async Task HR_sees_the_index_spread_of_each_closed_round_from_leaders_at_or_above_the_threshold()
    {
        var first = await RoundAsync("Spring", Org.Product);
        await AllAnswerAsync(first, Org.Lea, 4);
        await AllAnswerAsync(first, Org.Colin, 2);
        Db.Clock.Advance(TimeSpan.FromDays(8));
        var second = await RoundAsync("Autumn", Org.Product);
        await AllAnswerAsync(second, Org.Lea, 6);
        await AnswerAsync(Org.Mia, second, Org.Colin, 1);
        await AnswerAsync(Org.Max, second, Org.Colin, 1);
        await RoundAsync("Winter", Org.Product); // closes with nobody answering: no leader to show, no point
        Db.Clock.Advance(TimeSpan.FromDays(8));
        var next = await RoundAsync("Next", Org.Product);
        await AllAnswerAsync(next, Org.Lea, 1); // not closed yet

        var trend = await Results.OrganisationTrendAsync(Org.Hr, default);

        Assert.Equal(["Spring", "Autumn"], trend.Select(r => r.RoundName));
        Assert.Equal((2.0, 3.0, 4.0, 2), (trend[0].Index.Min, trend[0].Index.Median, trend[0].Index.Max, trend[0].Index.Leaders));
        Assert.Equal((6.0, 6.0, 1), (trend[1].Index.Min, trend[1].Index.Max, trend[1].Index.Leaders));
        Assert.All(trend, r => Assert.Equal(_pool.Name, r.InstrumentName));
        await Assert.ThrowsAsync<ActionNotAllowedException>(() => Results.OrganisationTrendAsync(Org.Lea, default));
    }

    [Fact]
    public async Task HR_sees_the_self_view_beside_the_team_view_only_as_a_mean_over_three_leaders_or_more()
    {
        var round = await RoundAsync("Autumn", Org.Product, Org.Platform);
        await AllAnswerAsync(round, Org.Lea, 4);
        await AllAnswerAsync(round, Org.Colin, 6);
        await AnswerAsync(Org.Lea, round, Org.Lea, 7);
        await AnswerAsync(Org.Colin, round, Org.Colin, 5);
        Db.Clock.Advance(TimeSpan.FromDays(8));

        var two = await Results.OrganisationResultsAsync(Org.Hr, round, default);
        Assert.Equal(2, two.Leaders.Count);
        Assert.Empty(two.SelfAndTeam);

        // Otto's team is too small for the service to store answers about him; rows as an older database may hold them.
        Db.Clock.Advance(TimeSpan.FromDays(-8));
        await AnswerAsync(Org.Otto, round, Org.Otto, 3);
        await using (var db = Db.NewDb())
        {
            for (var i = 0; i < 3; i++)
            {
                db.FeedbackResponses.Add(new FeedbackResponse(round, Org.Otto.PersonId, false, null, _pool.Items.Select(item => (item.Id, 2))));
            }
            await db.SaveChangesAsync();
        }
        Db.Clock.Advance(TimeSpan.FromDays(8));

        var three = await Results.OrganisationResultsAsync(Org.Hr, round, default);
        Assert.Equal(Enum.GetValues<ServantDimension>(), three.SelfAndTeam.Select(s => s.Dimension));
        Assert.All(three.SelfAndTeam, s => Assert.Equal(((4 + 6 + 2) / 3.0, (7 + 5 + 3) / 3.0, 3), (s.TeamMean, s.SelfMean, s.Leaders)));
    }
}
