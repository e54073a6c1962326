using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;

namespace ServantLeader.Domain.Feedback;

/// <summary>
/// The survey's results: a leader's own, and HR's view across leaders. They exist only for closed rounds and only for
/// leaders with at least the round's threshold of answers (never fewer than <see cref="GroupSize.Minimum"/>).
/// </summary>
public sealed partial class FeedbackResultsReport(IDbContextFactory<ServantLeaderDb> dbs, TimeProvider time)
{
    /// <summary>The actor's own results as a leader, for every closed round, newest first.</summary>
    public async Task<IReadOnlyList<LeaderRoundResult>> MyResultsAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var today = time.Today();
        var rounds = await db.FeedbackParticipation
            .Where(p => p.SubjectId == actor.PersonId && p.IsSelfView)
            .Join(db.FeedbackRounds.Where(r => r.ClosesOn < today), p => p.RoundId, r => r.Id, (_, r) => new { r.Id, r.Name, r.ClosesOn, r.MinResponses, r.InstrumentId, Instrument = r.Instrument.Name })
            .OrderByDescending(r => r.ClosesOn)
            .ToListAsync(ct);
        var results = new List<LeaderRoundResult>();
        foreach (var round in rounds)
        {
            var dimensions = await DimensionsOfAsync(db, round.InstrumentId, ct);
            var responses = await db.FeedbackResponses.CountAsync(r => r.RoundId == round.Id && r.SubjectId == actor.PersonId && !r.IsSelfView, ct);
            var meets = responses >= round.MinResponses;
            var team = meets ? await MeansAsync(db, round.Id, actor.PersonId, selfView: false, ct) : new Dictionary<ServantDimension, double>();
            var self = await MeansAsync(db, round.Id, actor.PersonId, selfView: true, ct);
            var comments = meets
                ? await db.FeedbackResponses.Where(r => r.RoundId == round.Id && r.SubjectId == actor.PersonId && !r.IsSelfView && r.Comment != null)
                    .Select(r => r.Comment!).ToListAsync(ct)
                : [];
            Shuffle(comments);
            // Below the threshold nothing is computed from the answers, reliability included.
            var reliability = meets
                ? await FeedbackReliability.ReadAsync(db, round.Id, round.InstrumentId, round.MinResponses, actor.PersonId, ct)
                : RoundReliability.None;
            var scores = dimensions.Select(d => new DimensionScore(d, team.TryGetValue(d, out var t) ? t : null, self.TryGetValue(d, out var s) ? s : null)
            {
                Reliability = reliability.Dimensions.GetValueOrDefault(d) ?? Reliability.NotJudged(0, 0),
            }).ToList();
            results.Add(new LeaderRoundResult(round.Id, round.Name, round.ClosesOn, responses, round.MinResponses, scores,
                meets ? IndexOf(team) : null, self.Count > 0 ? IndexOf(self) : null, comments)
            {
                InstrumentName = round.Instrument,
                IndexReliability = reliability.Index,
            });
        }
        return results;
    }

    /// <summary>Every leader's team-view scores in a closed round, and their spread across the organisation. HR only.</summary>
    public async Task<OrganisationRoundResult> OrganisationResultsAsync(Actor actor, int roundId, CancellationToken ct)
    {
        FeedbackRounds.RequireHr(actor);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var round = await db.FeedbackRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new NotFoundException();
        var state = FeedbackRound.StateOn(round.OpensOn, round.ClosesOn, time.Today());
        if (state != RoundState.Closed)
        {
            return new OrganisationRoundResult(round.Id, round.Name, state, [], 0, new Dictionary<ServantDimension, Spread>(), null);
        }
        var counts = await db.FeedbackResponses.Where(r => r.RoundId == roundId && !r.IsSelfView)
            .GroupBy(r => r.SubjectId).Select(g => new { LeaderId = g.Key, Responses = g.Count() })
            .ToListAsync(ct);
        var subjects = await db.FeedbackParticipation.Where(p => p.RoundId == roundId && p.IsSelfView).Select(p => p.SubjectId).ToListAsync(ct);
        var eligible = counts.Where(c => c.Responses >= round.MinResponses).ToDictionary(c => c.LeaderId, c => c.Responses);
        var eligibleIds = eligible.Keys.ToList();
        var means = await db.FeedbackScores
            .Join(db.FeedbackResponses.Where(r => r.RoundId == roundId && !r.IsSelfView), s => s.ResponseId, r => r.Id, (s, r) => new { s, r.SubjectId })
            .Join(db.Set<InstrumentItem>(), x => x.s.ItemId, i => i.Id, (x, i) => new { x.SubjectId, i.Dimension, x.s.Score })
            .Where(x => eligibleIds.Contains(x.SubjectId))
            .GroupBy(x => new { x.SubjectId, x.Dimension })
            .Select(g => new { g.Key.SubjectId, g.Key.Dimension, Mean = g.Average(x => (double)x.Score) })
            .ToListAsync(ct);
        var names = await db.People.Where(p => eligibleIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, ct);
        var leaders = means.GroupBy(m => m.SubjectId)
            .Select(g =>
            {
                var dims = g.ToDictionary(m => m.Dimension, m => m.Mean);
                return new LeaderScores(g.Key, names[g.Key], eligible[g.Key], dims, IndexOf(dims));
            })
            .OrderBy(l => l.LeaderName).ToList();
        var distribution = leaders.SelectMany(l => l.Dimensions).GroupBy(d => d.Key)
            .ToDictionary(g => g.Key, g => SpreadOf(g.Select(d => d.Value).ToList()));
        return new OrganisationRoundResult(round.Id, round.Name, state, leaders, subjects.Distinct().Count() - leaders.Count, distribution,
            leaders.Count > 0 ? SpreadOf(leaders.Select(l => l.Index).ToList()) : null)
        {
            Reliability = leaders.Count > 0
                ? await FeedbackReliability.ReadAsync(db, round.Id, round.InstrumentId, round.MinResponses, null, ct)
                : RoundReliability.None,
            SelfAndTeam = await SelfAndTeamAsync(db, roundId, leaders, ct),
        };
    }

    private static async Task<IReadOnlyList<ServantDimension>> DimensionsOfAsync(ServantLeaderDb db, int instrumentId, CancellationToken ct) =>
        (await db.Set<InstrumentItem>().Where(i => i.InstrumentId == instrumentId).Select(i => i.Dimension).Distinct().ToListAsync(ct)).Order().ToList();

    private static async Task<Dictionary<ServantDimension, double>> MeansAsync(ServantLeaderDb db, int roundId, int subjectId, bool selfView, CancellationToken ct) =>
        await db.FeedbackScores
            .Join(db.FeedbackResponses.Where(r => r.RoundId == roundId && r.SubjectId == subjectId && r.IsSelfView == selfView),
                s => s.ResponseId, r => r.Id, (s, _) => s)
            .Join(db.Set<InstrumentItem>(), s => s.ItemId, i => i.Id, (s, i) => new { i.Dimension, s.Score })
            .GroupBy(x => x.Dimension)
            .Select(g => new { g.Key, Mean = g.Average(x => (double)x.Score) })
            .ToDictionaryAsync(x => x.Key, x => x.Mean, ct);

    /// <summary>The servant leadership index: the mean of the dimension means, so each dimension weighs the same.</summary>
    private static double IndexOf(IReadOnlyDictionary<ServantDimension, double> dimensions) => dimensions.Values.Average();

    internal static Spread SpreadOf(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return new Spread(sorted[0], Percentile.Of(sorted, 25)!.Value, Percentile.Of(sorted, 50)!.Value, Percentile.Of(sorted, 75)!.Value, sorted[^1], sorted.Length);
    }

    private static void Shuffle<T>(List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = Random.Shared.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
