namespace ServantLeader.Domain.CheckIns;

/// <summary>
/// Something a member means to get done. It stays on every check-in until it is marked done, which is how
/// unfinished priorities carry forward from one period to the next.
/// </summary>
public sealed class Priority
{
    public int Id { get; private set; }
    public int TeamId { get; private set; }
    public int MemberId { get; private set; }
    public string Text { get; private set; } = null!;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }

    private Priority() { }

    internal Priority(int teamId, int memberId, string text, DateTimeOffset now)
    {
        TeamId = teamId;
        MemberId = memberId;
        Text = text;
        CreatedAt = now;
    }

    internal void MarkDone(bool done, DateTimeOffset now) => DoneAt = done ? DoneAt ?? now : null;
}
