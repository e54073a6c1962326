using System.Net;
using Microsoft.Extensions.Options;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Webhooks;
using ServantLeader.TestData;

namespace ServantLeader.Domain.Tests.Webhooks;

/// <summary>
/// Webhooks reach the public internet only, unless an Admin names an internal host. Checked at registration with a
/// reason next to the URL, and again on every connection against a real listener on loopback. Names are pointed at
/// addresses through <see cref="WebhookOptions.ResolveHost"/>, the resolver seam, instead of a hosts file.
/// </summary>
[Trait("Area", "Trust")]
[Trait("Area", "Integrations")]
public sealed class WebhookDestinationTests : OrganisationTests
{
    private const string OwnNetwork = "This address is inside the server's own network (";

    private readonly Dictionary<string, IPAddress[]> _dns = new(StringComparer.OrdinalIgnoreCase);

    private WebhookService Webhooks => Db.Get<WebhookService>();
    private WebhookDispatcher Dispatcher => Db.Get<WebhookDispatcher>();
    private WebhookOptions Options => Db.Get<IOptions<WebhookOptions>>().Value;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // Names the test knows answer from its table; any other goes to the system's resolver, as in the app.
        Options.ResolveHost = (host, ct) => _dns.TryGetValue(host, out var addresses)
            ? Task.FromResult(addresses)
            : Dns.GetHostAddressesAsync(host, ct);
    }

    private Task<WebhookSecret> RegisterAsync(string url) => Webhooks.CreateAsync(Org.Admin,
        new WebhookDraft { Url = url, Description = "Chat", Events = WebhookEvents.RequestCreated }, default);

    private async Task<string> RefusalAsync(string url)
    {
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => RegisterAsync(url));
        Assert.Empty(await Webhooks.EndpointsAsync(Org.Admin, default));
        return Assert.Single(error.Errors[nameof(WebhookDraft.Url)]);
    }

    [Theory]
    [InlineData("https://127.0.0.1/hook", "127.0.0.1, loopback")]
    [InlineData("https://127.0.0.1:8080/hook", "127.0.0.1, loopback")]
    [InlineData("https://2130706433/hook", "127.0.0.1, loopback")]
    [InlineData("https://0177.0.0.1/hook", "127.0.0.1, loopback")]
    [InlineData("https://0x7f.1/hook", "127.0.0.1, loopback")]
    [InlineData("https://127.1/hook", "127.0.0.1, loopback")]
    [InlineData("https://127.0.0.1./hook", "127.0.0.1, loopback")]
    [InlineData("https://127.9.8.7/hook", "127.9.8.7, loopback")]
    [InlineData("https://localhost/hook", "loopback")]
    [InlineData("https://LOCALHOST./hook", "loopback")]
    [InlineData("https://0.0.0.0/hook", "0.0.0.0, this network")]
    [InlineData("https://10.1.2.3/hook", "10.1.2.3, private network")]
    [InlineData("https://172.16.0.1/hook", "172.16.0.1, private network")]
    [InlineData("https://172.31.255.254/hook", "172.31.255.254, private network")]
    [InlineData("https://192.168.1.20/hook", "192.168.1.20, private network")]
    [InlineData("https://169.254.169.254/latest/meta-data/", "169.254.169.254, link-local")]
    [InlineData("https://100.64.0.1/hook", "100.64.0.1, shared carrier-grade NAT network")]
    [InlineData("https://224.0.0.1/hook", "224.0.0.1, multicast")]
    [InlineData("https://255.255.255.255/hook", "255.255.255.255, broadcast")]
    [InlineData("https://[::1]/hook", "::1, loopback")]
    [InlineData("https://[::]/hook", "::, unspecified")]
    [InlineData("https://[::ffff:127.0.0.1]/hook", "loopback")]
    [InlineData("https://[::ffff:7f00:1]/hook", "loopback")]
    [InlineData("https://[::ffff:169.254.169.254]/hook", "link-local")]
    [InlineData("https://[::127.0.0.1]/hook", "loopback")]
    [InlineData("https://[::8.8.8.8]/hook", "IPv4-compatible")]
    [InlineData("https://[64:ff9b::10.0.0.1]/hook", "private network")]
    [InlineData("https://[64:ff9b::169.254.169.254]/hook", "link-local")]
    [InlineData("https://[2002:7f00:1::1]/hook", "loopback")]
    [InlineData("https://[fe80::1]/hook", "link-local")]
    [InlineData("https://[febf::1]/hook", "link-local")]
    [InlineData("https://[fc00::1]/hook", "unique local")]
    [InlineData("https://[fd12:3456::1]/hook", "unique local")]
    [InlineData("https://[ff02::1]/hook", "multicast")]
    public async Task An_address_inside_the_servers_network_is_refused_in_every_spelling_with_the_reason(string url, string shown)
    {
        var message = await RefusalAsync(url);

        Assert.StartsWith(OwnNetwork, message, StringComparison.Ordinal);
        Assert.Contains(shown, message, StringComparison.Ordinal);
        Assert.EndsWith("An Admin can allow a named internal host in configuration: ServantLeader:Webhooks:AllowedInternalHosts.", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://localhost/hook")]
    [InlineData("https://api.localhost/hook")]
    public async Task Localhost_is_loopback_by_definition_and_is_refused_without_asking_a_resolver(string url)
    {
        // A resolver that never answers: a name it would have to resolve counts as "not known yet" and is let through.
        var asked = new List<string>();
        Options.ResolveHost = (host, ct) =>
        {
            asked.Add(host);
            return Task.FromException<IPAddress[]>(new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.TryAgain));
        };

        Assert.Contains("127.0.0.1, loopback", await RefusalAsync(url), StringComparison.Ordinal);
        Assert.Empty(asked);
        // A name the resolver is needed for is let through for now, to be checked again at every send.
        await RegisterAsync("https://hooks.example.test/hook");
        Assert.Equal(["hooks.example.test"], asked);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://hooks.example.org/x")]
    public async Task Plain_http_is_refused_unless_the_host_is_an_allowed_internal_one(string url)
    {
        var message = await RefusalAsync(url);

        Assert.Equal("Use https://. Plain http is allowed only for an internal host an Admin named in configuration (ServantLeader:Webhooks:AllowedInternalHosts).", message);
    }

    [Theory]
    [InlineData("https://good.example.org@127.0.0.1/hook")]
    [InlineData("https://hooks.example.org:443@169.254.169.254/hook")]
    public async Task A_user_name_in_front_of_the_host_is_refused(string url)
    {
        Assert.Equal("Leave the user name and password out of the address.", await RefusalAsync(url));
    }

    [Fact]
    public async Task A_public_looking_name_is_refused_when_any_of_its_addresses_is_internal()
    {
        _dns["hooks.example.test"] = [IPAddress.Parse("203.0.113.10"), IPAddress.Parse("10.0.0.7")];

        var message = await RefusalAsync("https://hooks.example.test/x");

        Assert.StartsWith(OwnNetwork + "10.0.0.7, private network)", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_public_address_or_a_name_that_resolves_to_one_is_accepted()
    {
        _dns["hooks.example.test"] = [IPAddress.Parse("203.0.113.10"), IPAddress.Parse("2001:db8::10")];

        await RegisterAsync("https://hooks.example.test/x");
        await RegisterAsync("https://93.184.215.14/x");

        Assert.Equal(2, (await Webhooks.EndpointsAsync(Org.Admin, default)).Count);
    }

    [Fact]
    public async Task A_name_that_points_inside_after_registration_is_refused_at_send_time_and_nothing_reaches_the_listener()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        _dns["hooks.example.test"] = [IPAddress.Parse("203.0.113.10")];
        var endpoint = await RegisterAsync($"https://hooks.example.test:{receiver.Url.Port}/hook");
        // DNS rebinding: the same name now answers with the listener's loopback address.
        _dns["hooks.example.test"] = [IPAddress.Loopback];
        await Org.AskAsync(Org.Mia);

        Assert.Equal(1, await Dispatcher.SendDueAsync(default));

        var attempt = Assert.Single(await Webhooks.DeliveriesAsync(Org.Admin, endpoint.EndpointId, default));
        Assert.Equal(DeliveryStatus.Pending, attempt.Status);
        Assert.StartsWith("Not sent: " + OwnNetwork + "127.0.0.1, loopback)", attempt.LastError, StringComparison.Ordinal);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task Plain_http_to_a_host_that_is_no_longer_allowed_is_refused_at_send_time()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        Options.AllowedInternalHosts = ["127.0.0.1"];
        var endpoint = await RegisterAsync(receiver.Url.ToString());
        Options.AllowedInternalHosts = [];
        await Org.AskAsync(Org.Mia);

        await Dispatcher.SendDueAsync(default);

        var attempt = Assert.Single(await Webhooks.DeliveriesAsync(Org.Admin, endpoint.EndpointId, default));
        Assert.StartsWith("Not sent: Use https://.", attempt.LastError, StringComparison.Ordinal);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task A_named_internal_host_an_Admin_allowed_is_reached_at_the_address_it_resolves_to()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        Options.AllowedInternalHosts = ["Chat.Internal."];
        _dns["chat.internal"] = [IPAddress.Loopback];
        var endpoint = await RegisterAsync($"http://chat.internal:{receiver.Url.Port}/hook");
        // Another internal name is still refused: the allowance is for the named host only.
        Assert.StartsWith(OwnNetwork + "127.0.0.1", await RefusalAsyncAfter("https://other.internal/hook", "other.internal"), StringComparison.Ordinal);
        await Org.AskAsync(Org.Mia);

        await Dispatcher.SendDueAsync(default);

        var delivered = Assert.Single(await Webhooks.DeliveriesAsync(Org.Admin, endpoint.EndpointId, default));
        Assert.Equal(DeliveryStatus.Delivered, delivered.Status);
        Assert.Single(receiver.Requests);
    }

    private async Task<string> RefusalAsyncAfter(string url, string host)
    {
        _dns[host] = [IPAddress.Loopback];
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => RegisterAsync(url));
        return Assert.Single(error.Errors[nameof(WebhookDraft.Url)]);
    }
}
