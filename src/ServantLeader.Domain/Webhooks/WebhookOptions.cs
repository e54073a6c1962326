using System.Net;

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

    /// <summary>
    /// Host names (or literal addresses) inside the server's network that webhooks may reach, such as a chat server on
    /// the intranet: <c>mattermost.internal</c>, <c>127.0.0.1</c>. Matched against the URL's host as written (any case,
    /// a trailing dot ignored). Only these may use plain http. Empty by default: webhooks reach public https only.
    /// </summary>
    public string[] AllowedInternalHosts { get; set; } = [];

    /// <summary>
    /// Turns a host name into its addresses; the system's DNS unless replaced in code (tests point a public-looking
    /// name at a loopback address through it). Not read from configuration.
    /// </summary>
    public Func<string, CancellationToken, Task<IPAddress[]>> ResolveHost { get; set; } = Dns.GetHostAddressesAsync;
}
