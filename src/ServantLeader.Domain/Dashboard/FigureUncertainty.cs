namespace ServantLeader.Domain.Dashboard;

/// <summary>A 95 % interval around a figure: where its true value lies, given how few things it rests on.</summary>
public readonly record struct FigureInterval(double Low, double High);

/// <summary>The pulses in each half of the period, behind the pulse trend.</summary>
public readonly record struct HalfCounts(int First, int Second);

/// <summary>What the things a figure rests on are called: "of 7 members", "from 12 ratings".</summary>
/// <param name="Of">true for a share ("of 7 members"), false for a mean, a sum or a percentile ("from 12 ratings").</param>
public sealed record CountNoun(string One, string Many, bool Of)
{
    public string For(int count) => count == 1 ? One : Many;
}

/// <summary>
/// The count each figure rests on and its 95 % interval (docs/metrics.md, "How sure a figure is"). Generic over the
/// measures: a share built with <see cref="FigureCells.Builder.SetRatio"/> gets its Wilson interval from its numerator
/// and denominator, and any figure its count from the cell's denominator, whatever the measure.
/// </summary>
public static class FigureUncertainty
{
    /// <summary>Below this count the page shows a share's interval beside it (the API always gives it).</summary>
    public const int SmallCount = 30;

    /// <summary>The normal quantile of a two-sided 95 % interval, rounded as it is usually worked by hand.</summary>
    public const double Z95 = 1.96;

    private static readonly Dictionary<Measure, CountNoun> Nouns = new()
    {
        [Measure.AcknowledgeMedianHours] = new("answered request", "answered requests", Of: false),
        [Measure.AcknowledgeP90Hours] = new("answered request", "answered requests", Of: false),
        [Measure.ResolveMedianHours] = new("resolved request", "resolved requests", Of: false),
        [Measure.ResolveP90Hours] = new("resolved request", "resolved requests", Of: false),
        [Measure.ResolutionRate] = new("request", "requests", Of: true),
        [Measure.DeclinedShare] = new("request", "requests", Of: true),
        [Measure.SatisfactionMean] = new("rating", "ratings", Of: false),
        [Measure.SatisfiedShare] = new("rating", "ratings", Of: true),
        [Measure.SupportHours] = new("entry", "entries", Of: false),
        [Measure.ProactiveShare] = new("entry", "entries", Of: true),
        [Measure.Coverage] = new("member", "members", Of: true),
        [Measure.Participation] = new("expected check-in", "expected check-ins", Of: true),
        [Measure.ReviewRate] = new("check-in due a review", "check-ins due a review", Of: true),
        [Measure.PulseMean] = new("pulse", "pulses", Of: false),
        [Measure.PulseChange] = new("pulse", "pulses", Of: false),
        [Measure.OldestBlockerDays] = new("open blocker", "open blockers", Of: true),
        [Measure.LongestWaitHours] = new("waiting request", "waiting requests", Of: true),
        [Measure.HoursPerMemberWeek] = new("member-week", "member-weeks", Of: false),
        [Measure.EntriesPerMemberWeek] = new("member-week", "member-weeks", Of: false),
        [Measure.CoverageDepth] = new("member", "members", Of: true),
        [Measure.SupportGini] = new("member", "members", Of: false),
        [Measure.TopFifthShare] = new("member", "members", Of: false),
        [Measure.BlockerClearMedianDays] = new("cleared blocker", "cleared blockers", Of: false),
        [Measure.ActionItemsOnTime] = new("action item due", "action items due", Of: true),
    };

    /// <summary>
    /// What a figure's count counts; null for a count whose value is itself the count it rests on (requests received,
    /// entries, credit, open blockers). A measure added without a noun reads "of N" (a share) or "from N".
    /// </summary>
    public static CountNoun? NounOf(MeasureDefinition definition) =>
        Nouns.TryGetValue(definition.Measure, out var noun) ? noun
        : definition.Unit == MeasureUnit.Count ? null
        : new CountNoun("", "", Of: definition.Unit == MeasureUnit.Share);

