using ServantLeader.Domain.Dashboard;

namespace ServantLeader.Benchmarks.Floor;

/// <summary>
/// The floor gives exactly our outputs: every figure the dashboard shows, compared value by value. Returns the
/// differences as lines a person can read; none means the two agree.
/// </summary>
internal static class FloorCheck
{
    public static List<string> Team(TeamDashboard ours, FloorResult floor, out int compared)
    {
        var differences = new List<string>();
        compared = 0;
        foreach (var figure in ours.Figures)
        {
            compared++;
            var theirs = floor.Figures.GetValueOrDefault(new FloorKey(ours.TeamId, figure.Measure, FloorKey.Whole));
            Compare(differences, $"team {ours.TeamId} {figure.Measure} whole", figure.Value, figure.People, figure.Count, figure.Withheld, figure.WithheldWeeks, theirs);
        }
        foreach (var (measure, points) in ours.Trends)
        {
            for (var i = 0; i < points.Count; i++)
            {
                compared++;
                var theirs = floor.Figures.GetValueOrDefault(new FloorKey(ours.TeamId, measure, i));
                Compare(differences, $"team {ours.TeamId} {measure} week {i} ({points[i].WeekStart:yyyy-MM-dd})", points[i].Value, points[i].People,
                    points[i].Count, points[i].Withheld, 0, theirs);
            }
        }
        compared += List(differences, $"team {ours.TeamId} member table", ours.MemberCoverage, floor.Members);
        compared += List(differences, $"team {ours.TeamId} support spread", ours.SupportSpread?.Select(Round).ToList(), floor.SupportSpread?.Select(Round).ToList());
        compared += List(differences, $"team {ours.TeamId} members without a 1:1", ours.OneOnOneGaps, floor.OneOnOneGaps);
        return differences;
    }

    public static List<string> Overview(Overview ours, FloorResult floor, out int compared)
    {
        var differences = new List<string>();
        compared = 0;
        foreach (var row in ours.Rows)
        {
            foreach (var (measure, figure) in row.Figures)
            {
                compared++;
                var theirs = floor.Figures.GetValueOrDefault(new FloorKey(row.TeamId, measure, FloorKey.Whole));
                Compare(differences, $"overview team {row.TeamId} {measure}", figure.Value, figure.People, figure.Count, figure.Withheld, figure.WithheldWeeks, theirs);
            }
        }
        return differences;
    }

    private static void Compare(List<string> differences, string what, double? value, int people, int? count, bool withheld, int withheldWeeks, FloorFigure? floor)
    {
        // A figure the floor did not compute is one with nothing in it: no value, nobody behind it.
        floor ??= new FloorFigure(null, 0, null);
        if (!Same(value, floor.Value) || people != floor.People || count != floor.Count || withheld != floor.Withheld || withheldWeeks != floor.WithheldWeeks)
        {
            differences.Add($"{what}: ours {Show(value, people, count, withheld, withheldWeeks)}, floor {Show(floor.Value, floor.People, floor.Count, floor.Withheld, floor.WithheldWeeks)}");
        }
    }

    private static int List<T>(List<string> differences, string what, IReadOnlyList<T>? ours, IReadOnlyList<T>? floor)
    {
        ours ??= [];
        floor ??= [];
        for (var i = 0; i < Math.Max(ours.Count, floor.Count); i++)
        {
            var (a, b) = (i < ours.Count ? ours[i] : default, i < floor.Count ? floor[i] : default);
            if (!Equals(a, b))
            {
                differences.Add($"{what} row {i}: ours {a?.ToString() ?? "none"}, floor {b?.ToString() ?? "none"}");
            }
        }
        return Math.Max(ours.Count, floor.Count);
    }

    /// <summary>Equal up to floating-point rounding: the floor may add up in another order.</summary>
    private static bool Same(double? a, double? b) =>
        a is null ? b is null : b is not null && Math.Abs(a.Value - b.Value) <= 1e-9 * Math.Max(1, Math.Abs(a.Value));

    private static double Round(double hours) => Math.Round(hours, 9);

    private static string Show(double? value, int people, int? count, bool withheld, int withheldWeeks) =>
        $"{(withheld ? "withheld" : value?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "none")} (people {people}, count {count?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}{(withheldWeeks > 0 ? $", {withheldWeeks} weeks left out" : "")})";
}
