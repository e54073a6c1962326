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

    /// <summary>
    /// docs/metrics.md, "The team as it was": the people with a membership of role Member in the team that overlapped
    /// the instants [t0, t1) (one ended the instant it began covers none).
    /// </summary>
    private HashSet<int> Members(int team, DateTimeOffset t0, DateTimeOffset t1) =>
        g.Members.Where(m => m.Team == team && m.Since < t1 && (m.Until is not { } until || (until > t0 && until > m.Since)))
            .Select(m => m.Person).ToHashSet();

    /// <summary>Servants grown over some whole days: members in the team during them who served during them.</summary>
    private (double? Value, int People) Servants(int team, IReadOnlyList<(DateOnly From, DateOnly To)> ranges)
    {
        var members = ranges.SelectMany(r => Members(team, Start(r.From), Start(r.To.AddDays(1)))).ToHashSet();
        var servants = members.Count(p => ranges.Any(r =>
            g.PeerSupport.Any(s => s.Giver == p && s.Confirmed && s.Date >= r.From && s.Date <= r.To)
            || g.Pairs.Any(x => x.Mentor == p && x.Status is MentoringStatus.Active or MentoringStatus.Ended
                && x.Started < Start(r.To.AddDays(1)) && (x.Ended is null || x.Ended >= Start(r.From)))));
        return (members.Count == 0 ? null : (double)servants / members.Count, members.Count);
    }

    /// <summary>The leader's value of a figure over the days [from, to], and the people behind it.</summary>
    public (double? Value, int People) Figure(int team, GrowthMeasure measure, DateOnly from, DateOnly to)
    {
        var (t0, t1) = (Start(from), Start(to.AddDays(1)));
        var members = Members(team, t0, t1);
        bool In(DateTimeOffset at) => at >= t0 && at < t1;
        bool OnDay(DateOnly day) => day >= from && day <= to;
        switch (measure)
        {
            case GrowthMeasure.PlansKeptAlive:
                // A figure of the end: the members in the team on the last day.
                var atEnd = Members(team, Start(to), t1);
                var aliveFrom = Start(to.AddDays(-89));
                var alive = atEnd.Count(p => g.Edits.Any(e => e.Person == p && e.At >= aliveFrom && e.At < t1));
                return (atEnd.Count == 0 ? null : (double)alive / atEnd.Count, atEnd.Count);
            case GrowthMeasure.ServantsGrown:
                return Servants(team, [(from, to)]);
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
    /// their minutes, servants grown over the weeks with 3 or more members, plans kept alive at the end when the team
    /// then has 3 or more members. Null value with true: withheld.
    /// </summary>
    public (double? Value, bool Withheld) ForHr(int team, GrowthMeasure measure, DateOnly from, DateOnly to)
    {
        if (measure == GrowthMeasure.PlansKeptAlive)
        {
            var end = Figure(team, measure, from, to);
            return end.People is 1 or 2 ? (null, true) : (end.Value, false);
        }
        var weeks = Weeks(from, to).Select(w => (w.From, w.To, Figure: Figure(team, measure, w.From, w.To))).ToList();
        var kept = weeks.Where(w => w.Figure.People >= 3).ToList();
        if (kept.Count == 0)
        {
            return weeks.Any(w => w.Figure.People is 1 or 2) ? (null, true) : (Figure(team, measure, from, to).Value, false);
        }
        switch (measure)
        {
            case GrowthMeasure.ServantsGrown:
                return (Servants(team, kept.Select(w => (w.From, w.To)).ToList()).Value, false);
            case GrowthMeasure.GrowthSupportShare:
                var minutes = kept.SelectMany(w => g.Support.Where(s => s.Team == team && s.Date >= w.From && s.Date <= w.To)).ToList();
                var growth = minutes.Where(s => s.Goal || s.Kind is SupportCategory.Training or SupportCategory.Mentoring or SupportCategory.StretchOpportunity);
                return ((double)growth.Sum(s => s.Minutes) / minutes.Sum(s => s.Minutes), false);
            default:
                return (kept.Sum(w => w.Figure.Value!.Value), false);
        }
    }
}
