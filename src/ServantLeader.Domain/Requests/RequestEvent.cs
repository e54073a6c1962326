using ServantLeader.Domain.People;

namespace ServantLeader.Domain.Requests;

/// <summary>One transition of a request: who did what, when, and what they said. Never changed once written.</summary>
public sealed class RequestEvent
{
    public long Id { get; private set; }
    public int RequestId { get; private set; }
    public RequestEventKind Kind { get; private set; }
    public int ActorId { get; private set; }
    public Person Actor { get; private set; } = null!;
    public DateTimeOffset At { get; private set; }
    public string? Note { get; private set; }

    private RequestEvent() { }

    internal RequestEvent(RequestEventKind kind, int actorId, DateTimeOffset at, string? note)
    {
        Kind = kind;
        ActorId = actorId;
        At = at;
        Note = string.IsNullOrEmpty(note) ? null : note;
    }
}
