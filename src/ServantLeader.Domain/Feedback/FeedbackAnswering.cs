using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;

namespace ServantLeader.Domain.Feedback;

// A member's answer is not written when sent: it waits in FeedbackBatches until the round's threshold of
// answers about that leader is waiting, and then all of them and their "has answered" flags are written in one
// transaction, in a cryptographically shuffled order. A copy of the database files (or its log) taken at any moment
// then shows groups of at least k people and k answers, never which of them wrote which. See docs/privacy.md.
/// <summary>
/// The person answering the survey: members about their leaders, leaders about themselves.
/// </summary>
public sealed class FeedbackAnswering(IDbContextFactory<ServantLeaderDb> dbs, TimeProvider time, FeedbackBatches batches)
{
    private const string AlreadyAnswered = "You have already answered about this leader in this round. Answers can't be changed.";

    private const string AlreadyHeld = "You have already answered about this leader in this round. Your answer is held, without your name, " +
                                       "until enough colleagues have answered about them; then it counts. Answers can't be changed.";

    /// <summary>Everyone the actor is asked about in rounds that are open today, answered, held or not.</summary>
    public async Task<IReadOnlyList<Invitation>> InvitationsAsync(Actor actor, CancellationToken ct)
    {
        batches.DropClosed(time.Today());
        await using var db = await dbs.CreateDbContextAsync(ct);
        var invitations = await OpenInvitations(db, actor).ToListAsync(ct);
        return invitations.Select(i => i with { IsHeld = IsHeld(actor, i) }).ToList();
    }

