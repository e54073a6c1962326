namespace ServantLeader.Domain.Feedback;

/// <summary>The sides of servant leadership the feedback survey asks about.</summary>
public enum ServantDimension
{
    MembersFirst = 0,
    Growth = 1,
    Empowerment = 2,
    RemovingObstacles = 3,
    SharingTheWhy = 4,
    RaisingTheBar = 5,
    GivingCredit = 6,
    Trust = 7,
    LearningFromMissteps = 8,
}

public static class ServantDimensionText
{
    public static string Label(this ServantDimension dimension) => dimension switch
    {
        ServantDimension.MembersFirst => "Putting members first",
        ServantDimension.Growth => "Helping people grow",
        ServantDimension.Empowerment => "Empowering",
        ServantDimension.RemovingObstacles => "Removing obstacles",
        ServantDimension.SharingTheWhy => "Sharing the reason why",
        ServantDimension.RaisingTheBar => "Raising the bar",
        ServantDimension.GivingCredit => "Giving credit",
        ServantDimension.Trust => "Trust and confidentiality",
        ServantDimension.LearningFromMissteps => "Learning from missteps",
        _ => dimension.ToString(),
    };
}
