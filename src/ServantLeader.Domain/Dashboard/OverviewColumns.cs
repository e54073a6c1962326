namespace ServantLeader.Domain.Dashboard;

/// <summary>The columns of HR's overview, in order: the table and the CSV export are both built from this list.</summary>
public static class OverviewColumns
{
    public static IReadOnlyList<Measure> Measures { get; } =
    [
        Measure.Coverage,
        Measure.CoverageDepth,
        Measure.SupportGini,
        Measure.AcknowledgeMedianHours,
        Measure.AcknowledgedWithinTarget,
        Measure.WaitingNow,
        Measure.ResolutionRate,
        Measure.SatisfactionMean,
        Measure.Participation,
        Measure.PulseMean,
        Measure.PulseChange,
        Measure.ReviewRate,
        Measure.ActionItemsOnTime,
        Measure.OpenBlockers,
        Measure.SupportHours,
        Measure.HoursPerMemberWeek,
        Measure.ProactiveShare,
        Measure.RequestsReceived,
    ];

    public const string TeamKey = "team";
    public const string FlagsKey = "flags";

    public static string Key(Measure measure) => measure.ToString().ToLowerInvariant();

    /// <summary>Sorts by a column; a figure with no data or withheld sorts last whichever the direction.</summary>
    public static IReadOnlyList<OverviewRow> Sort(IReadOnlyList<OverviewRow> rows, string? key, bool descending)
    {
        if (key == FlagsKey)
        {
            return (descending ? rows.OrderByDescending(r => r.Flags.Count) : rows.OrderBy(r => r.Flags.Count))
                .ThenBy(r => r.TeamName, StringComparer.CurrentCulture).ToList();
        }
        var measure = Measures.FirstOrDefault(m => Key(m) == key);
        if (key is null || key == TeamKey || Key(measure) != key)
        {
            return descending
                ? rows.OrderByDescending(r => r.TeamName, StringComparer.CurrentCulture).ToList()
                : rows.OrderBy(r => r.TeamName, StringComparer.CurrentCulture).ToList();
        }
        var known = rows.Where(r => r[measure].Value is not null);
        var ordered = descending ? known.OrderByDescending(r => r[measure].Value) : known.OrderBy(r => r[measure].Value);
        return ordered.ThenBy(r => r.TeamName, StringComparer.CurrentCulture)
            .Concat(rows.Where(r => r[measure].Value is null).OrderBy(r => r.TeamName, StringComparer.CurrentCulture))
            .ToList();
    }
}