    /// <summary>
    /// The 95 % Wilson score interval of a share of <paramref name="successes"/> out of <paramref name="trials"/>:
    /// (p + z²/2n ± z·√(p(1 − p)/n + z²/4n²)) / (1 + z²/n). Unlike p ± z·√(p(1 − p)/n) it stays within 0–1 and is
    /// not empty at 0 of n. Null when there is nothing to divide by.
    /// </summary>
    public static FigureInterval? Wilson(double successes, double trials, double z = Z95)
    {
        if (trials <= 0 || successes < 0 || successes > trials)
        {
            return null;
        }
        var p = successes / trials;
        var z2 = z * z;
        var scale = 1 + z2 / trials;
        var centre = (p + z2 / (2 * trials)) / scale;
        var half = z / scale * Math.Sqrt(p * (1 - p) / trials + z2 / (4 * trials * trials));
        return new FigureInterval(Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>
    /// The standard error of a mean, from its count, sum and sum of squares: √(s²/n) with the sample variance
    /// s² = (Σx² − (Σx)²/n) / (n − 1). Null below 2 values (no spread to judge).
    /// </summary>
    public static double? StandardErrorOfMean(Cell cell)
    {
        var n = cell.Denominator;
        if (n < 2)
        {
            return null;
        }
        var variance = Math.Max(0, (cell.SumOfSquares - cell.Numerator * cell.Numerator / n) / (n - 1));
        return Math.Sqrt(variance / n);
    }

    /// <summary>
    /// A figure with the count it rests on and, for a share, its Wilson interval, from the cell it was computed from
    /// (for HR, the kept weeks' cells added up). A withheld figure keeps neither: its count would tell what the
    /// small-group rule hides.
    /// </summary>
    internal static Figure With(Figure figure, Cell basis)
    {
        if (figure.Withheld)
        {
            return figure;
        }
        var count = (int)Math.Round(basis.Denominator);
        var interval = figure.Definition is { Unit: MeasureUnit.Share, CountsThings: true } && figure.Value is not null
            ? Wilson(basis.Numerator, basis.Denominator)
            : null;
        return figure with { Count = count, Interval = interval };
    }

    /// <summary>
    /// The pulse trend from the two halves' pulses: second mean − first mean, with the standard error of that
    /// difference √(SE₁² + SE₂²) and its 95 % interval (difference ± 1.96 SE).
    /// </summary>
    internal static Figure PulseTrend(MeasureDefinition definition, Cell before, Cell after, int people, int withheldWeeks)
    {
        var change = before.Denominator > 0 && after.Denominator > 0
            ? after.Numerator / after.Denominator - before.Numerator / before.Denominator
            : (double?)null;
        var figure = new Figure(definition, change, change is null ? 0 : people, Withheld: false, WithheldWeeks: withheldWeeks)
        {
            Count = (int)(before.Denominator + after.Denominator),
            Halves = new HalfCounts((int)before.Denominator, (int)after.Denominator),
        };
        if (change is not { } c || StandardErrorOfMean(before) is not { } first || StandardErrorOfMean(after) is not { } second)
        {
            return figure;
        }
        var error = Math.Sqrt(first * first + second * second);
        return figure with { StandardError = error, Interval = new FigureInterval(c - Z95 * error, c + Z95 * error) };
    }

    /// <summary>Cells added up: the kept weeks of a share, a mean or a count, as one.</summary>
    internal static Cell Sum(IEnumerable<Cell> cells) => cells.Aggregate(new Cell(null, 0), (total, c) =>
        new Cell(null, Math.Max(total.People, c.People), total.Numerator + c.Numerator, total.Denominator + c.Denominator,
            total.SumOfSquares + c.SumOfSquares));
}
