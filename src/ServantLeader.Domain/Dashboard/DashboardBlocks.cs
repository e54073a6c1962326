namespace ServantLeader.Domain.Dashboard;

/// <summary>
/// The figures the team's dashboard shows in blocks of their own under the service figures, and which figures are
/// compared with the organisation median.
/// </summary>
public static class DashboardBlocks
{
    /// <summary>How evenly and how deeply the team's members are served, in rates that compare across team sizes.</summary>
    public static IReadOnlyList<Measure> Fairness { get; } =
    [
        Measure.HoursPerMemberWeek, Measure.EntriesPerMemberWeek, Measure.CoverageDepth, Measure.SupportGini, Measure.TopFifthShare,
    ];

    /// <summary>Whether what was agreed or raised is done: action items, 1:1s kept up, blockers cleared.</summary>
    public static IReadOnlyList<Measure> FollowThrough { get; } =
    [
        Measure.ActionItemsOnTime, Measure.MembersWithoutOneOnOne, Measure.BlockerClearMedianDays, Measure.BlockersNotCleared,
    ];

    /// <summary>True for the figures the main "Figures" block shows: those in no block of their own.</summary>
    public static bool InMainBlock(Measure measure) => !Fairness.Contains(measure) && !FollowThrough.Contains(measure);

    /// <summary>
    /// Raw counts grow with the team: the median team's count says nothing about whether a team of 3 or of 30 is served
    /// well. They carry no organisation median; the rates per member per week (and the shares) do, from
    /// <see cref="OrganisationMedian.MinimumTeams"/> teams with a value. The requests still waiting are raw counts too.
    /// </summary>
    public static bool HasOrganisationMedian(Measure measure) => measure is not (Measure.RequestsReceived or Measure.SupportEntries
        or Measure.SupportHours or Measure.CreditGiven or Measure.CreditReceived or Measure.OpenBlockers
        or Measure.NotYetAcknowledged or Measure.NotYetResolved or Measure.WaitingNow
        or Measure.BlockersNotCleared or Measure.MembersWithoutOneOnOne);
}

/// <summary>A member of the team with no 1:1 held in the set weeks, and the day of their last one (null: never). Leaders only.</summary>
public sealed record OneOnOneGap(int PersonId, string Name, DateOnly? LastHeld);
