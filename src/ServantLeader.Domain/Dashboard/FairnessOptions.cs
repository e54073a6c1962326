namespace ServantLeader.Domain.Dashboard;

/// <summary>
/// Configuration section <c>ServantLeader:Dashboard</c>: what counts as support in depth, and how long a member may go
/// without a 1:1 (the "fair comparisons" and "follow-through" figures, docs/metrics.md).
/// </summary>
public sealed class FairnessOptions
{
    public const string Section = "ServantLeader:Dashboard";

    /// <summary>
    /// Support in depth: at least this many entries in the slice, or <see cref="DepthMinutes"/>. Two touches is the
    /// least that is a conversation kept up rather than a single word in passing.
    /// </summary>
    public int DepthEntries { get; set; } = 2;

    /// <summary>Or at least this many minutes in the slice: half an hour is one real sit-down.</summary>
    public int DepthMinutes { get; set; } = 30;

    /// <summary>A member of at least this many weeks with no 1:1 held in them counts as having no recent 1:1.</summary>
    public int NoOneOnOneWeeks { get; set; } = 6;

    internal bool IsValid => DepthEntries is >= 1 and <= 100 && DepthMinutes is >= 1 and <= 1440 * 7 && NoOneOnOneWeeks is >= 1 and <= 52;

    internal static string InvalidMessage =>
        $"{Section}: DepthEntries must be 1–100, DepthMinutes 1–10080 and NoOneOnOneWeeks 1–52.";
}
