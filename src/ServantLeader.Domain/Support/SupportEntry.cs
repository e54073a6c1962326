using ServantLeader.Domain.People;
using ServantLeader.Domain.Requests;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Support;

/// <summary>
/// What a leader did for a member, asked for or not. Proactive support (no request) is first-class:
/// in servant leadership most service is given before anyone asks.
/// </summary>
public sealed class SupportEntry
{
    public int Id { get; private set; }
    public int LeaderId { get; private set; }
    public Person Leader { get; private set; } = null!;
    public int MemberId { get; private set; }
    public Person Member { get; private set; } = null!;
    public int TeamId { get; private set; }
    public Team Team { get; private set; } = null!;
    public int? RequestId { get; private set; }
    public ServiceRequest? Request { get; private set; }

    /// <summary>The member's growth goal this support served, if any.</summary>
    public int? GoalId { get; private set; }

    public SupportCategory Category { get; private set; }
    public int Minutes { get; private set; }
    public DateOnly Date { get; private set; }

    /// <summary>Private to the leader unless <see cref="SharedWithMember"/>.</summary>
    public string Note { get; private set; } = null!;
    public bool SharedWithMember { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsProactive => RequestId is null;

    private SupportEntry() { }

    internal SupportEntry(int leaderId, int memberId, int teamId, int? requestId, SupportCategory category,
        int minutes, DateOnly date, string note, bool sharedWithMember, DateTimeOffset createdAt)
    {
        LeaderId = leaderId;
        MemberId = memberId;
        TeamId = teamId;
        RequestId = requestId;
        Category = category;
        Minutes = minutes;
        Date = date;
        Note = note;
        SharedWithMember = sharedWithMember;
        CreatedAt = createdAt;
    }

    internal void Share(bool shared) => SharedWithMember = shared;

    internal void TieToGoal(int? goalId) => GoalId = goalId;

    /// <summary>Links the entry to a request that is not saved yet (demo seeding builds both in one save).</summary>
    internal void AnswerTo(ServiceRequest request) => Request = request;
}
