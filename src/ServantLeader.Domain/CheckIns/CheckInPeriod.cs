using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.CheckIns;

/// <summary>
/// The days one check-in covers, ending on its due date. A period's check-in opens a few days before the due
/// date and stays open until the next one opens, so a member who misses the due date can still check in late,
/// and a leader reviewing on Monday still sees last week's check-ins.
/// </summary>
public readonly record struct CheckInPeriod(DateOnly Start, DateOnly Due)
{
    // Fortnights are counted from a fixed Monday so that a team's fortnight never shifts.
    private static readonly DateOnly FortnightEpoch = new(2024, 1, 1);

    public int Length => Due.DayNumber - Start.DayNumber + 1;

    /// <summary>How many days before its due date a period's check-in opens.</summary>
    public static int OpensDaysBefore(CheckInCadence cadence) => cadence == CheckInCadence.Weekly ? 2 : 4;

    /// <summary>The period whose dates include <paramref name="day"/>.</summary>
    public static CheckInPeriod Containing(DateOnly day, CheckInCadence cadence, DayOfWeek dueDay)
    {
        var due = day.AddDays(((int)dueDay - (int)day.DayOfWeek + 7) % 7);
        if (cadence == CheckInCadence.Fortnightly)
        {
            var firstDue = FortnightEpoch.AddDays(((int)dueDay - (int)FortnightEpoch.DayOfWeek + 7) % 7);
            var weeks = (due.DayNumber - firstDue.DayNumber) / 7;
            if ((weeks % 2 + 2) % 2 != 0)
            {
                due = due.AddDays(7);
            }
        }
        var length = cadence == CheckInCadence.Weekly ? 7 : 14;
        return new CheckInPeriod(due.AddDays(1 - length), due);
    }

    /// <summary>The period members check in for on <paramref name="today"/>, and leaders review.</summary>
    public static CheckInPeriod Open(DateOnly today, CheckInCadence cadence, DayOfWeek dueDay)
    {
        var containing = Containing(today, cadence, dueDay);
        return today >= containing.Due.AddDays(-OpensDaysBefore(cadence)) ? containing : containing.Previous();
    }

    public CheckInPeriod Previous() => new(Start.AddDays(-Length), Due.AddDays(-Length));

    public CheckInPeriod Next() => new(Start.AddDays(Length), Due.AddDays(Length));

    public bool IsLate(DateOnly today) => today > Due;

    /// <summary>
    /// A member's own period: one due before the day they joined was never theirs (the dashboard does not expect it
    /// either), so they write for the first one due on or after that day, and are not told they are late.
    /// </summary>
    public CheckInPeriod NotBefore(DateOnly joined)
    {
        var period = this;
        while (period.Due < joined)
        {
            period = period.Next();
        }
        return period;
    }
}
