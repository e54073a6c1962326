namespace ServantLeader.Domain.Dashboard;

/// <summary>Every figure on the "service provided" dashboard. Each is defined exactly in docs/metrics.md.</summary>
public enum Measure
{
    RequestsReceived,
    AcknowledgeMedianHours,
    AcknowledgeP90Hours,
    ResolveMedianHours,
    ResolveP90Hours,
    ResolutionRate,
    DeclinedShare,
    SatisfactionMean,
    SatisfiedShare,
    SupportEntries,
    SupportHours,
    HoursPerMemberWeek,
    EntriesPerMemberWeek,
    ProactiveShare,
    Coverage,
    CoverageDepth,
    SupportGini,
    TopFifthShare,
    Participation,
    ReviewRate,
    PulseMean,
    PulseChange,
    OpenBlockers,
    OldestBlockerDays,
    BlockerClearMedianDays,
    BlockersNotCleared,
    ActionItemsOnTime,
    MembersWithoutOneOnOne,
    CreditGiven,
    CreditReceived,
}

public enum MeasureUnit
{
    Count,
    Hours,
    Days,
    Share,
    Rating,
    Pulse,
    PulseDelta,
    /// <summary>A rate or a coefficient: a plain number with two decimals.</summary>
    Rate,
}

/// <summary>
/// What a figure means, in words a leader and HR agree on. The same sentences are the page's tooltips and
/// the entries of docs/metrics.md (a test keeps the two in step).
/// </summary>
public sealed record MeasureDefinition(Measure Measure, string Name, MeasureUnit Unit, string Definition,
    bool HigherIsBetter, bool HasTrend = true);

