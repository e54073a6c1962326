namespace ServantLeader.Domain.Webhooks;

public enum DeliveryStatus
{
    Pending = 0,
    Delivered = 1,

    /// <summary>Every attempt failed; an Admin can send it again.</summary>
    Failed = 2,
}

/// <summary>
/// One event for one endpoint: a row in the delivery queue, written in the same transaction as the change it reports,
/// so a restart loses nothing. The dispatcher sends it, and on failure tries again later with growing pauses.
/// At most one delivery exists per endpoint, event and subject, so a repeated change or a second instance cannot
/// announce the same thing twice.
/// </summary>
public sealed class WebhookDelivery
{
    public const int MaxAttempts = 8;
    public const int ErrorLength = 500;

    public long Id { get; private set; }
    public int EndpointId { get; private set; }
    public WebhookEndpoint Endpoint { get; private set; } = null!;
    public WebhookEvents Event { get; private set; }

    /// <summary>The request, check-in or credit the event is about.</summary>
    public int SubjectId { get; private set; }

    /// <summary>The message as JSON, without private content; see <see cref="WebhookMessage"/>.</summary>
    public string Message { get; private set; } = null!;

    public DateTimeOffset CreatedAt { get; private set; }
    public DeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>Set by the instance sending it, so two instances never send the same delivery at once.</summary>
    public DateTimeOffset? ClaimedUntil { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }
    public int? LastStatusCode { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }

    private WebhookDelivery() { }

    internal WebhookDelivery(int endpointId, WebhookEvents @event, int subjectId, string message, DateTimeOffset at)
    {
        EndpointId = endpointId;
        Event = @event;
        SubjectId = subjectId;
        Message = message;
        CreatedAt = at;
        NextAttemptAt = at;
        Status = DeliveryStatus.Pending;
    }

    internal void Succeeded(int statusCode, DateTimeOffset at)
    {
        Attempts++;
        LastAttemptAt = at;
        LastStatusCode = statusCode;
        LastError = null;
        DeliveredAt = at;
        ClaimedUntil = null;
        Status = DeliveryStatus.Delivered;
    }

    internal void FailedAttempt(int? statusCode, string error, DateTimeOffset at)
    {
        Attempts++;
        LastAttemptAt = at;
        LastStatusCode = statusCode;
        LastError = error.Length > ErrorLength ? error[..ErrorLength] : error;
        ClaimedUntil = null;
        if (Attempts >= MaxAttempts)
        {
            Status = DeliveryStatus.Failed;
        }
        else
        {
            NextAttemptAt = at + Backoff(Attempts);
        }
    }

    internal void Retry(DateTimeOffset at)
    {
        Status = DeliveryStatus.Pending;
        Attempts = 0;
        NextAttemptAt = at;
        ClaimedUntil = null;
    }

    /// <summary>
    /// 30 s, 2 min, 8 min, 32 min, then capped at 2 h: eight attempts span about six and a half hours, long enough
    /// to ride out a receiver's deployment or outage without hammering it.
    /// </summary>
    public static TimeSpan Backoff(int attemptsMade) =>
        TimeSpan.FromSeconds(Math.Min(30 * Math.Pow(4, attemptsMade - 1), 2 * 60 * 60));
}
