using ServantLeader.Domain.Support;

namespace ServantLeader.Domain.Dashboard;

/// <summary>
/// One figure as a viewer may see it. <see cref="Value"/> is null when there is no data yet (nothing to divide by),
/// or when <see cref="Withheld"/>: HR does not see a figure computed from fewer than 3 people. HR's figures are built
/// from whole weeks; <see cref="WithheldWeeks"/> counts the weeks left out of this one because fewer than 3 people
/// were behind it that week.
/// </summary>
public sealed record Figure(MeasureDefinition Definition, double? Value, int People, bool Withheld, double? OrganisationMedian = null,
    int WithheldWeeks = 0)
{
    public Measure Measure => Definition.Measure;

    /// <summary>
    /// The count the figure rests on (requests, ratings, members, expected check-ins, pulses …; what it counts is
    /// <see cref="FigureUncertainty.NounOf"/>). For HR, the kept weeks' count only. Null when withheld.
    /// </summary>
    public int? Count { get; init; }

    /// <summary>The 95 % interval: Wilson's for a share, ± 1.96 standard errors for the pulse trend. Null otherwise.</summary>
    public FigureInterval? Interval { get; init; }

    /// <summary>The pulse trend's standard error of the difference of the halves' means (needs 2 pulses in each).</summary>
    public double? StandardError { get; init; }

    /// <summary>The pulse trend's pulses in each half.</summary>
    public HalfCounts? Halves { get; init; }
}

/// <summary>
/// One week of a figure's trend. <see cref="People"/> are the people behind it (HR's small-group rule) and
/// <see cref="Count"/> the things it rests on, as for a <see cref="Figure"/>; both are left out when withheld.
/// </summary>
public sealed record TrendPoint(DateOnly WeekStart, double? Value, bool Withheld)
{
    public int People { get; init; }

    public int? Count { get; init; }
}

public sealed record CategorySupport(SupportCategory Category, int Entries, double Hours, int People, bool Withheld = false);

/// <summary>Who got support in the period, and who has gone without. Only the team's leaders see it.</summary>
/// <summary>A current member's support in the period; <paramref name="MemberSince"/> is the day their membership began.</summary>
public sealed record MemberCoverage(int PersonId, string Name, int Entries, double Hours, DateOnly? LastSupport, bool Quiet,
    DateOnly MemberSince);

public sealed record TeamDashboard(
    int TeamId,
    string TeamName,
    int Members,
    DashboardPeriod Period,
    bool ForHr,
    IReadOnlyList<Figure> Figures,
    IReadOnlyDictionary<Measure, IReadOnlyList<TrendPoint>> Trends,
    IReadOnlyList<CategorySupport> Categories,
    IReadOnlyList<MemberCoverage>? MemberCoverage,
    int QuietWeeks,
    IReadOnlyList<TeamFlag> Flags)
{
    public Figure this[Measure measure] => Figures.First(f => f.Measure == measure);

    /// <summary>Leaders only: each member's support hours in the period, fewest first, without names (the spread chart).</summary>
    public IReadOnlyList<double>? SupportSpread { get; init; }

    /// <summary>Leaders only: the members counted in "Members with no recent 1:1", and <see cref="NoOneOnOneWeeks"/>.</summary>
    public IReadOnlyList<OneOnOneGap>? OneOnOneGaps { get; init; }

    public int NoOneOnOneWeeks { get; init; }

    /// <summary>False for a new team: nothing asked, given or checked in during the period.</summary>
    public bool HasData => this[Measure.RequestsReceived].Value > 0 || this[Measure.SupportEntries].Value > 0
        || this[Measure.PulseMean].Value is not null || this[Measure.Participation].Value is not null || this[Measure.Participation].Withheld;
}

public sealed record OverviewRow(int TeamId, string TeamName, string Leaders, int Members, IReadOnlyDictionary<Measure, Figure> Figures,
    IReadOnlyList<TeamFlag> Flags)
{
    public Figure this[Measure measure] => Figures[measure];
}

public sealed record Overview(DashboardPeriod Period, IReadOnlyList<OverviewRow> Rows, IReadOnlyDictionary<Measure, double?> OrganisationMedians);

public sealed record DashboardTeam(int Id, string Name);
