using ServantLeader.Domain.Common;
using ServantLeader.Domain.People;
using ServantLeader.Domain.Support;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Requests;

/// <summary>
/// A member asks their team's leaders for help. The state machine lives here; who may call each
/// transition is decided by <see cref="RequestService"/>, which knows the memberships.
/// </summary>
public sealed class ServiceRequest
{
    private readonly List<RequestEvent> _events = [];

    public int Id { get; private set; }
    public int TeamId { get; private set; }
    public Team Team { get; private set; } = null!;
    public int RequesterId { get; private set; }
    public Person Requester { get; private set; } = null!;

    public SupportCategory Category { get; private set; }
    public string Title { get; private set; } = null!;
    public string Details { get; private set; } = null!;
    public Urgency Urgency { get; private set; }
    public DateOnly? NeededBy { get; private set; }

    public RequestStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The first acknowledgement. A reopened request keeps it: the dashboard measures the first response.</summary>
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public int? AcknowledgedById { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public int? ResolvedById { get; private set; }
    public string? Resolution { get; private set; }
    public DateTimeOffset? DeclinedAt { get; private set; }
    public int? DeclinedById { get; private set; }
    public string? DeclineReason { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public int? Rating { get; private set; }
    public string? RatingComment { get; private set; }
    public int ReopenCount { get; private set; }

    /// <summary>Optimistic concurrency token: bumped on every change, compared on every save.</summary>
    public int Version { get; private set; }

    public IReadOnlyCollection<RequestEvent> Events => _events;

    public bool IsConfirmed => ConfirmedAt is not null;
    public bool IsActive => Status is RequestStatus.Open or RequestStatus.Acknowledged;

    private ServiceRequest() { }

    internal ServiceRequest(int teamId, int requesterId, SupportCategory category, string title, string details,
        Urgency urgency, DateOnly? neededBy, DateTimeOffset now)
    {
        TeamId = teamId;
        RequesterId = requesterId;
        Category = category;
        Title = title;
        Details = details;
        Urgency = urgency;
        NeededBy = neededBy;
        Status = RequestStatus.Open;
        CreatedAt = now;
        _events.Add(new RequestEvent(RequestEventKind.Created, requesterId, now, null));
    }

    internal void Acknowledge(int leaderId, string? note, DateTimeOffset now)
    {
        if (Status != RequestStatus.Open)
        {
            throw new RuleViolationException($"Only an open request can be acknowledged; this one is {Status.Label().ToLowerInvariant()}.");
        }
        Status = RequestStatus.Acknowledged;
        AcknowledgedAt ??= now;
        AcknowledgedById ??= leaderId;
        Record(RequestEventKind.Acknowledged, leaderId, now, note);
    }

    internal void Resolve(int leaderId, string? resolution, DateTimeOffset now)
    {
        if (!IsActive)
        {
            throw new RuleViolationException($"Only an open or acknowledged request can be resolved; this one is {Status.Label().ToLowerInvariant()}.");
        }
        // Resolving straight away is also the first response.
        AcknowledgedAt ??= now;
        AcknowledgedById ??= leaderId;
        Status = RequestStatus.Resolved;
        ResolvedAt = now;
        ResolvedById = leaderId;
        Resolution = resolution;
        Record(RequestEventKind.Resolved, leaderId, now, resolution);
    }

    internal void Decline(int leaderId, string reason, DateTimeOffset now)
    {
        if (!IsActive)
        {
            throw new RuleViolationException($"Only an open or acknowledged request can be declined; this one is {Status.Label().ToLowerInvariant()}.");
        }
        AcknowledgedAt ??= now;
        AcknowledgedById ??= leaderId;
        Status = RequestStatus.Declined;
        DeclinedAt = now;
        DeclinedById = leaderId;
        DeclineReason = reason;
        Record(RequestEventKind.Declined, leaderId, now, reason);
    }

    internal void Confirm(int requesterId, int rating, string? comment, DateTimeOffset now)
    {
        if (Status != RequestStatus.Resolved)
        {
            throw new RuleViolationException("You can rate a request once it has been resolved.");
        }
        if (IsConfirmed)
        {
            throw new RuleViolationException("You have already confirmed this request.");
        }
        ConfirmedAt = now;
        Rating = rating;
        RatingComment = comment;
        Record(RequestEventKind.Confirmed, requesterId, now, comment);
    }

    internal void Reopen(int requesterId, string reason, DateTimeOffset now)
    {
        if (Status is not (RequestStatus.Resolved or RequestStatus.Declined) || IsConfirmed)
        {
            throw new RuleViolationException("Only a resolved or declined request that you have not confirmed can be reopened.");
        }
        Status = RequestStatus.Open;
        ResolvedAt = null;
        ResolvedById = null;
        Resolution = null;
        DeclinedAt = null;
        DeclinedById = null;
        DeclineReason = null;
        ReopenCount++;
        Record(RequestEventKind.Reopened, requesterId, now, reason);
    }

    private void Record(RequestEventKind kind, int actorId, DateTimeOffset now, string? note)
    {
        _events.Add(new RequestEvent(kind, actorId, now, note));
        Version++;
    }
}
