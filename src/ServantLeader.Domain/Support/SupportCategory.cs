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
        _ => category.ToString(),
    };

    public static IReadOnlyList<SupportCategory> All { get; } = Enum.GetValues<SupportCategory>();
}
