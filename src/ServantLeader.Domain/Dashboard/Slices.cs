namespace ServantLeader.Domain.Dashboard;

/// <summary>
/// What the figures are grouped by: always the whole period; its weeks when a trend is wanted; its two halves for the
/// pulse trend. Weeks are computed from each row's local day by arithmetic, so a statement reads its rows once.
/// </summary>
/// With <paramref name="WeekRule"/> (HR), the whole-period slice of a figure that cannot be added up week by week
/// (percentiles, coverage) reads only the weeks in which that figure rests on at least 3 people; the weekly
/// percentiles themselves are computed only when a trend shows them (<paramref name="WeeklyPercentiles"/>).
internal sealed record Slices(DayRange Whole, bool Weekly, bool Halves, bool WeekRule = false, bool WeeklyPercentiles = true)
{
    public DateOnly WeekOrigin => DashboardPeriod.WeekStart(Whole.From);

    /// <summary>The first ⌊days ÷ 2⌋ days (at least one); the second half is the rest.</summary>
    public DayRange FirstHalf => new(Whole.From, Whole.From.AddDays(Math.Max(1, (Whole.To.DayNumber - Whole.From.DayNumber + 1) / 2) - 1));

    /// <summary>The same slices as explicit ranges, for the few statements that join against a list of days.</summary>
    public IReadOnlyList<Bucket> Buckets() =>
        [new(Bucket.Whole, Whole), .. Weekly ? Whole.Weeks().Select((week, i) => new Bucket(i, week)) : []];
}
