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
}

public sealed record TrendPoint(DateOnly WeekStart, double? Value, bool Withheld);

public sealed record CategorySupport(SupportCategory Category, int Entries, double Hours, int People, bool Withheld = false);

/// <summary>Who got support in the period, and who has gone without. Only the team's leaders see it.</summary>
public sealed record MemberCoverage(int PersonId, string Name, int Entries, double Hours, DateOnly? LastSupport, bool Quiet);

public enum TeamFlag
{
    LowCoverage,
    SlowAcknowledgement,
    FallingPulse,
    LowParticipation,
}

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

public static class TeamFlagText
{
    public static string Label(this TeamFlag flag) => flag switch
    {
        TeamFlag.LowCoverage => "Low coverage",
        TeamFlag.SlowAcknowledgement => "Slow acknowledgement",
        TeamFlag.FallingPulse => "Falling pulse",
        TeamFlag.LowParticipation => "Low participation",
        _ => flag.ToString(),
    };

    public static string Rule(this TeamFlag flag) => flag switch
    {
        TeamFlag.LowCoverage => $"Coverage below {FlagRules.LowCoverage:P0}.",
        TeamFlag.SlowAcknowledgement => $"Median time to acknowledge above {FlagRules.SlowAcknowledgementHours} hours.",
        TeamFlag.FallingPulse => $"Pulse fell by {FlagRules.FallingPulse:0.0} or more between the halves of the period.",
        TeamFlag.LowParticipation => $"Check-in participation below {FlagRules.LowParticipation:P0}.",
        _ => "",
    };
}

/// <summary>When HR's overview raises a flag. Only figures the viewer may see raise one.</summary>
public static class FlagRules
{
    public const double LowCoverage = 0.5;
    public const double SlowAcknowledgementHours = 48;
    public const double FallingPulse = 0.5;
    public const double LowParticipation = 0.6;

    public static IReadOnlyList<TeamFlag> Raise(Func<Measure, Figure> figure)
    {
        var flags = new List<TeamFlag>();
        if (figure(Measure.Coverage).Value < LowCoverage)
        {
            flags.Add(TeamFlag.LowCoverage);
        }
        if (figure(Measure.AcknowledgeMedianHours).Value > SlowAcknowledgementHours)
        {
            flags.Add(TeamFlag.SlowAcknowledgement);
        }
        if (figure(Measure.PulseChange).Value <= -FallingPulse)
        {
            flags.Add(TeamFlag.FallingPulse);
        }
        if (figure(Measure.Participation).Value < LowParticipation)
        {
            flags.Add(TeamFlag.LowParticipation);
        }
        return flags;
    }
}
