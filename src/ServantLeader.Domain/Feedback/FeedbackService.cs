using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Feedback;

/// <summary>
/// The anonymous "how well does my leader serve me?" survey. HR manages instruments and rounds; members answer
/// about their leaders and leaders about themselves; results exist only for closed rounds and only for leaders
/// with at least the round's threshold of answers (never fewer than <see cref="GroupSize.Minimum"/>).
/// </summary>
public sealed partial class FeedbackService(IDbContextFactory<ServantLeaderDb> dbs, TimeProvider time, FeedbackBatches batches)
{
    // ---- Instruments (HR) ----

    public async Task<IReadOnlyList<InstrumentView>> InstrumentsAsync(Actor actor, CancellationToken ct)
    {
        RequireHr(actor);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var instruments = await db.Instruments.AsNoTracking().Include(i => i.Items).OrderByDescending(i => i.IsDefault).ThenBy(i => i.Name).ToListAsync(ct);
        var used = await db.FeedbackRounds.Select(r => r.InstrumentId).Distinct().ToListAsync(ct);
        return instruments.Select(i => View(i, used.Contains(i.Id))).ToList();
    }

    public async Task<int> SaveInstrumentAsync(Actor actor, int? instrumentId, InstrumentDraft draft, CancellationToken ct)
    {
        RequireHr(actor);
        ArgumentNullException.ThrowIfNull(draft);
        var rules = new Rules();
        var name = rules.Text(nameof(draft.Name), draft.Name, TextRules.NameLength, required: true, "A name", TextKind.Line);
        var question = rules.Text(nameof(draft.OpenQuestion), draft.OpenQuestion, TextRules.TitleLength * 2, required: false, "The open question", TextKind.Line);
        var items = new List<(ServantDimension, string)>();
        for (var i = 0; i < draft.Items.Count; i++)
        {
            var item = draft.Items[i];
            var text = rules.Text($"Items[{i}].Text", item.Text, TextRules.TitleLength * 2, required: true, $"Statement {i + 1}", TextKind.Line);
            rules.Check(Enum.IsDefined(item.Dimension), $"Items[{i}].Dimension", "Choose a dimension.");
            items.Add((item.Dimension, text));
        }
        rules.Check(items.Count is >= 3 and <= 40, nameof(draft.Items), "An instrument needs between 3 and 40 statements.");
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (name.Length > 0 && await db.Instruments.AnyAsync(i => i.Name == name && i.Id != instrumentId, ct))
        {
            rules.Add(nameof(draft.Name), "Another instrument already has this name.");
        }
        rules.ThrowIfAny();

        Instrument instrument;
        if (instrumentId is { } id)
        {
            instrument = await db.Instruments.Include(i => i.Items).SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException();
            if (await db.FeedbackRounds.AnyAsync(r => r.InstrumentId == id, ct))
            {
                throw new ActionNotAllowedException("A round has used this instrument, so it can't change: results must stay comparable. Create a new one instead.");
            }
        }
        else
        {
            instrument = new Instrument(name, null, isDefault: false, time.GetUtcNow());
            db.Instruments.Add(instrument);
        }
        instrument.Rewrite(name, question.Length == 0 ? null : question, items);
        await db.SaveChangesAsync(ct);
        return instrument.Id;
    }

    // ---- Rounds (HR) ----

    public async Task<IReadOnlyList<RoundSummary>> RoundsAsync(Actor actor, CancellationToken ct)
    {
        RequireHr(actor);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var today = time.Today();
        var rounds = await db.FeedbackRounds
            .OrderByDescending(r => r.OpensOn).ThenByDescending(r => r.Id)
            .Select(r => new
            {
                r.Id, r.Name, Instrument = r.Instrument.Name, r.OpensOn, r.ClosesOn, r.MinResponses,
                Teams = r.Teams.Join(db.Teams, rt => rt.TeamId, t => t.Id, (_, t) => t.Name).ToList(),
                Invited = db.FeedbackParticipation.Count(p => p.RoundId == r.Id && !p.IsSelfView),
                Answered = db.FeedbackParticipation.Count(p => p.RoundId == r.Id && !p.IsSelfView && p.HasAnswered),
            })
            .ToListAsync(ct);
        return rounds.Select(r => new RoundSummary(r.Id, r.Name, r.Instrument, r.OpensOn, r.ClosesOn,
            FeedbackRound.StateOn(r.OpensOn, r.ClosesOn, today), r.Teams.Order().ToList(), r.Invited, r.Answered, r.MinResponses)).ToList();
    }

