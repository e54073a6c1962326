namespace ServantLeader.Domain.Common;

/// <summary>
/// Percentiles by linear interpolation between closest ranks (the "inclusive" method, as PERCENTILE_CONT and
/// Excel's PERCENTILE.INC): over n sorted values x₀…xₙ₋₁, position h = (n − 1)·p, and the value is
/// x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋) (Hyndman and Fan's "type 7"). The dashboard's durations and the feedback
/// results' quartiles both use it.
/// </summary>
public static class Percentile
{
    /// <summary>Finishes the arithmetic when the database has found the two values either side of the position.</summary>
    /// <param name="n">how many values there are.</param>
    /// <param name="percent">the percentile, 0–100.</param>
    /// <param name="low">the value at rank ⌊(n − 1)·p⌋ (0-based).</param>
    /// <param name="high">the value at the next rank, if there is one.</param>
    public static double? Interpolate(long n, int percent, long? low, long? high)
    {
        if (n == 0 || low is null)
        {
            return null;
        }
        var fraction = (n - 1) * percent % 100 / 100.0;
        return low.Value + fraction * ((high ?? low.Value) - low.Value);
    }

    /// <summary>The same percentile over values in memory (the organisation median across teams, feedback quartiles).</summary>
    public static double? Of(IEnumerable<double> values, int percent)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }
        var position = (sorted.Length - 1) * percent / 100.0;
        var index = (int)Math.Floor(position);
        var next = Math.Min(index + 1, sorted.Length - 1);
        return sorted[index] + (position - index) * (sorted[next] - sorted[index]);
    }
}
