using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Feedback;

/// <summary>The index over rounds (HR's line), a team's latest index (beside its service figures), and HR's self-view comparison.</summary>
public sealed partial class FeedbackResultsReport
{
    /// <summary>At most this many closed rounds on HR's line: a few years of rounds.</summary>
    private const int TrendRounds = 20;

    /// <summary>The leaders' index spread in each closed round, oldest first, from leaders at or above the round's threshold. HR only.</summary>
    public async Task<IReadOnlyList<RoundIndex>> OrganisationTrendAsync(Actor actor, CancellationToken ct)
    {
        FeedbackRounds.RequireHr(actor);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var today = time.Today();
        var rounds = await db.FeedbackRounds.Where(r => r.ClosesOn < today)
            .OrderByDescending(r => r.ClosesOn).ThenByDescending(r => r.Id).Take(TrendRounds)
            .Select(r => new { r.Id, r.Name, r.ClosesOn, r.MinResponses, Instrument = r.Instrument.Name })
            .ToListAsync(ct);
        var ids = rounds.Select(r => r.Id).ToList();
        // Means only for leaders at or above their round's threshold: the filter runs in the database, so no smaller group is computed.
        var means = await db.FeedbackScores
            .Join(db.FeedbackResponses.Where(r => ids.Contains(r.RoundId) && !r.IsSelfView), s => s.ResponseId, r => r.Id, (s, r) => new { s, r.RoundId, r.SubjectId })
            .Join(db.FeedbackRounds, x => x.RoundId, r => r.Id, (x, r) => new { x.s, x.RoundId, x.SubjectId, r.MinResponses })
            .Where(x => db.FeedbackResponses.Count(o => o.RoundId == x.RoundId && o.SubjectId == x.SubjectId && !o.IsSelfView) >= x.MinResponses)
            .Join(db.Set<InstrumentItem>(), x => x.s.ItemId, i => i.Id, (x, i) => new { x.RoundId, x.SubjectId, i.Dimension, x.s.Score })
            .GroupBy(x => new { x.RoundId, x.SubjectId, x.Dimension })
            .Select(g => new { g.Key.RoundId, g.Key.SubjectId, g.Key.Dimension, Mean = g.Average(x => (double)x.Score) })
            .ToListAsync(ct);
        var indexes = means.GroupBy(m => (m.RoundId, m.SubjectId))
            .Select(g => (g.Key.RoundId, Index: IndexOf(g.ToDictionary(m => m.Dimension, m => m.Mean))))
            .ToLookup(x => x.RoundId, x => x.Index);
        return rounds.Where(r => indexes[r.Id].Any()).OrderBy(r => r.ClosesOn).ThenBy(r => r.Id)
            .Select(r => new RoundIndex(r.Id, r.Name, r.ClosesOn, r.Instrument, SpreadOf(indexes[r.Id].ToList())))
            .ToList();
    }

    /// <summary>
    /// The latest index of the team's current leaders, each from the newest closed round that asked this team about them.
    /// Readers as for feedback results: a leader of the team sees their own only, HR every leader's at or above the
    /// threshold (below it neither the index nor the number of answers); anyone else gets not found.
    /// </summary>
    public async Task<IReadOnlyList<LeaderIndex>> TeamIndexAsync(Actor actor, int teamId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var leaders = await db.Memberships.Where(m => m.TeamId == teamId && m.Role == TeamRole.Leader && m.Person.IsActive)
            .OrderBy(m => m.Person.DisplayName).Select(m => new { m.PersonId, m.Person.DisplayName }).ToListAsync(ct);
        var readable = actor.IsHr ? leaders : leaders.Where(l => l.PersonId == actor.PersonId).ToList();
        if (actor.IsHr ? !await db.Teams.AnyAsync(t => t.Id == teamId, ct) : readable.Count == 0)
        {
            throw new NotFoundException();
        }
        var today = time.Today();
        var result = new List<LeaderIndex>();
        foreach (var leader in readable)
        {
            var round = await db.FeedbackRounds
                .Where(r => r.ClosesOn < today && r.Teams.Any(t => t.TeamId == teamId)
                    && db.FeedbackParticipation.Any(p => p.RoundId == r.Id && p.SubjectId == leader.PersonId && p.IsSelfView))
                .OrderByDescending(r => r.ClosesOn).ThenByDescending(r => r.Id)
                .Select(r => new { r.Id, r.Name, r.ClosesOn, r.MinResponses })
                .FirstOrDefaultAsync(ct);
            if (round is null)
            {
                continue;
            }
            var responses = await db.FeedbackResponses.CountAsync(r => r.RoundId == round.Id && r.SubjectId == leader.PersonId && !r.IsSelfView, ct);
            var meets = responses >= round.MinResponses;
            var index = meets ? IndexOf(await MeansAsync(db, round.Id, leader.PersonId, selfView: false, ct)) : (double?)null;
            result.Add(new LeaderIndex(leader.PersonId, leader.DisplayName, round.Id, round.Name, round.ClosesOn,
                meets || !actor.IsHr ? responses : 0, round.MinResponses, index));
        }
        return result;
    }

    private static async Task<IReadOnlyList<SelfAndTeam>> SelfAndTeamAsync(ServantLeaderDb db, int roundId, IReadOnlyList<LeaderScores> leaders,
        CancellationToken ct)
    {
        var ids = leaders.Select(l => l.LeaderId).ToList();
        var self = await db.FeedbackScores
            .Join(db.FeedbackResponses.Where(r => r.RoundId == roundId && r.IsSelfView && ids.Contains(r.SubjectId)), s => s.ResponseId, r => r.Id,
                (s, r) => new { s.ItemId, s.Score, r.SubjectId })
            .Join(db.Set<InstrumentItem>(), x => x.ItemId, i => i.Id, (x, i) => new { x.SubjectId, i.Dimension, x.Score })
            .GroupBy(x => new { x.SubjectId, x.Dimension })
            .Select(g => new { g.Key.SubjectId, g.Key.Dimension, Mean = g.Average(x => (double)x.Score) })
            .ToListAsync(ct);
        var selfOf = self.ToDictionary(s => (s.SubjectId, s.Dimension), s => s.Mean);
        var comparison = new List<SelfAndTeam>();
        foreach (var dimension in Enum.GetValues<ServantDimension>())
        {
            // Only leaders with both views count, and only from GroupSize.Minimum of them. Means, not medians: a median of
            // three self-views would be one leader's own score, unattributed but exact.
            var both = leaders.Where(l => l.Dimensions.ContainsKey(dimension) && selfOf.ContainsKey((l.LeaderId, dimension))).ToList();
            if (both.Count >= GroupSize.Minimum)
            {
                comparison.Add(new SelfAndTeam(dimension, both.Average(l => l.Dimensions[dimension]),
                    both.Average(l => selfOf[(l.LeaderId, dimension)]), both.Count));
            }
        }
        return comparison;
    }
}
