namespace ServantLeader.Domain.Feedback;

/// <summary>Why a reliability is not shown, or that it is.</summary>
public enum ReliabilityNote
{
    Shown = 0,
    /// <summary>Fewer than <see cref="CronbachAlpha.MinimumAnswers"/> answer sheets (or the group is below the round's threshold).</summary>
    TooFewAnswers = 1,
    /// <summary>Fewer than <see cref="CronbachAlpha.MinimumStatements"/> statements: one statement has no consistency to measure.</summary>
    TooFewStatements = 2,
    /// <summary>Every sheet gave the same total, so there is no variance to explain.</summary>
    NoSpread = 3,
}

/// <summary>A scale's internal consistency (Cronbach's alpha) over the answer sheets it rests on, or why there is none.</summary>
public sealed record Reliability(int Answers, int Statements, double? Alpha, ReliabilityNote Note)
{
    public static Reliability NotJudged(int answers, int statements) => new(answers, statements, null, ReliabilityNote.TooFewAnswers);
}

/// <summary>
/// The count, sum and sum of squares of some scores over answer sheets, as the database aggregates them: enough for a
/// variance without reading any single sheet.
/// </summary>
public readonly record struct ScoreSums(long Count, long Sum, long SumOfSquares)
{
    /// <summary>
    /// Sample variance, (n·Σx² − (Σx)²) / (n·(n − 1)); whole numbers until the one division, so it is exact for small
    /// scores. Alpha is a ratio of variances, so the n − 1 (rather than n) cancels out; it is used for both.
    /// </summary>
    public double Variance => Count < 2 ? 0 : (double)(Count * SumOfSquares - Sum * Sum) / (Count * (Count - 1));
}

public static class CronbachAlpha
{
    /// <summary>Answer sheets below which a variance says more about who answered than about the statements.</summary>
    public const int MinimumAnswers = 5;

    /// <summary>A scale needs two statements or more to be consistent with itself.</summary>
    public const int MinimumStatements = 2;

    /// <summary>
    /// α = k / (k − 1) · (1 − Σ var(statement) / var(sheet total)), where k is the number of statements and a sheet's
    /// total is the sum of its scores on them. <paramref name="statements"/> holds each statement's sums and
    /// <paramref name="totals"/> the sums of the sheets' totals, over the same sheets.
    /// </summary>
    public static Reliability Of(IReadOnlyList<ScoreSums> statements, ScoreSums totals)
    {
        var answers = (int)totals.Count;
        var k = statements.Count;
        if (k < MinimumStatements)
        {
            return new Reliability(answers, k, null, ReliabilityNote.TooFewStatements);
        }
        if (answers < MinimumAnswers)
        {
            return new Reliability(answers, k, null, ReliabilityNote.TooFewAnswers);
        }
        var total = totals.Variance;
        if (total <= 0)
        {
            return new Reliability(answers, k, null, ReliabilityNote.NoSpread);
        }
        return new Reliability(answers, k, k / (k - 1.0) * (1 - statements.Sum(s => s.Variance) / total), ReliabilityNote.Shown);
    }
}
