using Microsoft.Data.Sqlite;
using ServantLeader.Domain.Dashboard;

namespace ServantLeader.Benchmarks.Floor;

/// <summary>Which figure of which team over which slice: -1 the whole period, 0 … the weeks of the period, in order.</summary>
internal readonly record struct FloorKey(int TeamId, Measure Measure, int Slice)
{
    public const int Whole = -1;
}

/// <summary>
/// One figure as the floor computes it, in the terms the dashboard shows: its value (null: nothing to divide by, or
/// withheld), the people behind it (HR's small-group rule), the count it rests on (<see cref="Figure.Count"/>) and, for HR,
/// whether it is withheld and how many weeks were left out of it.
/// </summary>
internal sealed record FloorFigure(double? Value, int People, int? Count, bool Withheld = false, int WithheldWeeks = 0);

/// <summary>Everything the floor computed for one call: the figures, and for a leader the member table and the lists.</summary>
internal sealed class FloorResult
{
    public Dictionary<FloorKey, FloorFigure> Figures { get; } = [];

    public List<MemberCoverage>? Members { get; set; }

    public List<double>? SupportSpread { get; set; }

    public List<OneOnOneGap>? OneOnOneGaps { get; set; }

    public void Set(int teamId, Measure measure, int slice, FloorFigure figure) => Figures[new FloorKey(teamId, measure, slice)] = figure;
}

/// <summary>
/// What one floor call is for. <paramref name="TeamId"/> is one team (a leader's dashboard: the whole period, every week
/// and the two halves) or null (HR's overview: every team, the whole period by HR's whole-weeks rule). The benchmark's
/// clock is in UTC, so the floor may treat local days as UTC days.
/// </summary>
internal sealed record FloorContext(SqliteConnection Connection, DateTimeOffset Now, DashboardPeriod Period, int? TeamId)
{
    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>The settings the benchmark runs with (the defaults).</summary>
    public const int AcknowledgeTargetWorkingDays = 1;
    public const int DepthEntries = 2;
    public const int DepthMinutes = 30;
    public const int NoOneOnOneWeeks = 6;
    public const int QuietWeeks = 4;
}
