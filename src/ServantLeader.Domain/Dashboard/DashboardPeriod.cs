using ServantLeader.Domain.Common;

namespace ServantLeader.Domain.Dashboard;

/// <summary>
/// The calendar days a dashboard covers, both ends included, in the organisation's time zone (the server's).
/// Weeks run Monday to Sunday; the first and last week may be partial.
/// </summary>
public sealed record DashboardPeriod
{
    public const int MaxDays = 731;
    public static IReadOnlyList<int> PresetWeeks { get; } = [4, 12, 26, 52];

    public DateOnly From { get; }
    public DateOnly To { get; }

    /// <summary>Set for the presets ("last 12 weeks"); null for a custom range.</summary>
    public int? Weeks { get; }

    private DashboardPeriod(DateOnly from, DateOnly to, int? weeks)
    {
        From = from;
        To = to;
        Weeks = weeks;
    }

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The week containing <paramref name="today"/> and the <paramref name="weeks"/> − 1 weeks before it.</summary>
    public static DashboardPeriod LastWeeks(int weeks, DateOnly today)
    {
        var rules = new Rules();
        rules.Check(weeks is >= 1 and <= 104, "weeks", "Choose between 1 and 104 weeks.");
        rules.ThrowIfAny();
        return new DashboardPeriod(WeekStart(today).AddDays(-7 * (weeks - 1)), today, weeks);
    }

    public static DashboardPeriod Custom(DateOnly from, DateOnly to, DateOnly today)
    {
        var rules = new Rules();
        rules.Check(from <= to, "from", "The start must be on or before the end.");
        rules.Check(to <= today, "to", "The end can't be in the future.");
        rules.Check(to.DayNumber - from.DayNumber < MaxDays, "from", $"A period can cover at most {MaxDays} days (two years).");
        rules.ThrowIfAny();
        return new DashboardPeriod(from, to, null);
    }

    /// <summary>Monday to Sunday, every week complete.</summary>
    public bool IsWholeWeeks => From.DayOfWeek == DayOfWeek.Monday && To.DayOfWeek == DayOfWeek.Sunday;

    /// <summary>The <paramref name="weeks"/> whole weeks that ended before the week containing <paramref name="today"/>.</summary>
    public static DashboardPeriod LastWholeWeeks(int weeks, DateOnly today)
    {
        var rules = new Rules();
        rules.Check(weeks is >= 1 and <= 104, "weeks", "Choose between 1 and 104 weeks.");
        rules.ThrowIfAny();
        var thisWeek = WeekStart(today);
        return new DashboardPeriod(thisWeek.AddDays(-7 * weeks), thisWeek.AddDays(-1), weeks);
    }

    /// <summary>
    /// The period as HR may see it: whole weeks that are over, so that two periods HR can ask for differ by whole
    /// weeks only (docs/metrics.md, "What HR sees"). A preset becomes the last N whole weeks; a custom range must
    /// already be whole weeks, and the message names the nearest ones.
    /// </summary>
    public DashboardPeriod ForHr(DateOnly today)
    {
        if (Weeks is { } weeks)
        {
            return LastWholeWeeks(weeks, today);
        }
        var lastSunday = WeekStart(today).AddDays(-1);
        var rules = new Rules();
        rules.Check(From.DayOfWeek == DayOfWeek.Monday, "from",
            $"HR sees whole weeks only: start on a Monday, such as {WeekStart(From):yyyy-MM-dd}.");
        rules.Check(To.DayOfWeek == DayOfWeek.Sunday && To <= lastSunday, "to", To > lastSunday
            ? $"HR sees only weeks that are over: end on a Sunday no later than {lastSunday:yyyy-MM-dd}."
            : $"HR sees whole weeks only: end on a Sunday, such as {WeekStart(To).AddDays(6):yyyy-MM-dd}.");
        rules.ThrowIfAny();
        return this;
    }

    /// <summary>
    /// The whole weeks that are over nearest to this period (a preset as <see cref="ForHr"/>; a custom range widened
    /// to the weeks it touches and cut at last Sunday), or null when none is over yet. For backdrops built from HR's
    /// figures, such as the organisation medians a leader sees.
    /// </summary>
    public DashboardPeriod? NearestWholeWeeks(DateOnly today)
    {
        if (Weeks is { } weeks)
        {
            return LastWholeWeeks(weeks, today);
        }
        var from = WeekStart(From);
        var lastSunday = WeekStart(today).AddDays(-1);
        var to = WeekStart(To).AddDays(6) < lastSunday ? WeekStart(To).AddDays(6) : lastSunday;
        return to < from ? null : new DashboardPeriod(from, to, null);
    }

    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The weeks of the period, clipped to it, oldest first.</summary>
    public IReadOnlyList<DayRange> WeekRanges() => Whole.Weeks();

    public DayRange Whole => new(From, To);

    public override string ToString() => Weeks is { } w ? $"last {w} weeks" : $"{From:yyyy-MM-dd} – {To:yyyy-MM-dd}";
}

/// <summary>Calendar days, both ends included.</summary>
public readonly record struct DayRange(DateOnly From, DateOnly To)
{
    /// <summary>The Monday-to-Sunday weeks these days fall in, clipped to them, oldest first.</summary>
    public IReadOnlyList<DayRange> Weeks()
    {
        var result = new List<DayRange>();
        for (var start = DashboardPeriod.WeekStart(From); start <= To; start = start.AddDays(7))
        {
            var end = start.AddDays(6);
            result.Add(new DayRange(start < From ? From : start, end > To ? To : end));
        }
        return result;
    }

    /// <summary>
    /// The instants the days cover in <paramref name="zone"/>: from local midnight starting <see cref="From"/> to local
    /// midnight after <see cref="To"/>. A week across a daylight-saving change is 167 or 169 hours long, not 168.
    /// </summary>
    public (long StartMs, long EndMs) Instants(TimeZoneInfo zone) =>
        (StartOfDay(From, zone).ToUnixTimeMilliseconds(), StartOfDay(To.AddDays(1), zone).ToUnixTimeMilliseconds());

    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Where midnight is skipped by a daylight-saving change, the day starts at the first instant that exists.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
