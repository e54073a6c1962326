using ServantLeader.Domain.Dashboard;
using ServantLeader.Domain.Support;

namespace ServantLeader.Web.Api;

// The API's own shapes where a domain read model carries UI-only parts (the dashboard) or the route supplies a value.

public sealed record Me(int PersonId, string Name, string Email, bool IsHr, bool IsAdmin, bool LeadsATeam, bool IsMemberOfATeam);

public sealed record CreatedId(int Id);

public sealed record RequestResponse(int ExpectedVersion, string? Note);

public sealed record RequestConfirmation(int ExpectedVersion, int Rating, string? Comment);

/// <param name="WithheldWeeks">HR only: the weeks left out of this figure because fewer than 3 people were behind it that week.</param>
/// <param name="Count">the count the figure rests on (for HR, over the kept weeks); null when withheld.</param>
/// <param name="CountOf">what <paramref name="Count"/> counts ("members", "ratings"); null for a count that is itself its count.</param>
/// <param name="IntervalLow">the 95 % interval's lower end: Wilson's for a share, ± 1.96 standard errors for the pulse trend; null otherwise.</param>
public sealed record ApiFigure(Measure Measure, string Name, MeasureUnit Unit, double? Value, bool Withheld, double? OrganisationMedian, int WithheldWeeks = 0,
    int? Count = null, string? CountOf = null, double? IntervalLow = null, double? IntervalHigh = null);

/// <summary>One week of a figure's trend, with the count it rests on; a withheld week carries neither (null, not zero).</summary>
public sealed record ApiWeek(DateOnly WeekStart, double? Value, bool Withheld, int? Count = null);

/// <summary>A support kind; a withheld one carries no entries or hours (null, not zero).</summary>
public sealed record ApiSupportKind(SupportCategory Category, int? Entries, double? Hours, bool Withheld);

public sealed record ApiDashboard(int TeamId, string TeamName, int Members, DateOnly From, DateOnly To,
    IReadOnlyList<ApiFigure> Figures, IReadOnlyDictionary<Measure, IReadOnlyList<ApiWeek>> Weeks,
    IReadOnlyList<ApiSupportKind> SupportByKind, IReadOnlyList<TeamFlag> Flags, IReadOnlyList<MemberCoverage>? MemberCoverage)
{
    /// <summary>Leaders only: each member's support hours in the period, fewest first, without names.</summary>
    public IReadOnlyList<double>? SupportSpread { get; init; }

    /// <summary>Leaders only: who has had no 1:1 held in the set weeks, with the day of their last one.</summary>
    public IReadOnlyList<OneOnOneGap>? OneOnOneGaps { get; init; }
}
