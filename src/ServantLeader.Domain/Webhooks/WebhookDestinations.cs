using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace ServantLeader.Domain.Webhooks;

/// <summary>
/// Where a webhook may go: a public address over https, or a host an Admin named in
/// <see cref="WebhookOptions.AllowedInternalHosts"/>. Checked when an endpoint is registered or changed (to show a
/// reason next to the URL) and again on every connection (<see cref="ConnectAsync"/>), because a name can point
/// elsewhere by then. The connection goes to the very addresses that were checked, so a name that changes between
/// the check and the connect (DNS rebinding) cannot slip through.
/// </summary>
public sealed class WebhookDestinations(IOptions<WebhookOptions> options)
{
    public const string AllowedHostsKey = WebhookOptions.Section + ":AllowedInternalHosts";

    /// <summary>A registration waits this long for DNS; a name that does not answer in time is checked at send time.</summary>
    private static readonly TimeSpan LookupLimit = TimeSpan.FromSeconds(5);

    /// <summary>Why this URL may not be registered, or null when it may.</summary>
    public async Task<string?> RefusalAsync(Uri url, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = HostOf(url.IdnHost);
        if (IsAllowedInternal(host))
        {
            return null;
        }
        if (url.Scheme != Uri.UriSchemeHttps)
        {
            return PlainHttpRefusal;
        }
        IPAddress[] addresses;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(LookupLimit);
        try
        {
            addresses = await ResolveAsync(host, limit.Token);
        }
        catch (Exception ex) when (ex is SocketException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            // Not known yet (a receiver still being set up, or DNS unreachable from here): every send checks again.
            return null;
        }
        return addresses.Select(Refusal).FirstOrDefault(r => r is not null);
    }

    /// <summary>
    /// The webhook client's <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host once, refuses the
    /// connection if any address is not public (unless the host is allowed), and connects to those same addresses.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = HostOf(context.DnsEndPoint.Host);
        var addresses = await ResolveAsync(host, ct);
        if (!IsAllowedInternal(host))
        {
            if (context.InitialRequestMessage.RequestUri?.Scheme != Uri.UriSchemeHttps)
            {
                throw new WebhookDestinationException(PlainHttpRefusal);
            }
            if (addresses.Select(Refusal).FirstOrDefault(r => r is not null) is { } refusal)
            {
                throw new WebhookDestinationException(refusal);
            }
        }
        if (addresses.Length == 0)
        {
            throw new WebhookDestinationException($"{host} has no address.");
        }
        // Dual mode: one socket reaches both IPv4 and IPv6 addresses, tried in the resolver's order.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static string PlainHttpRefusal =>
        $"Use https://. Plain http is allowed only for an internal host an Admin named in configuration ({AllowedHostsKey}).";

    private static string? Refusal(IPAddress address) => NonPublicAddress.KindOf(address) is { } kind
        ? $"This address is inside the server's own network ({address}, {kind}), which webhooks may not reach. " +
          $"An Admin can allow a named internal host in configuration: {AllowedHostsKey}."
        : null;

    /// <summary>
    /// A literal address is taken as it is, in any spelling the platform accepts (2130706433, 0x7f.1, 127.1).
    /// "localhost" and names under it are the loopback addresses by definition (RFC 6761), so they are never asked of
    /// a resolver: one that is slow or unreachable must not let them through as "not known yet".
    /// </summary>
    private async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        IPAddress.TryParse(host, out var literal) ? [literal]
        : IsLocalhost(host) ? [IPAddress.Loopback, IPAddress.IPv6Loopback]
        : await options.Value.ResolveHost(host, ct);

    /// <summary>Of a host already through <see cref="HostOf"/> (no brackets, no trailing dot).</summary>
    private static bool IsLocalhost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);

    private bool IsAllowedInternal(string host) =>
        options.Value.AllowedInternalHosts.Any(allowed => SameHost(HostOf(allowed), host));

    private static bool SameHost(string allowed, string host) =>
        allowed.Length > 0 && (string.Equals(allowed, host, StringComparison.OrdinalIgnoreCase)
                               || (IPAddress.TryParse(allowed, out var a) && IPAddress.TryParse(host, out var h) && a.Equals(h)));

    /// <summary>"Example.org." and "example.org" are one host; brackets around an IPv6 literal are not part of it.</summary>
    private static string HostOf(string host) => host.Trim().Trim('[', ']').TrimEnd('.');
}

/// <summary>A delivery was not sent because its host points somewhere webhooks may not go.</summary>
public sealed class WebhookDestinationException(string message) : Exception(message);
