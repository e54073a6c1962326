namespace ServantLeader.Domain.Feedback;

/// <summary>
/// Who is asked about whom in a round, and whether they have answered. Created for everyone when the round
/// opens and only ever flipped to answered in place: it carries no time and no link to the response, so it
/// can say who has answered, never what.
/// </summary>
public sealed class Participation
{
    public int RoundId { get; private set; }
    public int RespondentId { get; private set; }
    public int SubjectId { get; private set; }
    public bool IsSelfView { get; private set; }
    public bool HasAnswered { get; private set; }

    private Participation() { }

    internal Participation(int roundId, int respondentId, int subjectId)
    {
        RoundId = roundId;
        RespondentId = respondentId;
        SubjectId = subjectId;
        IsSelfView = respondentId == subjectId;
    }
}
