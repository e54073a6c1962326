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
    ProactiveShare,
    Coverage,
    Participation,
    ReviewRate,
    PulseMean,
    PulseChange,
    OpenBlockers,
    OldestBlockerDays,
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
        new(Measure.ProactiveShare, "Proactive share", MeasureUnit.Share,
            "Support entries with no request behind them, divided by all support entries in the period.", HigherIsBetter: true),
        new(Measure.Coverage, "Coverage", MeasureUnit.Share,
            "Members who received at least one support entry in the period, divided by the members who were in the team at some time during the period.", HigherIsBetter: true),
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
        new(Measure.CreditGiven, "Public credit given", MeasureUnit.Count,
            "Credits the team's leaders gave in the team during the period, while they led it.", HigherIsBetter: true),
        new(Measure.CreditReceived, "Public credit received", MeasureUnit.Count,
            "Credits the team's members received in the team during the period, while they were members, from anyone.", HigherIsBetter: true),
    ];

    private static readonly Dictionary<Measure, MeasureDefinition> ByMeasure = All.ToDictionary(d => d.Measure);

    public static MeasureDefinition Of(Measure measure) => ByMeasure[measure];
}
