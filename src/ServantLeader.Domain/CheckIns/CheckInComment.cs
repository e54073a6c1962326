using ServantLeader.Domain.People;

namespace ServantLeader.Domain.CheckIns;

public enum CheckInSection
{
    General = 0,
    Pulse = 1,
    Wins = 2,
    Challenges = 3,
    Priorities = 4,
    Need = 5,
}

/// <summary>A remark on one answer of a check-in, by the member or one of their leaders.</summary>
public sealed class CheckInComment
{
    public int Id { get; private set; }
    public int CheckInId { get; private set; }
    public int AuthorId { get; private set; }
    public Person Author { get; private set; } = null!;
    public CheckInSection Section { get; private set; }
    public string Text { get; private set; } = null!;
    public DateTimeOffset At { get; private set; }

    private CheckInComment() { }

    internal CheckInComment(int checkInId, int authorId, CheckInSection section, string text, DateTimeOffset at)
    {
        CheckInId = checkInId;
        AuthorId = authorId;
        Section = section;
        Text = text;
        At = at;
    }
}
