using ServantLeader.Domain.Common;
using ServantLeader.Domain.Feedback;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Tests.Feedback;

/// <summary>
/// Cronbach's alpha per dimension and for the whole instrument: a hand-worked example, then the same numbers through
/// the database, against a plain computation over the answer sheets written here (means and squared deviations).
/// </summary>
[Trait("Area", "Feedback")]
public sealed class ReliabilityTests : OrganisationTests
{
    // Five answer sheets on three statements (the worked example below).
    private static readonly int[][] Worked = [[4, 5, 6], [3, 3, 4], [5, 6, 6], [2, 3, 2], [6, 5, 7]];

    private FeedbackAnswering Answering => Db.Get<FeedbackAnswering>();
    private FeedbackResultsReport Results => Db.Get<FeedbackResultsReport>();
    private FeedbackRounds Rounds => Db.Get<FeedbackRounds>();
    private Actor[] _members = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var teams = Db.Get<TeamService>();
        var more = new List<Actor>();
        foreach (var name in new[] { "Nia Member", "Ola Member", "Kai Member" })
        {
            var person = await Db.PersonAsync(name);
            await teams.SetMembershipAsync(Org.Admin, Org.Product, person.PersonId, TeamRole.Member, default);
            more.Add(person);
        }
        _members = [Org.Mia, Org.Max, .. more];
    }

    [Fact]
    public void Alpha_matches_the_hand_worked_example()
    {
        // Statement 1: 4 3 5 2 6, mean 4,   squared deviations 0 1 1 4 4 = 10,        variance 10/4 = 2.5
        // Statement 2: 5 3 6 3 5, mean 4.4, squared deviations .36 1.96 2.56 1.96 .36 = 7.2, variance 7.2/4 = 1.8
        // Statement 3: 6 4 6 2 7, mean 5,   squared deviations 1 1 1 9 4 = 16,        variance 16/4 = 4
        // Sheet totals: 15 10 17 7 18, mean 13.4, squared deviations 2.56 11.56 12.96 40.96 21.16 = 89.2, variance 22.3
        // alpha = 3/2 · (1 − (2.5 + 1.8 + 4) / 22.3) = 1.5 · 14/22.3 = 21/22.3 = 210/223 ≈ 0.9417
        var statements = Enumerable.Range(0, 3).Select(i => Sums(Worked.Select(s => s[i]))).ToList();
        var totals = Sums(Worked.Select(s => s.Sum()));

        var reliability = CronbachAlpha.Of(statements, totals);

        Assert.Equal((2.5, 1.8, 4.0, 22.3), (statements[0].Variance, statements[1].Variance, statements[2].Variance, totals.Variance));
        Assert.Equal(ReliabilityNote.Shown, reliability.Note);
        Assert.Equal(210.0 / 223, reliability.Alpha!.Value, 12);
        Assert.Equal((5, 3), (reliability.Answers, reliability.Statements));
    }

    [Fact]
    public void Alpha_is_not_judged_below_five_sheets_with_one_statement_or_without_spread()
    {
        var four = Worked.Take(4).ToArray();
        var tooFew = CronbachAlpha.Of(Enumerable.Range(0, 3).Select(i => Sums(four.Select(s => s[i]))).ToList(), Sums(four.Select(s => s.Sum())));
        var one = CronbachAlpha.Of([Sums(Worked.Select(s => s[0]))], Sums(Worked.Select(s => s[0])));
        // Everyone gives 4, 4: no variance at all.
        var flat = CronbachAlpha.Of([Sums([4, 4, 4, 4, 4]), Sums([4, 4, 4, 4, 4])], Sums([8, 8, 8, 8, 8]));
        // Statements that pull against each other: variances 2.5 and 2.5, totals 5 7 6 5 7 (variance 4/4 = 1),
        // alpha = 2 · (1 − 5/1) = −8. Shown as it is, not clipped: it says the statements don't measure one thing.
        var opposed = CronbachAlpha.Of([Sums([1, 2, 3, 4, 5]), Sums([4, 5, 3, 1, 2])], Sums([5, 7, 6, 5, 7]));

        Assert.Equal((ReliabilityNote.TooFewAnswers, (double?)null), (tooFew.Note, tooFew.Alpha));
        Assert.Equal((ReliabilityNote.TooFewStatements, (double?)null), (one.Note, one.Alpha));
        Assert.Equal((ReliabilityNote.NoSpread, (double?)null), (flat.Note, flat.Alpha));
        Assert.Equal(-8.0, opposed.Alpha!.Value, 12);
    }

    [Fact]
    public async Task A_leader_and_HR_see_each_dimensions_alpha_computed_in_the_database()
    {
        var pool = (await Rounds.InstrumentsAsync(Org.Hr, default)).Single(i => i.IsDefault);
        // Answers are stored a threshold's worth at a time: five of them with a threshold of 5.
        var round = await OpenAsync(pool.Id, minResponses: 5);
        var sheets = SheetsFor(pool.Items, _members.Length);
        for (var m = 0; m < _members.Length; m++)
        {
            await Answering.SubmitAsync(_members[m], Answers(round, Org.Lea, pool.Items, sheets[m]), default);
        }
        // Two sheets about Colin, below the threshold (stored directly, as rows from before batching could be):
        // they must not feed HR's pooled alpha.
        await using (var db = Db.NewDb())
        {
            db.FeedbackResponses.Add(new FeedbackResponse(round, Org.Colin.PersonId, false, null, pool.Items.Select(i => (i.Id, 1))));
            db.FeedbackResponses.Add(new FeedbackResponse(round, Org.Colin.PersonId, false, null, pool.Items.Select(i => (i.Id, 7))));
            await db.SaveChangesAsync();
        }
        Db.Clock.Advance(TimeSpan.FromDays(8));

        var mine = Assert.Single(await Results.MyResultsAsync(Org.Lea, default));
        var hr = await Results.OrganisationResultsAsync(Org.Hr, round, default);

        var obstacles = mine.Dimensions.Single(d => d.Dimension == ServantDimension.RemovingObstacles).Reliability;
        Assert.Equal((ReliabilityNote.Shown, 5, 3), (obstacles.Note, obstacles.Answers, obstacles.Statements));
        Assert.Equal(210.0 / 223, obstacles.Alpha!.Value, 9);
        Assert.Equal(ReliabilityNote.NoSpread, mine.Dimensions.Single(d => d.Dimension == ServantDimension.Trust).Reliability.Note);
        foreach (var dimension in mine.Dimensions)
        {
            var positions = Positions(pool.Items, i => i.Dimension == dimension.Dimension);
            Close(Independent(sheets, positions), dimension.Reliability.Alpha);
            Close(Independent(sheets, positions), hr.Reliability.Dimensions[dimension.Dimension].Alpha);
            Assert.Equal((5, 3), (dimension.Reliability.Answers, dimension.Reliability.Statements));
        }
        var all = Positions(pool.Items, _ => true);
        Assert.Equal(ReliabilityNote.Shown, mine.IndexReliability.Note);
        Assert.Equal(Independent(sheets, all)!.Value, mine.IndexReliability.Alpha!.Value, 9);
        Assert.Equal(Independent(sheets, all)!.Value, hr.Reliability.Index.Alpha!.Value, 9);
        Assert.Equal(5, hr.Reliability.Index.Answers);
        Assert.Equal(pool.Name, mine.InstrumentName);
    }

    [Fact]
    public async Task Four_answers_meet_the_threshold_but_are_too_few_to_judge_reliability()
    {
        var pool = (await Rounds.InstrumentsAsync(Org.Hr, default)).Single(i => i.IsDefault);
        var round = await OpenAsync(pool.Id, minResponses: 4);
        var sheets = SheetsFor(pool.Items, 4);
        for (var m = 0; m < 4; m++)
        {
            await Answering.SubmitAsync(_members[m], Answers(round, Org.Lea, pool.Items, sheets[m]), default);
        }
        Db.Clock.Advance(TimeSpan.FromDays(8));

        var mine = Assert.Single(await Results.MyResultsAsync(Org.Lea, default));

        Assert.True(mine.MeetsThreshold);
        Assert.All(mine.Dimensions, d => Assert.NotNull(d.TeamMean));
        Assert.All(mine.Dimensions, d => Assert.Equal((ReliabilityNote.TooFewAnswers, (double?)null, 4), (d.Reliability.Note, d.Reliability.Alpha, d.Reliability.Answers)));
        Assert.Equal(ReliabilityNote.TooFewAnswers, mine.IndexReliability.Note);
    }

    [Fact]
    public async Task Below_the_threshold_no_reliability_is_computed_at_all()
    {
        var pool = (await Rounds.InstrumentsAsync(Org.Hr, default)).Single(i => i.IsDefault);
        var round = await OpenAsync(pool.Id, minResponses: 6);
        var sheets = SheetsFor(pool.Items, 5);
        for (var m = 0; m < 5; m++)
        {
            await Answering.SubmitAsync(_members[m], Answers(round, Org.Lea, pool.Items, sheets[m]), default);
        }
        // The round closes with five answers held, below six: none stored, nothing to compute from.
        Db.Clock.Advance(TimeSpan.FromDays(8));

        var mine = Assert.Single(await Results.MyResultsAsync(Org.Lea, default));
        var hr = await Results.OrganisationResultsAsync(Org.Hr, round, default);

        Assert.False(mine.MeetsThreshold);
        Assert.All(mine.Dimensions, d => Assert.Equal((ReliabilityNote.TooFewAnswers, (double?)null, 0), (d.Reliability.Note, d.Reliability.Alpha, d.Reliability.Answers)));
        Assert.Empty(hr.Reliability.Dimensions);
        Assert.Null(hr.Reliability.Index.Alpha);
    }

    [Fact]
    public async Task The_pulse_has_no_alpha_per_dimension_but_one_across_its_statements()
    {
        var pulse = (await Rounds.InstrumentsAsync(Org.Hr, default)).Single(i => i.Name == "How well does my leader serve me? (quarterly pulse)");
        var round = await OpenAsync(pulse.Id, minResponses: 5);
        var sheets = SheetsFor(pulse.Items, _members.Length);
        for (var m = 0; m < _members.Length; m++)
        {
            await Answering.SubmitAsync(_members[m], Answers(round, Org.Lea, pulse.Items, sheets[m]), default);
        }
        Db.Clock.Advance(TimeSpan.FromDays(8));

        var mine = Assert.Single(await Results.MyResultsAsync(Org.Lea, default));

        Assert.Equal(9, mine.Dimensions.Count);
        Assert.All(mine.Dimensions, d => Assert.Equal(ReliabilityNote.TooFewStatements, d.Reliability.Note));
        Assert.Equal(Independent(sheets, Positions(pulse.Items, _ => true))!.Value, mine.IndexReliability.Alpha!.Value, 9);
        Assert.Equal(9, mine.IndexReliability.Statements);
    }

    private async Task<int> OpenAsync(int instrumentId, int minResponses = GroupSize.Minimum) =>
        await Rounds.OpenRoundAsync(Org.Hr, new OpenRound
        {
            Name = "Winter", InstrumentId = instrumentId, TeamIds = [Org.Product], OpensOn = Db.Clock.Today, ClosesOn = Db.Clock.Today.AddDays(7),
            MinResponses = minResponses,
        }, default);

    /// <summary>
    /// One sheet per member: Removing obstacles follows the worked example, Trust is 4 throughout (no spread), every
    /// other statement a spread-out pattern of the member and the statement's place.
    /// </summary>
    private static int[][] SheetsFor(IReadOnlyList<ItemView> items, int members)
    {
        var obstacles = Positions(items, i => i.Dimension == ServantDimension.RemovingObstacles);
        return Enumerable.Range(0, members).Select(m => items.Select((item, i) => item.Dimension switch
        {
            ServantDimension.RemovingObstacles when obstacles.Count == 3 => Worked[m][obstacles.IndexOf(i)],
            ServantDimension.Trust => 4,
            _ => (m * 3 + i * i + m * i) % 7 + 1,
        }).ToArray()).ToArray();
    }

    private static List<int> Positions(IReadOnlyList<ItemView> items, Func<ItemView, bool> which) =>
        items.Select((item, i) => (item, i)).Where(x => which(x.item)).Select(x => x.i).ToList();

    private static FeedbackAnswers Answers(int round, Actor subject, IReadOnlyList<ItemView> items, int[] sheet) => new()
    {
        RoundId = round, SubjectId = subject.PersonId, Scores = items.Select((item, i) => (item.Id, sheet[i])).ToDictionary(x => x.Id, x => (int?)x.Item2),
    };

    /// <summary>Alpha straight from its definition, over the sheets in memory: means, squared deviations, n − 1.</summary>
    private static double? Independent(int[][] sheets, List<int> positions)
    {
        static double Variance(IReadOnlyList<double> values)
        {
            var mean = values.Average();
            return values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        }
        if (positions.Count < 2 || sheets.Length < 5)
        {
            return null;
        }
        var total = Variance(sheets.Select(s => (double)positions.Sum(p => s[p])).ToList());
        if (total == 0)
        {
            return null;
        }
        var k = positions.Count;
        return k / (k - 1.0) * (1 - positions.Sum(p => Variance(sheets.Select(s => (double)s[p]).ToList())) / total);
    }

    private static void Close(double? expected, double? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is { } e)
        {
            Assert.Equal(e, actual!.Value, 9);
        }
    }

    private static ScoreSums Sums(IEnumerable<int> scores)
    {
        var list = scores.ToList();
        return new ScoreSums(list.Count, list.Sum(), list.Sum(s => (long)s * s));
    }
}
