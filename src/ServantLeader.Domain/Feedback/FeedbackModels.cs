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
}

/// <summary>
/// A leader's result for one closed round. Below the threshold only the count is known: no scores, no comments.
/// Comments come in random order and without times.
/// </summary>
public sealed record LeaderRoundResult(int RoundId, string RoundName, DateOnly ClosesOn, int Responses, int MinResponses,
    IReadOnlyList<DimensionScore> Dimensions, double? Index, double? SelfIndex, IReadOnlyList<string> Comments)
{
    public bool MeetsThreshold => Responses >= MinResponses;
}

public sealed record LeaderScores(int LeaderId, string LeaderName, int Responses, IReadOnlyDictionary<ServantDimension, double> Dimensions, double Index);

public sealed record Spread(double Min, double LowerQuartile, double Median, double UpperQuartile, double Max, int Leaders);

public sealed record OrganisationRoundResult(int RoundId, string RoundName, RoundState State, IReadOnlyList<LeaderScores> Leaders, int LeadersWithheld,
    IReadOnlyDictionary<ServantDimension, Spread> Distribution, Spread? IndexDistribution);
