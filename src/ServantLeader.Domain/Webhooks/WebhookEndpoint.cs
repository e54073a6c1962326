namespace ServantLeader.Domain.Webhooks;

/// <summary>The events an endpoint can subscribe to. Flags, so one endpoint can take several.</summary>
[Flags]
public enum WebhookEvents
{
    None = 0,
    RequestCreated = 1,
    RequestNotAcknowledged = 2,
    CheckInBlocker = 4,
    CreditGiven = 8,
    GoalAchieved = 16,
}

/// <summary>A URL an Admin registered to hear about events, with the secret each delivery is signed with.</summary>
public sealed class WebhookEndpoint
{
    public const int UrlLength = 2000;
    public const int DescriptionLength = 200;
    public const int MinHours = 1;
    public const int MaxHours = 24 * 14;

    public int Id { get; private set; }
    public string Url { get; private set; } = null!;
    public string Description { get; private set; } = null!;

    /// <summary>Kept as written: signing needs the secret itself. Shown to the Admin once, when made or rotated.</summary>
    public string Secret { get; private set; } = null!;

    public WebhookEvents Events { get; private set; }

    /// <summary>For <see cref="WebhookEvents.RequestNotAcknowledged"/>: how long a request may wait.</summary>
    public int AcknowledgeWithinHours { get; private set; }

    public bool IsActive { get; private set; } = true;
    public DateTimeOffset CreatedAt { get; private set; }

    private WebhookEndpoint() { }

    internal WebhookEndpoint(string url, string description, string secret, WebhookEvents events, int hours, DateTimeOffset createdAt)
    {
        Url = url;
        Description = description;
        Secret = secret;
        Events = events;
        AcknowledgeWithinHours = hours;
        CreatedAt = createdAt;
    }

    internal void Change(string url, string description, WebhookEvents events, int hours)
    {
        Url = url;
        Description = description;
        Events = events;
        AcknowledgeWithinHours = hours;
    }

    internal void RotateSecret(string secret) => Secret = secret;

    internal void SetActive(bool active) => IsActive = active;
}
