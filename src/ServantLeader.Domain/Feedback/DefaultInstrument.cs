namespace ServantLeader.Domain.Feedback;

/// <summary>
/// The instruments every installation starts with, in this product's own words: one pool of statements, three or more
/// per dimension, so that each dimension's reliability can be judged, and a short pulse taken word for word from it.
/// </summary>
internal static class DefaultInstrument
{
    /// <summary>The first default's name (ten statements). Installations that have it keep it for the rounds that used it.</summary>
    public const string FirstName = "How well does my leader serve me?";

    public const string PoolName = "How well does my leader serve me? (full)";
    public const string PoolKey = "servant-pool-1";

    public const string PulseName = "How well does my leader serve me? (quarterly pulse)";
    public const string PulseKey = "servant-pulse-1";

    public const string OpenQuestion = "What is one thing your leader could do to serve you better?";

    public static readonly (ServantDimension Dimension, string Text)[] Pool =
    [
        (ServantDimension.MembersFirst, "My leader puts what the team needs ahead of their own convenience."),
        (ServantDimension.MembersFirst, "My leader notices what I need before I have to ask."),
        (ServantDimension.MembersFirst, "My leader makes room in their own day when the team needs them."),
        (ServantDimension.Growth, "My leader makes time to help me learn and grow."),
        (ServantDimension.Growth, "My leader talks with me about where I want to go next."),
        (ServantDimension.Growth, "My leader gives me work that stretches me, with help at hand."),
        (ServantDimension.Empowerment, "My leader trusts me to decide how I do my work."),
        (ServantDimension.Empowerment, "My leader gives me what I need to act without waiting for permission."),
        (ServantDimension.Empowerment, "When I take a sensible risk, my leader stands behind me."),
        (ServantDimension.RemovingObstacles, "When something gets in my way, my leader acts to clear it."),
        (ServantDimension.RemovingObstacles, "My leader follows up until a blocker I raised is really gone."),
        (ServantDimension.RemovingObstacles, "My leader keeps work that doesn't matter away from the team."),
        (ServantDimension.SharingTheWhy, "My leader explains the reasons behind our goals and decisions."),
        (ServantDimension.SharingTheWhy, "My leader tells us early when plans change, and why."),
        (ServantDimension.SharingTheWhy, "My leader helps me see how my work connects to the bigger picture."),
        (ServantDimension.RaisingTheBar, "My leader helps us hold a high standard and backs us in reaching it."),
        (ServantDimension.RaisingTheBar, "My leader tells me honestly when my work falls short, and how to improve it."),
        (ServantDimension.RaisingTheBar, "My leader expects good work from everyone, themselves included."),
        (ServantDimension.GivingCredit, "My leader makes sure people get public credit for their work."),
        (ServantDimension.GivingCredit, "When my leader talks about our results, they name the people who did the work."),
        (ServantDimension.GivingCredit, "My leader thanks people for what they actually did, not just in general."),
        (ServantDimension.Trust, "What I tell my leader in confidence stays between us."),
        (ServantDimension.Trust, "I can raise a problem with my leader without worrying about what happens to me."),
        (ServantDimension.Trust, "My leader does what they say they will do."),
        (ServantDimension.LearningFromMissteps, "When something goes wrong, my leader asks what we can learn, not who is to blame."),
        (ServantDimension.LearningFromMissteps, "My leader owns up to their own mistakes."),
        (ServantDimension.LearningFromMissteps, "After a setback, my leader helps us change how we work so it doesn't happen again."),
    ];

    /// <summary>
    /// The pulse: one statement per dimension, word for word from <see cref="Pool"/>, so its index is the same mean of
    /// nine dimension means as the full set's and the two can sit on one line over rounds.
    /// </summary>
    public static readonly (ServantDimension Dimension, string Text)[] Pulse =
    [
        Pool[0], Pool[3], Pool[6], Pool[9], Pool[12], Pool[15], Pool[18], Pool[22], Pool[24],
    ];
}
