namespace ServantLeader.Domain.Dashboard;

/// <summary>Every figure on the "service provided" dashboard. Each is defined exactly in docs/metrics.md.</summary>
public enum Measure
{
    RequestsReceived,
    AcknowledgeMedianHours,
    AcknowledgeP90Hours,
    NotYetAcknowledged,
    AcknowledgedWithinTarget,
    WaitingNow,
    LongestWaitHours,
    ResolveMedianHours,
    ResolveP90Hours,
    NotYetResolved,
    ResolutionRate,
    DeclinedShare,
    SatisfactionMean,
    SatisfiedShare,
    ConfirmedShare,
    ReopenRate,
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
/// <param name="CountsThings">for a share: whether it is k of n things counted, so that a Wilson interval means something.
/// The best-served fifth's share is minutes over minutes, spread over a handful of members, and gets none.</param>
public sealed record MeasureDefinition(Measure Measure, string Name, MeasureUnit Unit, string Definition,
    bool HigherIsBetter, bool HasTrend = true, bool CountsThings = true);

public static class Measures
{
    public static IReadOnlyList<MeasureDefinition> All { get; } =
    [
        new(Measure.RequestsReceived, "Requests received", MeasureUnit.Count,
            "Requests for help created in the period.", HigherIsBetter: true),
        new(Measure.AcknowledgeMedianHours, "Time to acknowledge (median)", MeasureUnit.Hours,
            "Median hours from a request's creation to a leader's first response, over the period's requests that have had one; those still waiting are counted beside it.", HigherIsBetter: false),
        new(Measure.AcknowledgeP90Hours, "Time to acknowledge (90th percentile)", MeasureUnit.Hours,
            "90th percentile of the same hours: the point 90 % of the way from the fastest to the slowest answered request by rank, interpolated between the two nearest (with ten or fewer, between the two slowest; with one, its own hours).", HigherIsBetter: false),
        new(Measure.NotYetAcknowledged, "Not yet acknowledged", MeasureUnit.Count,
            "Requests created in the period that have had no first response yet; the time to acknowledge leaves them out.", HigherIsBetter: false),
        new(Measure.AcknowledgedWithinTarget, "Acknowledged within target", MeasureUnit.Share,
            "Requests created in the period whose first response came within the organisation's target (one working day unless configured), divided by those answered plus those still waiting past the target.", HigherIsBetter: true),
        new(Measure.WaitingNow, "Waiting now", MeasureUnit.Count,
            "Right now, whatever the period: requests still waiting for a leader's first response.", HigherIsBetter: false, HasTrend: false),
        new(Measure.LongestWaitHours, "Longest wait now", MeasureUnit.Hours,
            "Hours since the oldest request still waiting for a first response was created.", HigherIsBetter: false, HasTrend: false),
        new(Measure.ResolveMedianHours, "Time to resolve (median)", MeasureUnit.Hours,
            "Median hours from creation to resolution, over the period's requests that are resolved now; those still open are counted beside it.", HigherIsBetter: false),
        new(Measure.ResolveP90Hours, "Time to resolve (90th percentile)", MeasureUnit.Hours,
            "90th percentile of the same hours.", HigherIsBetter: false),
        new(Measure.NotYetResolved, "Not yet resolved", MeasureUnit.Count,
            "Requests created in the period that are still open now, neither resolved nor declined; the time to resolve leaves them out.", HigherIsBetter: false),
        new(Measure.ResolutionRate, "Resolution rate", MeasureUnit.Share,
            "Requests created in the period that are resolved now, divided by the requests received.", HigherIsBetter: true),
        new(Measure.DeclinedShare, "Declined share", MeasureUnit.Share,
            "Requests created in the period that are declined now, divided by the requests received.", HigherIsBetter: false),
        new(Measure.SatisfactionMean, "Satisfaction (mean rating)", MeasureUnit.Rating,
            "Mean of the 1–5 ratings members gave when confirming the period's resolved requests.", HigherIsBetter: true),
        new(Measure.SatisfiedShare, "Satisfaction (rated 4–5)", MeasureUnit.Share,
            "Ratings of 4 or 5 divided by all ratings of the period's requests.", HigherIsBetter: true),
        new(Measure.ConfirmedShare, "Confirmed by the member", MeasureUnit.Share,
            "Requests created in the period that are resolved now and that the member confirmed, divided by those resolved now.", HigherIsBetter: true),
        new(Measure.ReopenRate, "Reopen rate", MeasureUnit.Share,
            "Requests created in the period that the member reopened at least once, divided by those resolved now or reopened at least once.", HigherIsBetter: false),
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
            "Members who received at least one support entry in the period, divided by the members who were in the team at some time during the period.", HigherIsBetter: true),
        new(Measure.CoverageDepth, "Coverage in depth", MeasureUnit.Share,
            "Members who received support of at least the set depth in the period (by default 2 entries or 30 minutes), divided by the members counted for coverage.", HigherIsBetter: true),
        new(Measure.SupportGini, "Support spread (Gini)", MeasureUnit.Rate,
            "How unevenly the period's support minutes are spread over the members counted for coverage, those with none counting as 0: 0 when all got the same, near 1 when one got all.", HigherIsBetter: false),
        new(Measure.TopFifthShare, "Share to the best-served fifth", MeasureUnit.Share,
            "Support minutes received by the fifth of those members who got the most (at least one member), divided by all their support minutes.", HigherIsBetter: false, CountsThings: false),
        new(Measure.Participation, "Check-in participation", MeasureUnit.Share,
            "Submitted check-ins divided by expected ones: one per member in the team on the due day of each of its check-in periods that is due in the period and already over.", HigherIsBetter: true),
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
            "Credits the team's leaders gave in the team during the period, while they led it.", HigherIsBetter: true),
        new(Measure.CreditReceived, "Public credit received", MeasureUnit.Count,
            "Credits the team's members received in the team during the period, while they were members, from anyone.", HigherIsBetter: true),
    ];

    private static readonly Dictionary<Measure, MeasureDefinition> ByMeasure = All.ToDictionary(d => d.Measure);

    public static MeasureDefinition Of(Measure measure) => ByMeasure[measure];
}
