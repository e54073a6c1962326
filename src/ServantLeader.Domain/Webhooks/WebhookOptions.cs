namespace ServantLeader.Domain.Webhooks;

/// <summary>Configuration section <c>ServantLeader:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "ServantLeader:Webhooks";

    /// <summary>How often the queue is read. A new event goes out within this time.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a receiver has to answer before the attempt counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The app's address as people reach it, such as https://serve.example.org/. Makes links in messages.</summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>Off in hosts that only need the database (the command line, some tests).</summary>
    public bool Enabled { get; set; } = true;
}
