namespace ServantLeader.Domain.Feedback;

/// <summary>The instrument every installation starts with, in this product's own words.</summary>
internal static class DefaultInstrument
{
    public const string Name = "How well does my leader serve me?";

    public const string OpenQuestion = "What is one thing your leader could do to serve you better?";

    public static readonly (ServantDimension Dimension, string Text)[] Items =
    [
        (ServantDimension.MembersFirst, "My leader puts what the team needs ahead of their own convenience."),
        (ServantDimension.MembersFirst, "My leader notices what I need before I have to ask."),
        (ServantDimension.Growth, "My leader makes time to help me learn and grow."),
        (ServantDimension.Empowerment, "My leader trusts me to decide how I do my work."),
        (ServantDimension.RemovingObstacles, "When something gets in my way, my leader acts to clear it."),
        (ServantDimension.SharingTheWhy, "My leader explains the reasons behind our goals and decisions."),
        (ServantDimension.RaisingTheBar, "My leader helps us hold a high standard and backs us in reaching it."),
        (ServantDimension.GivingCredit, "My leader makes sure people get public credit for their work."),
        (ServantDimension.Trust, "What I tell my leader in confidence stays between us."),
        (ServantDimension.LearningFromMissteps, "When something goes wrong, my leader asks what we can learn, not who is to blame."),
    ];
}
