using System.Security.Cryptography;

namespace ServantLeader.Domain.Feedback;

/// <summary>
/// Members' answers about a leader that wait, in this process's memory only, until the round's threshold of them is
/// reached; then <see cref="FeedbackAnswering"/> writes the whole batch (answers and "has answered" flags) in one
/// transaction. Writing one answer at a time would put one flag flip and one response in the same commit, which anyone
/// replaying the database's log can pair. Nothing here is ever written to disk or logged: a restart loses the waiting
/// answers, and since their flags were never written, those people are simply asked again.
/// </summary>
public sealed class FeedbackBatches
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(int RoundId, int SubjectId), Batch> _batches = [];
    private readonly HashSet<(int RoundId, int RespondentId, int SubjectId)> _notCounted = [];

    /// <summary>One member's answer sheet, held until enough colleagues have answered about the same leader.</summary>
    internal sealed record HeldAnswer(int RespondentId, string? Comment, IReadOnlyList<(int ItemId, int Score)> Scores);

    private sealed class Batch(DateOnly closesOn)
    {
        public DateOnly ClosesOn { get; } = closesOn;
        public List<HeldAnswer> Waiting { get; } = [];
        // Answers taken for a write that has not finished yet: still "held" for the person, so they can't answer twice.
        public HashSet<int> Writing { get; } = [];
    }

    /// <summary>Whether this person's answer about this leader waits here (or is being written right now).</summary>
    public bool IsHeld(int roundId, int respondentId, int subjectId)
    {
        lock (_gate)
        {
            return _batches.TryGetValue((roundId, subjectId), out var batch)
                   && (batch.Writing.Contains(respondentId) || batch.Waiting.Exists(a => a.RespondentId == respondentId));
        }
    }

    /// <summary>Rounds and leaders about which this person's held answer was dropped because the round closed first.</summary>
    public IReadOnlyList<(int RoundId, int SubjectId)> NotCounted(int respondentId)
    {
        lock (_gate)
        {
            return _notCounted.Where(n => n.RespondentId == respondentId).Select(n => (n.RoundId, n.SubjectId)).ToList();
        }
    }

    /// <summary>
    /// Holds an answer. Returns the batch to write when this answer brings the waiting ones to <paramref name="threshold"/>,
    /// otherwise null. False when the person already has an answer here (a second tab, a double click).
    /// </summary>
    internal bool TryHold(int roundId, int subjectId, DateOnly closesOn, int threshold, HeldAnswer answer, out IReadOnlyList<HeldAnswer>? full)
    {
        full = null;
        lock (_gate)
        {
            if (!_batches.TryGetValue((roundId, subjectId), out var batch))
            {
                batch = new Batch(closesOn);
                _batches[(roundId, subjectId)] = batch;
            }
            if (batch.Writing.Contains(answer.RespondentId) || batch.Waiting.Exists(a => a.RespondentId == answer.RespondentId))
            {
                return false;
            }
            batch.Waiting.Add(answer);
            if (batch.Waiting.Count >= threshold)
            {
                full = [.. batch.Waiting];
                batch.Waiting.Clear();
                batch.Writing.UnionWith(full.Select(a => a.RespondentId));
            }
            return true;
        }
    }

    /// <summary>The batch is stored: these people now show as answered from the database.</summary>
    internal void Written(int roundId, int subjectId, IEnumerable<HeldAnswer> answers)
    {
        lock (_gate)
        {
            if (_batches.TryGetValue((roundId, subjectId), out var batch))
            {
                batch.Writing.ExceptWith(answers.Select(a => a.RespondentId));
            }
        }
    }

    /// <summary>
    /// Writing failed and nothing was stored: of the <paramref name="taken"/> answers, those in <paramref name="keep"/> wait
    /// again (in their old place), so the people already told their answer is held are not let down by someone else's
    /// failed request; the rest are dropped.
    /// </summary>
    internal void PutBack(int roundId, int subjectId, IReadOnlyList<HeldAnswer> taken, IReadOnlyList<HeldAnswer> keep)
    {
        lock (_gate)
        {
            if (_batches.TryGetValue((roundId, subjectId), out var batch))
            {
                batch.Writing.ExceptWith(taken.Select(a => a.RespondentId));
                batch.Waiting.InsertRange(0, keep.Where(a => !batch.Waiting.Exists(w => w.RespondentId == a.RespondentId)));
            }
        }
    }

    /// <summary>
    /// Drops the answers still waiting in rounds that closed before <paramref name="today"/>: fewer than the threshold can't
    /// be written without pairing flags and answers. The people are remembered (not their answers) so they can be told.
    /// </summary>
    internal void DropClosed(DateOnly today)
    {
        lock (_gate)
        {
            foreach (var (key, batch) in _batches.Where(b => b.Value.ClosesOn < today).ToList())
            {
                _notCounted.UnionWith(batch.Waiting.Select(a => (key.RoundId, a.RespondentId, key.SubjectId)));
                batch.Waiting.Clear();
                if (batch.Writing.Count == 0)
                {
                    _batches.Remove(key);
                }
            }
        }
    }

    /// <summary>A uniformly random order from a cryptographic source, so the stored order can't be predicted or replayed.</summary>
    internal static List<T> Shuffled<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = RandomNumberGenerator.GetInt32(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }
}
