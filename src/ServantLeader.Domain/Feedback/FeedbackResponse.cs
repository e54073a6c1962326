namespace ServantLeader.Domain.Feedback;

/// <summary>
/// One anonymous answer sheet about a leader. It records the round, the leader it is about and the scores,
/// and deliberately nothing else: no respondent, no team, no time. Its key is random so that not even the
/// order of keys says who answered when. A leader's self-view is marked as such (it is theirs by definition).
/// </summary>
public sealed class FeedbackResponse
{
    private readonly List<FeedbackScore> _scores = [];

    public Guid Id { get; private set; }
    public int RoundId { get; private set; }
    public int SubjectId { get; private set; }
    public bool IsSelfView { get; private set; }
    public string? Comment { get; private set; }
    public IReadOnlyCollection<FeedbackScore> Scores => _scores;

    private FeedbackResponse() { }

    internal FeedbackResponse(int roundId, int subjectId, bool isSelfView, string? comment, IEnumerable<(int ItemId, int Score)> scores)
    {
        Id = Guid.NewGuid();
        RoundId = roundId;
        SubjectId = subjectId;
        IsSelfView = isSelfView;
        Comment = comment;
        _scores.AddRange(scores.Select(s => new FeedbackScore(s.ItemId, s.Score)));
    }
}

public sealed class FeedbackScore
{
    public Guid ResponseId { get; private set; }
    public int ItemId { get; private set; }
    public int Score { get; private set; }

    private FeedbackScore() { }

    internal FeedbackScore(int itemId, int score)
    {
        ItemId = itemId;
        Score = score;
    }
}
