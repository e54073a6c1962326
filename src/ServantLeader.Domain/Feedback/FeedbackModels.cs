using ServantLeader.Domain.Common;

namespace ServantLeader.Domain.Feedback;

public sealed class InstrumentDraft
{
    public string Name { get; set; } = "";
    public string OpenQuestion { get; set; } = "";
    public List<ItemDraft> Items { get; set; } = [];
}

public sealed class ItemDraft
{
    public ServantDimension Dimension { get; set; }
    public string Text { get; set; } = "";
}

public sealed class OpenRound
{
    public string Name { get; set; } = "";
    public int InstrumentId { get; set; }
    public List<int> TeamIds { get; set; } = [];
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }
    public int MinResponses { get; set; } = GroupSize.Minimum;
}

/// <summary>One person's answers about one leader. Keys of <see cref="Scores"/> are item ids.</summary>
public sealed class FeedbackAnswers
{
    public int RoundId { get; set; }
    public int SubjectId { get; set; }
    public Dictionary<int, int?> Scores { get; set; } = [];
    public string Comment { get; set; } = "";

    public static string FieldFor(int itemId) => $"Item{itemId}";
}

public sealed record ItemView(int Id, ServantDimension Dimension, string Text);

public sealed record InstrumentView(int Id, string Name, string? OpenQuestion, bool IsDefault, bool IsLocked, IReadOnlyList<ItemView> Items);

public sealed record RoundSummary(int Id, string Name, string InstrumentName, DateOnly OpensOn, DateOnly ClosesOn, RoundState State,
    IReadOnlyList<string> Teams, int Invited, int Answered, int MinResponses);

/// <summary>
/// Someone the actor is asked to give feedback about (or themselves, for the self-view). <see cref="IsHeld"/>: the actor
/// has answered, and the answer waits in memory until enough colleagues have answered about the same leader.
/// </summary>
public sealed record Invitation(int RoundId, string RoundName, DateOnly ClosesOn, int SubjectId, string SubjectName, bool IsSelfView, bool HasAnswered)
{
    public bool IsHeld { get; init; }
}

/// <summary>What became of an answer just sent.</summary>
public enum AnswerOutcome
{
    /// <summary>Stored: a self-view, or the answer that completed a batch of the round's threshold.</summary>
    Stored = 0,
    /// <summary>Waiting in memory for enough colleagues' answers about the same leader; stored with them.</summary>
    Held = 1,
}

/// <summary>A held answer that was dropped because the round closed before enough colleagues answered about the leader.</summary>
public sealed record NotCountedAnswer(int RoundId, string RoundName, string SubjectName, int MinResponses);

public sealed record FeedbackForm(int RoundId, string RoundName, DateOnly ClosesOn, int SubjectId, string SubjectName, bool IsSelfView,
    IReadOnlyList<ItemView> Items, string? OpenQuestion);

/// <summary>A dimension's mean score from the team (null below the threshold), the leader's own score, and the gap.</summary>
public sealed record DimensionScore(ServantDimension Dimension, double? TeamMean, double? SelfScore)
{
    public double? Gap => TeamMean is { } team && SelfScore is { } self ? self - team : null;

    /// <summary>The dimension's consistency over the team's answers; not judged below the threshold.</summary>
    public Reliability Reliability { get; init; } = Reliability.NotJudged(0, 0);
}

/// <summary>
/// A leader's result for one closed round. Below the threshold only the count is known: no scores, no comments.
/// Comments come in random order and without times.
/// </summary>
public sealed record LeaderRoundResult(int RoundId, string RoundName, DateOnly ClosesOn, int Responses, int MinResponses,
    IReadOnlyList<DimensionScore> Dimensions, double? Index, double? SelfIndex, IReadOnlyList<string> Comments)
{
    public bool MeetsThreshold => Responses >= MinResponses;

    public string InstrumentName { get; init; } = "";

    /// <summary>The consistency of all the instrument's statements read as one scale (what the index rests on).</summary>
    public Reliability IndexReliability { get; init; } = Reliability.NotJudged(0, 0);
}

public sealed record LeaderScores(int LeaderId, string LeaderName, int Responses, IReadOnlyDictionary<ServantDimension, double> Dimensions, double Index);

public sealed record Spread(double Min, double LowerQuartile, double Median, double UpperQuartile, double Max, int Leaders);

public sealed record OrganisationRoundResult(int RoundId, string RoundName, RoundState State, IReadOnlyList<LeaderScores> Leaders, int LeadersWithheld,
    IReadOnlyDictionary<ServantDimension, Spread> Distribution, Spread? IndexDistribution)
{
    /// <summary>Consistency over the shown leaders' team-view answers, pooled.</summary>
    public RoundReliability Reliability { get; init; } = RoundReliability.None;

    /// <summary>
    /// Per dimension, the mean team view and the mean self-view across the shown leaders who gave a self-view;
    /// empty when fewer than <see cref="GroupSize.Minimum"/> leaders did, so no one leader's self-view can be read from it.
    /// </summary>
    public IReadOnlyList<SelfAndTeam> SelfAndTeam { get; init; } = [];
}

public sealed record SelfAndTeam(ServantDimension Dimension, double TeamMean, double SelfMean, int Leaders);

/// <summary>The spread of the leaders' index in one closed round, for HR's line over rounds.</summary>
public sealed record RoundIndex(int RoundId, string RoundName, DateOnly ClosesOn, string InstrumentName, Spread Index);

/// <summary>
/// A team leader's latest feedback index, from the newest closed round that asked this team about them. The index is the
/// leader's over the whole round (results are never split by team); null below the round's threshold.
/// </summary>
public sealed record LeaderIndex(int LeaderId, string LeaderName, int RoundId, string RoundName, DateOnly ClosesOn, int Responses, int MinResponses,
    double? Index)
{
    public bool MeetsThreshold => Responses >= MinResponses;
}
