namespace ServantLeader.Domain.Support;

/// <summary>What a member needs, or what a leader gave: the kinds of service a servant leader provides.</summary>
public enum SupportCategory
{
    Coaching = 0,
    Training = 1,
    Resources = 2,
    RemovingObstacle = 3,
    Information = 4,
    Encouragement = 5,
    PersonalSupport = 6,
    Other = 7,

    /// <summary>Regular time with someone who has walked the road before.</summary>
    Mentoring = 8,

    /// <summary>Sharing responsibility: leading a piece of work, teaching others.</summary>
    StretchOpportunity = 9,
}

public static class SupportCategoryText
{
    public static string Label(this SupportCategory category) => category switch
    {
        SupportCategory.Coaching => "Coaching",
        SupportCategory.Training => "Training",
        SupportCategory.Resources => "Resources or tools",
        SupportCategory.RemovingObstacle => "Removing an obstacle",
        SupportCategory.Information => "Information",
        SupportCategory.Encouragement => "Encouragement",
        SupportCategory.PersonalSupport => "Personal support",
        SupportCategory.Other => "Other",
        SupportCategory.Mentoring => "Mentoring",
        SupportCategory.StretchOpportunity => "A stretch opportunity",
        _ => category.ToString(),
    };

    public static IReadOnlyList<SupportCategory> All { get; } = Enum.GetValues<SupportCategory>();

    /// <summary>The kinds that are growth by nature; support of any kind also counts as growth when tied to a goal.</summary>
    public static bool IsGrowth(this SupportCategory category) =>
        category is SupportCategory.Training or SupportCategory.Mentoring or SupportCategory.StretchOpportunity;
}
