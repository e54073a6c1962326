using ServantLeader.Domain.People;

namespace ServantLeader.Domain.OneOnOnes;

/// <summary>A talking point for a 1:1, added by either person. Points not discussed move to the next meeting.</summary>
public sealed class AgendaItem
{
    public int Id { get; private set; }
    public int MeetingId { get; private set; }
    public int AuthorId { get; private set; }
    public Person Author { get; private set; } = null!;
    public string Text { get; private set; } = null!;
    public bool Discussed { get; private set; }

    /// <summary>The check-in a leader sent this point from, if any.</summary>
    public int? CheckInId { get; private set; }

    /// <summary>The member's growth goal this point is about, if any.</summary>
    public int? GoalId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private AgendaItem() { }

    internal AgendaItem(int meetingId, int authorId, string text, int? checkInId, DateTimeOffset now)
    {
        MeetingId = meetingId;
        AuthorId = authorId;
        Text = text;
        CheckInId = checkInId;
        CreatedAt = now;
    }

    internal void MarkDiscussed(bool discussed) => Discussed = discussed;

    internal void TieToGoal(int? goalId) => GoalId = goalId;

    internal void MoveTo(int meetingId) => MeetingId = meetingId;
}