    /// <summary>Creates a round and asks every member about each leader of their team, and each leader about themselves.</summary>
    public async Task<int> OpenRoundAsync(Actor actor, OpenRound command, CancellationToken ct)
    {
        RequireHr(actor);
        ArgumentNullException.ThrowIfNull(command);
        var rules = new Rules();
        var name = rules.Text(nameof(command.Name), command.Name, TextRules.NameLength, required: true, "A name", TextKind.Line);
        var today = time.Today();
        rules.Check(command.OpensOn >= today, nameof(command.OpensOn), "A round can't open in the past.");
        rules.Check(command.ClosesOn >= command.OpensOn, nameof(command.ClosesOn), "A round must close on or after the day it opens.");
        rules.Check(command.ClosesOn <= command.OpensOn.AddDays(90), nameof(command.ClosesOn), "A round can stay open for 90 days at most.");
        rules.Check(command.MinResponses is >= GroupSize.Minimum and <= 50, nameof(command.MinResponses),
            $"The threshold is at least {GroupSize.Minimum}, so that no answer can be traced to a person, and at most 50.");
        var teamIds = command.TeamIds.Distinct().ToList();
        rules.Check(teamIds.Count > 0, nameof(command.TeamIds), "Choose at least one team.");

        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.Instruments.AnyAsync(i => i.Id == command.InstrumentId, ct))
        {
            rules.Add(nameof(command.InstrumentId), "Choose an instrument.");
        }
        var memberships = await db.Memberships
            .Where(m => teamIds.Contains(m.TeamId) && m.Person.IsActive)
            .Select(m => new { m.TeamId, m.PersonId, m.Role })
            .ToListAsync(ct);
        if (teamIds.Count > 0 && memberships.Select(m => m.TeamId).Distinct().Count() != teamIds.Count)
        {
            rules.Add(nameof(command.TeamIds), "One of the chosen teams no longer exists or has nobody in it.");
        }
        rules.ThrowIfAny();

        var pairs = WhoIsAskedAboutWhom(memberships.Select(m => (m.TeamId, m.PersonId, m.Role)));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var round = new FeedbackRound(name, command.InstrumentId, command.OpensOn, command.ClosesOn, command.MinResponses, teamIds, time.GetUtcNow());
        db.FeedbackRounds.Add(round);
        await db.SaveChangesAsync(ct);
        db.FeedbackParticipation.AddRange(pairs.Select(p => new Participation(round.Id, p.Respondent, p.Subject)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return round.Id;
    }

    /// <summary>Each member about each leader of their team, and each leader about themselves; once per pair.</summary>
    internal static HashSet<(int Respondent, int Subject)> WhoIsAskedAboutWhom(IEnumerable<(int TeamId, int PersonId, TeamRole Role)> memberships)
    {
        var pairs = new HashSet<(int Respondent, int Subject)>();
        foreach (var team in memberships.GroupBy(m => m.TeamId))
        {
            foreach (var leader in team.Where(m => m.Role == TeamRole.Leader))
            {
                pairs.Add((leader.PersonId, leader.PersonId));
                foreach (var member in team.Where(m => m.Role == TeamRole.Member))
                {
                    pairs.Add((member.PersonId, leader.PersonId));
                }
            }
        }
        return pairs;
    }

    // ---- Results ----

    /// <summary>The actor's own results as a leader, for every closed round, newest first.</summary>
    public async Task<IReadOnlyList<LeaderRoundResult>> MyResultsAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var today = time.Today();
        var rounds = await db.FeedbackParticipation
            .Where(p => p.SubjectId == actor.PersonId && p.IsSelfView)
            .Join(db.FeedbackRounds.Where(r => r.ClosesOn < today), p => p.RoundId, r => r.Id, (_, r) => new { r.Id, r.Name, r.ClosesOn, r.MinResponses, r.InstrumentId })
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
            var scores = dimensions.Select(d => new DimensionScore(d, team.TryGetValue(d, out var t) ? t : null, self.TryGetValue(d, out var s) ? s : null)).ToList();
            results.Add(new LeaderRoundResult(round.Id, round.Name, round.ClosesOn, responses, round.MinResponses, scores,
                meets ? IndexOf(team) : null, self.Count > 0 ? IndexOf(self) : null, comments));
        }
        return results;
    }

    /// <summary>Every leader's team-view scores in a closed round, and their spread across the organisation. HR only.</summary>
    public async Task<OrganisationRoundResult> OrganisationResultsAsync(Actor actor, int roundId, CancellationToken ct)
    {
        RequireHr(actor);
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
            leaders.Count > 0 ? SpreadOf(leaders.Select(l => l.Index).ToList()) : null);
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

    private static InstrumentView View(Instrument i, bool locked) =>
        new(i.Id, i.Name, i.OpenQuestion, i.IsDefault, locked, i.Items.OrderBy(x => x.Order).Select(x => new ItemView(x.Id, x.Dimension, x.Text)).ToList());

    private static void RequireHr(Actor actor)
    {
        if (!actor.IsHr)
        {
            throw new ActionNotAllowedException("Only HR manages feedback instruments and rounds and sees results across leaders.");
        }
    }

    /// <summary>Adds the default instrument when it is missing. Safe to run at every start.</summary>
    internal static async Task EnsureDefaultInstrumentAsync(ServantLeaderDb db, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Instruments.AnyAsync(i => i.IsDefault, ct))
        {
            return;
        }
        var instrument = new Instrument(DefaultInstrument.Name, DefaultInstrument.OpenQuestion, isDefault: true, now);
        instrument.Rewrite(DefaultInstrument.Name, DefaultInstrument.OpenQuestion, DefaultInstrument.Items);
        db.Instruments.Add(instrument);
        await db.SaveChangesAsync(ct);
    }
}
