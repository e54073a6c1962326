namespace ServantLeader.Domain.Growth;

/// <summary>Configuration section <c>ServantLeader:Growth</c>.</summary>
public sealed class GrowthOptions
{
    public const string Section = "ServantLeader:Growth";
    public const int MinConversationWeeks = 1;
    public const int MaxConversationWeeks = 52;

    /// <summary>
    /// After this many weeks without a held growth conversation, a member shows on their leader's This week view.
    /// Six weeks is about one conversation each quarter with room to plan it; fewer than one or more than a year
    /// would make the list either noise or silence, so start-up refuses them.
    /// </summary>
    public int ConversationWeeks { get; set; } = 6;

    internal bool IsValid => ConversationWeeks is >= MinConversationWeeks and <= MaxConversationWeeks;

    internal static string InvalidMessage =>
        $"{Section}:ConversationWeeks must be between {MinConversationWeeks} and {MaxConversationWeeks}.";
}
