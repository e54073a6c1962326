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

    /// <summary>
    /// The organisation median as the overview and its CSV show it: empty beside a raw count, which is not compared;
    /// otherwise as <see cref="Median(MeasureUnit, double?)"/> (not shown below 3 teams with a value).
    /// </summary>
    public static string Median(Measure measure, double? median) =>
        DashboardBlocks.HasOrganisationMedian(measure) ? Median(Measures.Of(measure).Unit, median) : "";

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

    /// <summary>An organisation median: a count's median may fall between two teams (2.5), and is shown so.</summary>
    public static string Median(MeasureUnit unit, double? value) => value is not { } v
        ? NoMedian
        : unit == MeasureUnit.Count ? v.ToString("0.#", Culture) : Value(unit, v);

    public static string NoMedian => $"not shown (fewer than {OrganisationMedian.MinimumTeams} teams with a value)";

    /// <summary>
    /// The count a figure rests on, "of 7 members", "from 11 + 14 pulses"; null when withheld (the count would tell
    /// what the small-group rule hides), when there is no data, or for a count that is itself what it rests on.
    /// </summary>
    public static string? Basis(Figure figure)
    {
        if (figure.Withheld || figure.Value is null || figure.Count is not { } count || FigureUncertainty.NounOf(figure.Definition) is not { } noun)
        {
            return null;
        }
        var number = figure.Halves is { } h ? $"{h.First.ToString(Culture)} + {h.Second.ToString(Culture)}" : count.ToString(Culture);
        var words = noun.For(figure.Halves is null ? count : 2);
        return $"{(noun.Of ? "of" : "from")} {number}{(words.Length > 0 ? " " + words : "")}";
    }

    /// <summary>
    /// The 95 % interval, where the count is small (below <see cref="FigureUncertainty.SmallCount"/>; for the pulse
    /// trend, in its smaller half): "95 % interval 41%–78%". Null otherwise.
    /// </summary>
    public static string? Interval(Figure figure)
    {
        if (figure.Withheld || figure.Interval is not { } i)
        {
            return null;
        }
        var count = figure.Halves is { } h ? Math.Min(h.First, h.Second) : figure.Count ?? 0;
        return IntervalText(figure.Definition.Unit, i, count);
    }

    /// <summary>A growth figure's members, "of 7 members" (the shares of members only).</summary>
    public static string? Basis(GrowthFigure figure) => figure.Withheld || figure.Value is null || figure.Count is not { } count
        ? null
        : $"of {count.ToString(Culture)} {(count == 1 ? "member" : "members")}";

    public static string? Interval(GrowthFigure figure) =>
        figure.Withheld || figure.Interval is not { } i ? null : IntervalText(figure.Definition.Unit, i, figure.Count ?? 0);

    private static string? IntervalText(MeasureUnit unit, FigureInterval i, int count)
    {
        if (count >= FigureUncertainty.SmallCount)
        {
            return null;
        }
        return unit == MeasureUnit.Share
            ? $"95 % interval {Value(unit, i.Low)}–{Value(unit, i.High)}"
            : $"95 % interval {Value(unit, i.Low)} to {Value(unit, i.High)}";
    }

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
