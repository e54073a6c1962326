namespace ServantLeader.Domain.Webhooks;

public sealed class WebhookDraft
{
    public string Url { get; set; } = "";
    public string Description { get; set; } = "";
    public WebhookEvents Events { get; set; }
    public int AcknowledgeWithinHours { get; set; } = 24;
}

public sealed record WebhookEndpointRow(int Id, string Url, string Description, WebhookEvents Events, int AcknowledgeWithinHours,
    bool IsActive, DateTimeOffset CreatedAt, int Pending, int Failed, DateTimeOffset? LastDeliveredAt);

public sealed record WebhookDeliveryRow(long Id, WebhookEvents Event, int SubjectId, DateTimeOffset CreatedAt, DeliveryStatus Status,
    int Attempts, DateTimeOffset? LastAttemptAt, int? LastStatusCode, string? LastError, DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt);

/// <summary>A new or rotated secret: shown once, then only its use in signatures reveals it.</summary>
public sealed record WebhookSecret(int EndpointId, string Secret);