public static class Measures
{
    public static IReadOnlyList<MeasureDefinition> All { get; } =
    [
        new(Measure.RequestsReceived, "Requests received", MeasureUnit.Count,
            "Requests for help created in the period.", HigherIsBetter: true),
        new(Measure.AcknowledgeMedianHours, "Time to acknowledge (median)", MeasureUnit.Hours,
            "Median hours from a request's creation to a leader's first response, over the period's requests that have had one.", HigherIsBetter: false),
        new(Measure.AcknowledgeP90Hours, "Time to acknowledge (90th percentile)", MeasureUnit.Hours,
            "90th percentile of the same hours: nine in ten requests were answered at least this fast.", HigherIsBetter: false),
        new(Measure.ResolveMedianHours, "Time to resolve (median)", MeasureUnit.Hours,
            "Median hours from creation to resolution, over the period's requests that are resolved now.", HigherIsBetter: false),
        new(Measure.ResolveP90Hours, "Time to resolve (90th percentile)", MeasureUnit.Hours,
            "90th percentile of the same hours.", HigherIsBetter: false),
        new(Measure.ResolutionRate, "Resolution rate", MeasureUnit.Share,
            "Requests created in the period that are resolved now, divided by the requests received.", HigherIsBetter: true),
        new(Measure.DeclinedShare, "Declined share", MeasureUnit.Share,
            "Requests created in the period that are declined now, divided by the requests received.", HigherIsBetter: false),
        new(Measure.SatisfactionMean, "Satisfaction (mean rating)", MeasureUnit.Rating,
            "Mean of the 1–5 ratings members gave when confirming the period's resolved requests.", HigherIsBetter: true),
        new(Measure.SatisfiedShare, "Satisfaction (rated 4–5)", MeasureUnit.Share,
            "Ratings of 4 or 5 divided by all ratings of the period's requests.", HigherIsBetter: true),
        new(Measure.SupportEntries, "Support given (entries)", MeasureUnit.Count,
            "Support entries in the team dated in the period, asked for or not.", HigherIsBetter: true),
        new(Measure.SupportHours, "Support given (hours)", MeasureUnit.Hours,
            "Sum of those entries' minutes, divided by 60.", HigherIsBetter: true),
        new(Measure.HoursPerMemberWeek, "Support hours per member per week", MeasureUnit.Hours,
            "Support given (hours) divided by the team's member-weeks: for each week of the period, the members counted as for coverage times the week's days in the period ÷ 7, added up.", HigherIsBetter: true),
        new(Measure.EntriesPerMemberWeek, "Support entries per member per week", MeasureUnit.Rate,
            "Support given (entries) divided by the same member-weeks.", HigherIsBetter: true),
        new(Measure.ProactiveShare, "Proactive share", MeasureUnit.Share,
            "Support entries with no request behind them, divided by all support entries in the period.", HigherIsBetter: true),
        new(Measure.Coverage, "Coverage", MeasureUnit.Share,
            "Members who received at least one support entry in the period, divided by the team's active members who had joined before the period ended.", HigherIsBetter: true),
        new(Measure.CoverageDepth, "Coverage in depth", MeasureUnit.Share,
            "Members who received support of at least the set depth in the period (by default 2 entries or 30 minutes), divided by the members counted for coverage.", HigherIsBetter: true),
        new(Measure.SupportGini, "Support spread (Gini)", MeasureUnit.Rate,
            "How unevenly the period's support minutes are spread over the members counted for coverage, those with none counting as 0: 0 when all got the same, near 1 when one got all.", HigherIsBetter: false),
        new(Measure.TopFifthShare, "Share to the best-served fifth", MeasureUnit.Share,
            "Support minutes received by the fifth of those members who got the most (at least one member), divided by all their support minutes.", HigherIsBetter: false),
        new(Measure.Participation, "Check-in participation", MeasureUnit.Share,
            "Submitted check-ins divided by expected ones: one per active member for each check-in period of the team that is due in the period and already over.", HigherIsBetter: true),
        new(Measure.ReviewRate, "Leader review rate", MeasureUnit.Share,
            "Check-ins submitted in the period that a leader reviewed within 3 days, divided by those submitted at least 3 days ago or already reviewed.", HigherIsBetter: true),
        new(Measure.PulseMean, "Pulse (mean)", MeasureUnit.Pulse,
            "Mean of the 1–5 pulse on submitted check-ins whose period is due in the period.", HigherIsBetter: true),
        new(Measure.PulseChange, "Pulse trend", MeasureUnit.PulseDelta,
            "Mean pulse in the second half of the period minus the mean pulse in the first half.", HigherIsBetter: true, HasTrend: false),
        new(Measure.OpenBlockers, "Open blockers", MeasureUnit.Count,
            "Right now, whatever the period: submitted check-ins that report a blocker and are not yet reviewed, or whose request for help is still open.", HigherIsBetter: false, HasTrend: false),
        new(Measure.OldestBlockerDays, "Oldest open blocker", MeasureUnit.Days,
            "Days since the oldest open blocker was submitted.", HigherIsBetter: false, HasTrend: false),
        new(Measure.BlockerClearMedianDays, "Time to clear a blocker (median)", MeasureUnit.Days,
            "Median days from a submitted check-in in the period that raised a blocker to the member's next submitted check-in in the team without one, or to the resolution of the request made from it, whichever came first; blockers not cleared yet are counted beside it.", HigherIsBetter: false),
        new(Measure.BlockersNotCleared, "Blockers not cleared yet", MeasureUnit.Count,
            "Blockers raised in the period that no later check-in or resolved request has cleared yet.", HigherIsBetter: false),
        new(Measure.ActionItemsOnTime, "1:1 action items done on time", MeasureUnit.Share,
            "Leader-owned 1:1 action items due in the period that were done by their due date, divided by those due in the period that are done or whose due date has passed.", HigherIsBetter: true),
        new(Measure.MembersWithoutOneOnOne, "Members with no recent 1:1", MeasureUnit.Count,
            "Right now, whatever the period: the team's members of at least the set number of weeks (by default 6) who have had no 1:1 held with one of its leaders in that time.", HigherIsBetter: false, HasTrend: false),
        new(Measure.CreditGiven, "Public credit given", MeasureUnit.Count,
            "Credits the team's leaders gave in the team during the period.", HigherIsBetter: true),
        new(Measure.CreditReceived, "Public credit received", MeasureUnit.Count,
            "Credits the team's members received in the team during the period, from anyone.", HigherIsBetter: true),
    ];

    private static readonly Dictionary<Measure, MeasureDefinition> ByMeasure = All.ToDictionary(d => d.Measure);

    public static MeasureDefinition Of(Measure measure) => ByMeasure[measure];
}
