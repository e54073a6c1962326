using ServantLeader.Domain.Dashboard;
using ServantLeader.Domain.Growth;
using ServantLeader.Domain.Support;

namespace ServantLeader.Domain.Tests.Growth;

/// <summary>
/// The growth figures by plain C# over the seeded lists of <see cref="GrowthOrganisation"/>, written from
/// docs/metrics.md ("Growth") and not from the code's statements. The organisation's zone is UTC here.
/// </summary>
internal sealed class GrowthReference(GrowthOrganisation g)
{
    private static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private HashSet<int> Members(int team, DateOnly to) =>
        g.Members.Where(m => m.Team == team && m.Active && m.Since < Start(to.AddDays(1))).Select(m => m.Person).ToHashSet();

    /// <summary>The leader's value of a figure over the days [from, to], and the people behind it.</summary>
    public (double? Value, int People) Figure(int team, GrowthMeasure measure, DateOnly from, DateOnly to)
    {
        var members = Members(team, to);
        var (t0, t1) = (Start(from), Start(to.AddDays(1)));
        bool In(DateTimeOffset at) => at >= t0 && at < t1;
        bool OnDay(DateOnly day) => day >= from && day <= to;
        switch (measure)
        {
            case GrowthMeasure.PlansKeptAlive:
                var aliveFrom = Start(to.AddDays(-89));
                var alive = members.Count(p => g.Edits.Any(e => e.Person == p && e.At >= aliveFrom && e.At < t1));
                return (members.Count == 0 ? null : (double)alive / members.Count, members.Count);
            case GrowthMeasure.ServantsGrown:
                var servants = members.Count(p =>
                    g.PeerSupport.Any(s => s.Giver == p && s.Confirmed && OnDay(s.Date))
                    || g.Pairs.Any(x => x.Mentor == p && x.Status is MentoringStatus.Active or MentoringStatus.Ended
                        && x.Started < t1 && (x.Ended is null || x.Ended >= t0)));
                return (members.Count == 0 ? null : (double)servants / members.Count, members.Count);
            case GrowthMeasure.GoalsMovedForward:
                var moves = g.Moves.Where(m => m.Team == team && m.Submitted && m.Movement == GoalMovement.MovedForward
                    && OnDay(m.Due) && members.Contains(m.Person)).ToList();
                return (moves.Count, moves.Select(m => m.Person).Distinct().Count());
            case GrowthMeasure.GoalsAchieved or GrowthMeasure.GoalsSetAside:
                var ends = g.GoalEnds.Where(e => e.Achieved == (measure == GrowthMeasure.GoalsAchieved) && In(e.At) && members.Contains(e.Person)).ToList();
                return (ends.Count, ends.Select(e => e.Person).Distinct().Count());
            case GrowthMeasure.SkillsMovedUp:
                var ups = g.SkillChanges.Where(c => c.From is { } f && c.To > f && In(c.At) && members.Contains(c.Person)).ToList();
                return (ups.Count, ups.Select(c => c.Person).Distinct().Count());
            default:
                var all = g.Support.Where(s => s.Team == team && OnDay(s.Date)).ToList();
                var growth = all.Where(s => s.Goal || s.Kind is SupportCategory.Training or SupportCategory.Mentoring or SupportCategory.StretchOpportunity).ToList();
                return measure == GrowthMeasure.GrowthSupportHours
                    ? (growth.Sum(s => s.Minutes) / 60.0, growth.Select(s => s.Member).Distinct().Count())
                    : (all.Count == 0 ? null : (double)growth.Sum(s => s.Minutes) / all.Sum(s => s.Minutes), all.Select(s => s.Member).Distinct().Count());
        }
    }

    /// <summary>The Monday-to-Sunday weeks of [from, to], clipped to it.</summary>
    public static List<(DateOnly From, DateOnly To)> Weeks(DateOnly from, DateOnly to)
    {
        var weeks = new List<(DateOnly, DateOnly)>();
        var monday = from.AddDays(-(((int)from.DayOfWeek + 6) % 7));
        for (; monday <= to; monday = monday.AddDays(7))
        {
            weeks.Add((monday < from ? from : monday, monday.AddDays(6) > to ? to : monday.AddDays(6)));
        }
        return weeks;
    }

    /// <summary>
    /// HR's value over whole weeks: counts over the weeks with 3 or more people behind them, the share of support over
    /// their minutes, servants grown over the days from the first week with 3 or more members, plans kept alive at the
    /// end when the team then has 3 or more members. Null value with true: withheld.
    /// </summary>
    public (double? Value, bool Withheld) ForHr(int team, GrowthMeasure measure, DateOnly from, DateOnly to)
    {
        var weeks = Weeks(from, to).Select(w => (w.From, w.To, Figure: Figure(team, measure, w.From, w.To))).ToList();
        var kept = weeks.Where(w => w.Figure.People >= 3).ToList();
        if (kept.Count == 0)
        {
            return weeks.Any(w => w.Figure.People is 1 or 2) ? (null, true) : (Figure(team, measure, from, to).Value, false);
        }
        switch (measure)
        {
            case GrowthMeasure.PlansKeptAlive:
                return (Figure(team, measure, from, to).Value, false);
            case GrowthMeasure.ServantsGrown:
                return (Figure(team, measure, kept[0].From, to).Value, false);
            case GrowthMeasure.GrowthSupportShare:
                var minutes = kept.SelectMany(w => g.Support.Where(s => s.Team == team && s.Date >= w.From && s.Date <= w.To)).ToList();
                var growth = minutes.Where(s => s.Goal || s.Kind is SupportCategory.Training or SupportCategory.Mentoring or SupportCategory.StretchOpportunity);
                return ((double)growth.Sum(s => s.Minutes) / minutes.Sum(s => s.Minutes), false);
            default:
                return (kept.Sum(w => w.Figure.Value!.Value), false);
        }
    }
}
