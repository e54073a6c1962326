namespace ServantLeader.Domain.Dashboard;

public enum TeamFlag
{
    LowCoverage,
    SlowAcknowledgement,
    FallingPulse,
    LowParticipation,
}

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

    /// <summary>The rule in words, as docs/metrics.md ("Flags on HR's overview") states it.</summary>
    public static string Rule(this TeamFlag flag) => flag switch
    {
        TeamFlag.LowCoverage =>
            $"Coverage is below {FlagRules.LowCoverage:P0} beyond doubt: the top of its 95 % interval is below {FlagRules.LowCoverage:P0}, "
            + $"over at least {FlagRules.LowCoverageMembers} members and a period of at least {FlagRules.LowCoverageDays} days.",
        TeamFlag.SlowAcknowledgement =>
            $"Median time to acknowledge above {FlagRules.SlowAcknowledgementHours} hours, over at least {FlagRules.SlowAcknowledgementRequests} answered requests.",
        TeamFlag.FallingPulse =>
            $"Pulse fell by {FlagRules.FallingPulse:0.0} or more between the halves of the period, by more than {FlagRules.FallingPulseStandardErrors} "
            + $"standard errors of the difference, with at least {FlagRules.FallingPulsePerHalf} pulses in each half.",
        TeamFlag.LowParticipation =>
            $"Check-in participation is below {FlagRules.LowParticipation:P0} beyond doubt: the top of its 95 % interval is below "
            + $"{FlagRules.LowParticipation:P0}, over at least {FlagRules.LowParticipationExpected} expected check-ins.",
        _ => "",
    };
}

/// <summary>
/// When HR's overview raises a flag: only when the figure is beyond its noise, and rests on at least a minimum count
/// (a "Falling pulse" on 11 check-ins, or "Low coverage" over one day, said more about chance than about the leader).
/// Only figures the viewer may see raise one: a withheld figure has no count, so it raises none.
/// </summary>
public static class FlagRules
{
    public const double LowCoverage = 0.5;
    public const int LowCoverageMembers = 5;

    /// <summary>Coverage grows with the period's length: over a few days most members get nothing, however well served.</summary>
    public const int LowCoverageDays = 28;

    public const double SlowAcknowledgementHours = 48;
    public const int SlowAcknowledgementRequests = 5;

    public const double FallingPulse = 0.5;
    public const int FallingPulsePerHalf = 8;
    public const double FallingPulseStandardErrors = 2;

    public const double LowParticipation = 0.6;
    public const int LowParticipationExpected = 8;

    /// <param name="figure">the team's figures, as the viewer sees them.</param>
    /// <param name="days">the period's length in days.</param>
    public static IReadOnlyList<TeamFlag> Raise(Func<Measure, Figure> figure, int days) =>
        Enum.GetValues<TeamFlag>().Where(flag => Fires(flag, figure, days)).ToList();

    public static bool Fires(TeamFlag flag, Func<Measure, Figure> figure, int days) => flag switch
    {
        TeamFlag.LowCoverage => days >= LowCoverageDays && figure(Measure.Coverage) is { Count: >= LowCoverageMembers, Interval: { } i }
            && i.High < LowCoverage,
        TeamFlag.SlowAcknowledgement => figure(Measure.AcknowledgeMedianHours) is { Count: >= SlowAcknowledgementRequests, Value: > SlowAcknowledgementHours },
        TeamFlag.FallingPulse => figure(Measure.PulseChange) is { Value: { } change, StandardError: { } error, Halves: { } halves }
            && halves.First >= FallingPulsePerHalf && halves.Second >= FallingPulsePerHalf
            && change <= -FallingPulse && -change > FallingPulseStandardErrors * error,
        TeamFlag.LowParticipation => figure(Measure.Participation) is { Count: >= LowParticipationExpected, Interval: { } i }
            && i.High < LowParticipation,
        _ => false,
    };
}
