namespace ServantLeader.Domain.Dashboard;

/// <summary>Configuration section <c>ServantLeader:Dashboard</c>: the organisation's target for a first response.</summary>
public sealed class AcknowledgeTargetOptions
{
    public const string Section = "ServantLeader:Dashboard";
    public const int MinWorkingDays = 1;
    public const int MaxWorkingDays = 20;

    /// <summary>
    /// Working days (Monday to Friday in the organisation's zone) a leader has to give a request its first response.
    /// One day by default: a member who asks should hear back the next working day at the latest. Zero would make every
    /// request a miss and a month would hide neglect, so start-up refuses values outside 1–20.
    /// </summary>
    public int AcknowledgeTargetWorkingDays { get; set; } = 1;

    internal bool IsValid => AcknowledgeTargetWorkingDays is >= MinWorkingDays and <= MaxWorkingDays;

    internal static string InvalidMessage =>
        $"{Section}:AcknowledgeTargetWorkingDays must be between {MinWorkingDays} and {MaxWorkingDays}.";
}
