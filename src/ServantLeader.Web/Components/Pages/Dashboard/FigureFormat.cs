using System.Globalization;
using ServantLeader.Domain.Dashboard;

namespace ServantLeader.Web.Components.Pages.Dashboard;

/// <summary>How a figure reads, on the page and in the CSV alike, so the export is exactly what is shown.</summary>
internal static class FigureFormat
{
    public const string NoData = "no data yet";
    public const string Withheld = "withheld (fewer than 3 people)";

    /// <summary>Instead of an organisation median beside a raw count (docs/metrics.md, "Fair comparisons").</summary>
    public const string NotCompared = "Not compared across teams: see the rates per member per week";

    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The organisation median as the overview and its CSV show it: empty beside a raw count, which is not compared.</summary>
    public static string Median(Measure measure, double? median) =>
        DashboardBlocks.HasOrganisationMedian(measure) ? Value(Measures.Of(measure).Unit, median) : "";

    public static string Text(Figure figure) => figure.Withheld ? Withheld : Value(figure.Definition.Unit, figure.Value);

    public static string Text(GrowthFigure figure) => figure.Withheld ? Withheld : Value(figure.Definition.Unit, figure.Value);

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
