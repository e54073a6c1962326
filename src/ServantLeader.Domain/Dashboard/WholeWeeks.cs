using ServantLeader.Domain.Common;

namespace ServantLeader.Domain.Dashboard;

/// <summary>
/// HR's figures, built from whole weeks: each figure only from the weeks in which that figure rests on at least
/// <see cref="GroupSize.Minimum"/> people; the other weeks are left out and counted. Two periods HR can
/// ask for differ by whole weeks, so the difference of two of HR's figures is a function of weeks that each rest on at
/// least 3 people, never of one person's day (docs/metrics.md, "What HR sees").
/// </summary>
internal static class WholeWeeks
{
    private enum Kind
    {
        /// <summary>A total: the weeks' totals add up.</summary>
        Count,
        /// <summary>A share or a mean: numerators and denominators add up.</summary>
        Ratio,
        /// <summary>Cannot be added up (a percentile, or distinct members served): the database applied the rule.</summary>
        FilteredInDatabase,
        /// <summary>A figure of now, whatever the period: no period can be compared with another.</summary>
        Now,
    }

    private static Kind KindOf(Measure measure) => measure switch
    {
        Measure.RequestsReceived or Measure.SupportEntries or Measure.SupportHours or Measure.CreditGiven or Measure.CreditReceived
            or Measure.NotYetAcknowledged or Measure.NotYetResolved or Measure.BlockersNotCleared => Kind.Count,
        Measure.AcknowledgeMedianHours or Measure.AcknowledgeP90Hours or Measure.ResolveMedianHours or Measure.ResolveP90Hours
            or Measure.Coverage or Measure.CoverageDepth or Measure.SupportGini or Measure.TopFifthShare
            or Measure.BlockerClearMedianDays => Kind.FilteredInDatabase,
        Measure.OpenBlockers or Measure.OldestBlockerDays or Measure.WaitingNow or Measure.LongestWaitHours
            or Measure.MembersWithoutOneOnOne => Kind.Now,
        _ => Kind.Ratio,
    };

    /// <summary>
    /// One figure over <paramref name="weeks"/> whole weeks (slices 0 … weeks − 1 of <paramref name="cells"/>,
    /// computed with <see cref="Slices.WeekRule"/>).
    /// </summary>
    public static Figure Figure(MeasureDefinition definition, FigureCells cells, int team, int weeks, Func<MeasureDefinition, IReadOnlyDictionary<Measure, Cell>, Figure> shown)
    {
        var measure = definition.Measure;
        var whole = cells.For(team, Bucket.Whole).TryGetValue(measure, out var w) ? w : new Cell(null, 0);
        if (KindOf(measure) == Kind.Now)
        {
            return shown(definition, cells.For(team, Bucket.Whole));
        }
        if (measure == Measure.PulseChange)
        {
            return PulseChange(definition, cells, team, weeks);
        }
        var (kept, left) = Split(cells, team, Enumerable.Range(0, weeks), measure);
        if (kept.Count == 0)
        {
            return left > 0
                ? new Figure(definition, null, whole.People, Withheld: true, WithheldWeeks: left)
                : FigureUncertainty.With(new Figure(definition, IsCount(measure) ? 0 : null, 0, Withheld: false), new Cell(null, 0));
        }
        var value = KindOf(measure) switch
        {
            Kind.Count => kept.Sum(c => c.Numerator),
            Kind.Ratio => Ratio(kept),
            _ => whole.Value,
        };
        // The count and the interval come from the kept weeks only, as the value does (the database kept them for a
        // figure it filtered), so they tell nothing about a week left out.
        var basis = KindOf(measure) == Kind.FilteredInDatabase ? whole : FigureUncertainty.Sum(kept);
        return FigureUncertainty.With(new Figure(definition, value, whole.People, Withheld: false, WithheldWeeks: left), basis);
    }

    /// <summary>
    /// Whether a figure's week rests on one or two people. A request figure with nobody behind it (no request was
    /// resolved, say) counts as small too when one or two people asked that week: "no data" beside "withheld" would
    /// tell whether their requests were resolved, declined or rated.
    /// </summary>
    public static bool IsSmall(IReadOnlyDictionary<Measure, Cell> week, Measure measure)
    {
        var own = week.TryGetValue(measure, out var cell) ? cell.People : 0;
        if (own > 0)
        {
            return own < GroupSize.Minimum;
        }
        return FamilyOf(measure) is { } family && week.TryGetValue(family, out var asked)
            && asked.People is > 0 and < GroupSize.Minimum;
    }

    /// <summary>The figure whose people include everyone behind this one: the requesters, for every request figure.</summary>
    private static Measure? FamilyOf(Measure measure) => measure switch
    {
        Measure.AcknowledgeMedianHours or Measure.AcknowledgeP90Hours or Measure.ResolveMedianHours or Measure.ResolveP90Hours
            or Measure.ResolutionRate or Measure.DeclinedShare or Measure.SatisfactionMean or Measure.SatisfiedShare
            or Measure.NotYetAcknowledged or Measure.AcknowledgedWithinTarget or Measure.NotYetResolved
            or Measure.ConfirmedShare or Measure.ReopenRate => Measure.RequestsReceived,
        _ => null,
    };

    /// <summary>For HR the halves are whole weeks too: the first ⌊weeks ÷ 2⌋ weeks, and the rest.</summary>
    private static Figure PulseChange(MeasureDefinition definition, FigureCells cells, int team, int weeks)
    {
        var half = weeks / 2;
        var (before, leftBefore) = Split(cells, team, Enumerable.Range(0, half), Measure.PulseMean);
        var (after, leftAfter) = Split(cells, team, Enumerable.Range(half, weeks - half), Measure.PulseMean);
        var left = leftBefore + leftAfter;
        if (Ratio(before) is not null && Ratio(after) is not null)
        {
            return FigureUncertainty.PulseTrend(definition, FigureUncertainty.Sum(before), FigureUncertainty.Sum(after),
                Math.Min(before.Max(c => c.People), after.Max(c => c.People)), left);
        }
        var withheld = (before.Count == 0 && leftBefore > 0) || (after.Count == 0 && leftAfter > 0);
        return new Figure(definition, null, 0, withheld, WithheldWeeks: left);
    }

    private static (List<Cell> Kept, int Left) Split(FigureCells cells, int team, IEnumerable<int> weeks, Measure measure)
    {
        var all = weeks.Select(i => cells.For(team, i)).ToList();
        var values = all.Select(week => week.TryGetValue(measure, out var c) ? c : new Cell(null, 0)).ToList();
        return (values.Where(c => c.People >= GroupSize.Minimum).ToList(), all.Count(week => IsSmall(week, measure)));
    }

    private static double? Ratio(IReadOnlyCollection<Cell> cells)
    {
        var denominator = cells.Sum(c => c.Denominator);
        return denominator == 0 ? null : cells.Sum(c => c.Numerator) / denominator;
    }

    private static bool IsCount(Measure measure) => KindOf(measure) == Kind.Count;
}
