using ServantLeader.Domain.People;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Credits;

/// <summary>Public thanks from one teammate to another for something specific. Everyone can read it.</summary>
public sealed class Credit
{
    public const int MessageLength = 500;

    public int Id { get; private set; }
    public int TeamId { get; private set; }
    public Team Team { get; private set; } = null!;
    public int GiverId { get; private set; }
    public Person Giver { get; private set; } = null!;
    public int ReceiverId { get; private set; }
    public Person Receiver { get; private set; } = null!;
    public string Message { get; private set; } = null!;

    /// <summary>The check-in whose win this credit recognises. Only the link is stored: the check-in stays private.</summary>
    public int? CheckInId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private Credit() { }

    internal Credit(int teamId, int giverId, int receiverId, string message, int? checkInId, DateTimeOffset now)
    {
        TeamId = teamId;
        GiverId = giverId;
        ReceiverId = receiverId;
        Message = message;
        CheckInId = checkInId;
        CreatedAt = now;
    }
}
