using System.Globalization;
using ServantLeader.Domain.Dashboard;

namespace ServantLeader.Web.Components.Pages.Dashboard;

/// <summary>How a figure reads, on the page and in the CSV alike, so the export is exactly what is shown.</summary>
internal static class FigureFormat
{
    public const string NoData = "no data yet";
    public const string Withheld = "withheld (fewer than 3 people)";

    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    public static string Text(Figure figure) => figure.Withheld ? Withheld : Value(figure.Definition.Unit, figure.Value);

    public static string Value(MeasureUnit unit, double? value) => value is not { } v ? NoData : unit switch
    {
        MeasureUnit.Count => v.ToString("0", Culture),
        MeasureUnit.Hours => v.ToString("0.#", Culture) + " h",
        MeasureUnit.Days => v.ToString("0.#", Culture) + " days",
        MeasureUnit.Share => v.ToString("0%", Culture),
        MeasureUnit.Rating => v.ToString("0.0", Culture) + " / 5",
        MeasureUnit.Pulse => v.ToString("0.0", Culture),
        MeasureUnit.PulseDelta => (v > 0 ? "+" : v < 0 ? "−" : "±") + Math.Abs(v).ToString("0.0", Culture),
        _ => v.ToString("0.##", Culture),
    };

    /// <summary>The number a chart plots: shares as percentages.</summary>
    public static double Plotted(MeasureUnit unit, double value) => unit == MeasureUnit.Share ? Math.Round(value * 100, 1) : Math.Round(value, 2);

    public static string AxisUnit(MeasureUnit unit) => unit switch
    {
        MeasureUnit.Share => "%",
        MeasureUnit.Hours => "hours",
        MeasureUnit.Days => "days",
        _ => "",
    };
}

/// <summary>The columns of HR's overview, in order: the table and the CSV export are both built from this list.</summary>
internal static class OverviewColumns
{
    public static IReadOnlyList<Measure> Measures { get; } =
    [
        Measure.Coverage,
        Measure.AcknowledgeMedianHours,
        Measure.ResolutionRate,
        Measure.SatisfactionMean,
        Measure.Participation,
        Measure.PulseMean,
        Measure.PulseChange,
        Measure.ReviewRate,
        Measure.OpenBlockers,
        Measure.SupportHours,
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
