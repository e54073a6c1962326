namespace ServantLeader.Domain.Dashboard;

/// <summary>Every figure of the dashboard's growth section. Each is defined exactly in docs/metrics.md ("Growth").</summary>
public enum GrowthMeasure
{
    PlansKeptAlive,
    GoalsMovedForward,
    GoalsAchieved,
    GoalsSetAside,
    SkillsMovedUp,
    GrowthSupportHours,
    GrowthSupportShare,
    ServantsGrown,
}

/// <summary>What a growth figure means; the same sentences are the page's tooltips and the rows of docs/metrics.md.</summary>
public sealed record GrowthMeasureDefinition(GrowthMeasure Measure, string Name, MeasureUnit Unit, string Definition);

public static class GrowthMeasures
{
    /// <summary>The days up to a slice's end in which an edit keeps a plan alive.</summary>
    public const int AliveDays = 90;

    public static IReadOnlyList<GrowthMeasureDefinition> All { get; } =
    [
        new(GrowthMeasure.PlansKeptAlive, "Plans kept alive", MeasureUnit.Share,
            "Members whose growth plan or one of its goals was saved in the 90 days up to the end of the period, divided by the team's members."),
        new(GrowthMeasure.GoalsMovedForward, "Goals moved forward", MeasureUnit.Count,
            "Goals a member marked as moved forward in a submitted check-in of the team whose check-in period is due in the period."),
        new(GrowthMeasure.GoalsAchieved, "Goals achieved", MeasureUnit.Count,
            "Goals of the team's members marked achieved during the period, and achieved still."),
        new(GrowthMeasure.GoalsSetAside, "Goals set aside", MeasureUnit.Count,
            "Goals of the team's members set aside during the period, with what they learned, and set aside still."),
        new(GrowthMeasure.SkillsMovedUp, "Skills moved up a level", MeasureUnit.Count,
            "Confirmations during the period that raised a skill of one of the team's members from a confirmed level to a higher one."),
        new(GrowthMeasure.GrowthSupportHours, "Support tied to growth (hours)", MeasureUnit.Hours,
            "Hours of the team's support entries dated in the period that are tied to a goal or are training, mentoring or a stretch opportunity."),
        new(GrowthMeasure.GrowthSupportShare, "Support tied to growth (share)", MeasureUnit.Share,
            "Minutes of support tied to growth divided by all minutes of the team's support in the period."),
        new(GrowthMeasure.ServantsGrown, "Servants grown", MeasureUnit.Share,
            "Members who gave peer support that its receiver confirmed, dated in the period, or mentored someone during it, divided by the team's members."),
    ];

    private static readonly Dictionary<GrowthMeasure, GrowthMeasureDefinition> ByMeasure = All.ToDictionary(d => d.Measure);

    public static GrowthMeasureDefinition Of(GrowthMeasure measure) => ByMeasure[measure];

    /// <summary>The growth figures on HR's overview, in column order (the table and its CSV).</summary>
    public static IReadOnlyList<GrowthMeasure> OverviewColumns { get; } = [GrowthMeasure.ServantsGrown, GrowthMeasure.PlansKeptAlive];
}

/// <summary>
/// One growth figure as a viewer may see it: null when there is nothing to divide by or when <see cref="Withheld"/>
/// (HR, fewer than 3 people behind it). <see cref="People"/> is the distinct people it rests on.
/// </summary>
public sealed record GrowthFigure(GrowthMeasureDefinition Definition, double? Value, int People, bool Withheld, int WithheldWeeks = 0)
{
    public GrowthMeasure Measure => Definition.Measure;

    /// <summary>The members a share of members rests on (plans kept alive, servants grown); null otherwise and when withheld.</summary>
    public int? Count { get; init; }

    /// <summary>That share's 95 % Wilson interval (<see cref="FigureUncertainty.Wilson"/>).</summary>
    public FigureInterval? Interval { get; init; }
}

/// <summary>
/// When a member last had a 1:1 held as a growth conversation, with any leader. Only the team's leaders see it: HR
/// never does, not even as a count.
/// </summary>
public sealed record GrowthConversation(int PersonId, string Name, DateOnly? LastHeld, int? DaysSince);

public sealed record GrowthDashboard(
    int TeamId,
    string TeamName,
    int Members,
    DashboardPeriod Period,
    bool ForHr,
    IReadOnlyList<GrowthFigure> Figures,
    IReadOnlyDictionary<GrowthMeasure, IReadOnlyList<TrendPoint>> Trends,
    IReadOnlyDictionary<GrowthMeasure, double?> OrganisationMedians,
    IReadOnlyList<GrowthConversation>? Conversations)
{
    public GrowthFigure this[GrowthMeasure measure] => Figures.First(f => f.Measure == measure);
}

/// <summary>HR's growth columns per team (the figures of <see cref="GrowthMeasures.OverviewColumns"/>) and their medians.</summary>
public sealed record GrowthOverview(DashboardPeriod Period, IReadOnlyDictionary<int, IReadOnlyDictionary<GrowthMeasure, GrowthFigure>> Teams,
    IReadOnlyDictionary<GrowthMeasure, double?> OrganisationMedians)
{
    public GrowthFigure For(int teamId, GrowthMeasure measure) =>
        Teams.TryGetValue(teamId, out var figures) ? figures[measure] : new GrowthFigure(GrowthMeasures.Of(measure), null, 0, Withheld: false);
}