    /// <summary>How many answers the actor still owes in open rounds: participation not yet answered and nothing held.</summary>
    public async Task<int> PendingCountAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var open = await OpenInvitations(db, actor, p => !p.HasAnswered).ToListAsync(ct);
        return open.Count(i => !IsHeld(actor, i));
    }

    /// <summary>Held answers of the actor's that were dropped because their round closed with fewer than its threshold waiting.</summary>
    public async Task<IReadOnlyList<NotCountedAnswer>> NotCountedAsync(Actor actor, CancellationToken ct)
    {
        batches.DropClosed(time.Today());
        var dropped = batches.NotCounted(actor.PersonId);
        if (dropped.Count == 0)
        {
            return [];
        }
        var roundIds = dropped.Select(d => d.RoundId).Distinct().ToList();
        var subjectIds = dropped.Select(d => d.SubjectId).Distinct().ToList();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rounds = await db.FeedbackRounds.Where(r => roundIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => (r.Name, r.MinResponses), ct);
        var names = await db.People.Where(p => subjectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, ct);
        return dropped.Where(d => rounds.ContainsKey(d.RoundId) && names.ContainsKey(d.SubjectId))
            .Select(d => new NotCountedAnswer(d.RoundId, rounds[d.RoundId].Name, names[d.SubjectId], rounds[d.RoundId].MinResponses))
            .OrderBy(d => d.RoundName).ThenBy(d => d.SubjectName).ToList();
    }

    public async Task<FeedbackForm> FormAsync(Actor actor, int roundId, int subjectId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var invitation = await OpenInvitations(db, actor, p => p.RoundId == roundId && p.SubjectId == subjectId).SingleOrDefaultAsync(ct)
                         ?? throw new NotFoundException();
        if (invitation.HasAnswered)
        {
            throw new ActionNotAllowedException(AlreadyAnswered);
        }
        if (IsHeld(actor, invitation))
        {
            throw new ActionNotAllowedException(AlreadyHeld);
        }
        var instrument = await db.FeedbackRounds.Where(r => r.Id == roundId)
            .Select(r => new { r.InstrumentId, r.Instrument.OpenQuestion }).SingleAsync(ct);
        var items = await db.Set<InstrumentItem>().Where(i => i.InstrumentId == instrument.InstrumentId).OrderBy(i => i.Order)
            .Select(i => new ItemView(i.Id, i.Dimension, i.Text)).ToListAsync(ct);
        return new FeedbackForm(roundId, invitation.RoundName, invitation.ClosesOn, subjectId, invitation.SubjectName, invitation.IsSelfView,
            items, instrument.OpenQuestion);
    }

    private bool IsHeld(Actor actor, Invitation i) => !i.HasAnswered && !i.IsSelfView && batches.IsHeld(i.RoundId, actor.PersonId, i.SubjectId);

    /// <summary>The actor's participation rows in rounds open today, optionally narrowed, as invitations.</summary>
    private IQueryable<Invitation> OpenInvitations(ServantLeaderDb db, Actor actor,
        System.Linq.Expressions.Expression<Func<Participation, bool>>? narrow = null)
    {
        var today = time.Today();
        return db.FeedbackParticipation
            .Where(p => p.RespondentId == actor.PersonId)
            .Where(narrow ?? (_ => true))
            .Join(db.FeedbackRounds.Where(r => r.OpensOn <= today && r.ClosesOn >= today), p => p.RoundId, r => r.Id, (p, r) => new { p, r })
            .Join(db.People, x => x.p.SubjectId, s => s.Id, (x, s) => new { x.p, x.r, s.DisplayName })
            .OrderBy(x => x.r.ClosesOn).ThenBy(x => x.p.IsSelfView).ThenBy(x => x.DisplayName)
            .Select(x => new Invitation(x.r.Id, x.r.Name, x.r.ClosesOn, x.p.SubjectId, x.DisplayName, x.p.IsSelfView, x.p.HasAnswered));
    }

    /// <summary>
    /// Takes one person's answers about one leader. A leader's self-view is stored at once (it is theirs by definition).
    /// A member's answer is held in memory and stored, with its flag, only as part of a batch of the round's threshold;
    /// the answer that completes a batch stores it. A second answer about the same leader in the same round is refused.
    /// </summary>
    public async Task<AnswerOutcome> SubmitAsync(Actor actor, FeedbackAnswers answers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var today = time.Today();
        batches.DropClosed(today);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var round = await db.FeedbackRounds.AsNoTracking().Include(r => r.Instrument).ThenInclude(i => i.Items)
            .SingleOrDefaultAsync(r => r.Id == answers.RoundId, ct) ?? throw new NotFoundException();
        var participation = await db.FeedbackParticipation.AsNoTracking()
            .SingleOrDefaultAsync(p => p.RoundId == answers.RoundId && p.RespondentId == actor.PersonId && p.SubjectId == answers.SubjectId, ct)
            ?? throw new NotFoundException();

        var state = FeedbackRound.StateOn(round.OpensOn, round.ClosesOn, today);
        if (state != RoundState.Open)
        {
            throw new RuleViolationException(state == RoundState.Closed ? "This round has closed; answers are no longer taken." : "This round is not open yet.");
        }
        if (participation.HasAnswered)
        {
            throw new RuleViolationException(AlreadyAnswered);
        }
        if (!participation.IsSelfView && batches.IsHeld(round.Id, actor.PersonId, answers.SubjectId))
        {
            throw new RuleViolationException(AlreadyHeld);
        }

        var (comment, scores) = Validate(round.Instrument, answers);

        if (participation.IsSelfView)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Flipping the flag only where it is still false makes a double submission (two tabs, a double click) fail here.
            var flipped = await db.FeedbackParticipation
                .Where(p => p.RoundId == answers.RoundId && p.RespondentId == actor.PersonId && p.SubjectId == answers.SubjectId && !p.HasAnswered)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.HasAnswered, true), ct);
            if (flipped != 1)
            {
                throw new RuleViolationException(AlreadyAnswered);
            }
            db.FeedbackResponses.Add(new FeedbackResponse(answers.RoundId, answers.SubjectId, isSelfView: true, comment, scores));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return AnswerOutcome.Stored;
        }

        var held = new FeedbackBatches.HeldAnswer(actor.PersonId, comment, scores);
        if (!batches.TryHold(round.Id, answers.SubjectId, round.ClosesOn, round.MinResponses, held, out var full))
        {
            throw new RuleViolationException(AlreadyHeld);
        }
        return full is null ? AnswerOutcome.Held : await WriteBatchAsync(round.Id, answers.SubjectId, full, held, ct);
    }

    private static (string? Comment, List<(int ItemId, int Score)> Scores) Validate(Instrument instrument, FeedbackAnswers answers)
    {
        var rules = new Rules();
        var scores = new List<(int, int)>();
        foreach (var item in instrument.Items.OrderBy(i => i.Order))
        {
            if (!answers.Scores.TryGetValue(item.Id, out var score) || score is null)
            {
                rules.Add(FeedbackAnswers.FieldFor(item.Id), "Choose how much you agree, from 1 to 7.");
            }
            else if (score is < Instrument.MinScore or > Instrument.MaxScore)
            {
                rules.Add(FeedbackAnswers.FieldFor(item.Id), "Answers go from 1 (strongly disagree) to 7 (strongly agree).");
            }
            else
            {
                scores.Add((item.Id, score.Value));
            }
        }
        var known = instrument.Items.Select(i => i.Id).ToHashSet();
        rules.Check(answers.Scores.Keys.All(known.Contains), RuleViolationException.General, "The form is out of date. Reload it and answer again.");
        var comment = rules.Text(nameof(answers.Comment), answers.Comment, TextRules.NoteLength, required: false, "Your comment");
        rules.Check(comment.Length == 0 || instrument.OpenQuestion is not null, nameof(answers.Comment), "This survey has no open question.");
        rules.ThrowIfAny();
        return (comment.Length == 0 ? null : comment, scores);
    }

    /// <summary>
    /// Writes a full batch. If the write fails, nothing of it is stored: the earlier answers wait again (their people were
    /// told they are held), and the newest one, whose sender sees the error, is dropped so that they are simply asked again.
    /// </summary>
    private async Task<AnswerOutcome> WriteBatchAsync(int roundId, int subjectId, IReadOnlyList<FeedbackBatches.HeldAnswer> full,
        FeedbackBatches.HeldAnswer newest, CancellationToken ct)
    {
        bool stored;
        try
        {
            stored = await StoreBatchAsync(roundId, subjectId, full, ct);
        }
        catch
        {
            batches.PutBack(roundId, subjectId, full, full.Where(a => !ReferenceEquals(a, newest)).ToList());
            throw;
        }
        if (stored)
        {
            batches.Written(roundId, subjectId, full);
            return AnswerOutcome.Stored;
        }

        // Someone in the batch is already marked as answered (their answer was stored by another app instance, or in a
        // race with their own earlier batch): their second answer is discarded, the others wait for more colleagues.
        await using var db = await dbs.CreateDbContextAsync(ct);
        var respondents = full.Select(a => a.RespondentId).ToList();
        var answered = await db.FeedbackParticipation
            .Where(p => p.RoundId == roundId && p.SubjectId == subjectId && p.HasAnswered && respondents.Contains(p.RespondentId))
            .Select(p => p.RespondentId).ToListAsync(ct);
        batches.PutBack(roundId, subjectId, full, full.Where(a => !answered.Contains(a.RespondentId)).ToList());
        if (answered.Contains(newest.RespondentId))
        {
            throw new RuleViolationException(AlreadyAnswered);
        }
        return AnswerOutcome.Held;
    }

    /// <summary>
    /// One transaction: the batch's flags, then its responses in a shuffled order. The flags are set by one statement
    /// that the database runs in its own key order (round, respondent, leader), so their physical order says nothing about
    /// who answered when; responses get random keys and a random insert order. False (and nothing stored) when a flag
    /// was already set.
    /// </summary>
    private async Task<bool> StoreBatchAsync(int roundId, int subjectId, IReadOnlyList<FeedbackBatches.HeldAnswer> full, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var respondents = full.Select(a => a.RespondentId).ToList();
        var flipped = await db.FeedbackParticipation
            .Where(p => p.RoundId == roundId && p.SubjectId == subjectId && !p.IsSelfView && !p.HasAnswered && respondents.Contains(p.RespondentId))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.HasAnswered, true), ct);
        if (flipped != full.Count)
        {
            await tx.RollbackAsync(ct);
            return false;
        }
        db.FeedbackResponses.AddRange(FeedbackBatches.Shuffled(full)
            .Select(a => new FeedbackResponse(roundId, subjectId, isSelfView: false, a.Comment, a.Scores)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
