using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Credits;
using ServantLeader.Domain.Webhooks;
using ServantLeader.TestData;

namespace ServantLeader.Domain.Tests.Webhooks;

/// <summary>
/// The queue, the signature and the retries, against a real HTTP listener on loopback. The dispatcher's rounds are
/// called directly, with the test's clock, so backoff is tested without waiting for it.
/// </summary>
[Trait("Area", "Integrations")]
public sealed class WebhookTests : OrganisationTests
{
    private WebhookService Webhooks => Db.Get<WebhookService>();
    private WebhookDispatcher Dispatcher => Db.Get<WebhookDispatcher>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // The test receiver listens on loopback, which webhooks may reach only as an internal host an Admin allowed.
        Db.Get<IOptions<WebhookOptions>>().Value.AllowedInternalHosts = ["127.0.0.1"];
    }

    private async Task<(WebhookReceiver Receiver, WebhookSecret Secret)> RegisterAsync(WebhookEvents events, int hours = 24)
    {
        var receiver = await WebhookReceiver.StartAsync();
        var secret = await Webhooks.CreateAsync(Org.Admin, new WebhookDraft
        {
            Url = receiver.Url.ToString(), Description = "Test channel", Events = events, AcknowledgeWithinHours = hours,
        }, default);
        return (receiver, secret);
    }

    [Fact]
    public async Task A_new_request_is_delivered_signed_slack_compatible_and_without_private_words()
    {
        var (receiver, secret) = await RegisterAsync(WebhookEvents.RequestCreated);
        await using var _ = receiver;
        var request = await Org.AskAsync(Org.Mia, "Private title about my health");

        Assert.Equal(1, await Dispatcher.SendDueAsync(default));

        var received = Assert.Single(receiver.Requests);
        Assert.True(WebhookSignature.Verify(secret.Secret, received.Headers[WebhookSignature.TimestampHeader],
            received.Headers[WebhookSignature.SignatureHeader], received.Body, Db.Clock.Now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("whsec_wrong", received.Headers[WebhookSignature.TimestampHeader],
            received.Headers[WebhookSignature.SignatureHeader], received.Body, Db.Clock.Now, TimeSpan.FromMinutes(5)));
        // A replay an hour later fails the timestamp check even with the right secret.
        Assert.False(WebhookSignature.Verify(secret.Secret, received.Headers[WebhookSignature.TimestampHeader],
            received.Headers[WebhookSignature.SignatureHeader], received.Body, Db.Clock.Now.AddHours(1), TimeSpan.FromMinutes(5)));
        Assert.Equal("request.created", received.Headers[WebhookSignature.EventHeader]);
        Assert.StartsWith("application/json", received.Headers["Content-Type"], StringComparison.Ordinal);

        var json = JsonDocument.Parse(received.Body).RootElement;
        Assert.Equal("request.created", json.GetProperty("event").GetString());
        Assert.Equal(request.Id, json.GetProperty("subject").GetProperty("id").GetInt32());
        Assert.Equal("Product", json.GetProperty("team").GetProperty("name").GetString());
        var text = json.GetProperty("text").GetString()!;
        Assert.Contains("*Product*", text, StringComparison.Ordinal);
        var raw = System.Text.Encoding.UTF8.GetString(received.Body);
        foreach (var secretWords in new[] { "Private title", "pending for two days", "Mia", "removing", "obstacle" })
        {
            Assert.DoesNotContain(secretWords, raw, StringComparison.OrdinalIgnoreCase);
        }

        var history = await Webhooks.DeliveriesAsync(Org.Admin, secret.EndpointId, default);
        var delivered = Assert.Single(history);
        Assert.Equal(DeliveryStatus.Delivered, delivered.Status);
        Assert.Equal(200, delivered.LastStatusCode);
        Assert.Equal(0, await Dispatcher.SendDueAsync(default));
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_with_growing_pauses_until_it_succeeds()
    {
        var (receiver, secret) = await RegisterAsync(WebhookEvents.RequestCreated);
        await using var _ = receiver;
        receiver.AnswerWith(500, 503);
        await Org.AskAsync(Org.Mia);

        await Dispatcher.SendDueAsync(default);
        var first = Assert.Single(await Webhooks.DeliveriesAsync(Org.Admin, secret.EndpointId, default));
        Assert.Equal(DeliveryStatus.Pending, first.Status);
        Assert.Equal(1, first.Attempts);
        Assert.Equal(500, first.LastStatusCode);
        Assert.Equal(Db.Clock.Now + TimeSpan.FromSeconds(30), first.NextAttemptAt);

        // Not due yet: nothing is sent.
        Db.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, await Dispatcher.SendDueAsync(default));
        Db.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Dispatcher.SendDueAsync(default));
        var second = Assert.Single(await Webhooks.DeliveriesAsync(Org.Admin, secret.EndpointId, default));
        Assert.Equal(2, second.Attempts);
        Assert.Equal(Db.Clock.Now + TimeSpan.FromMinutes(2), second.NextAttemptAt);

        Db.Clock.Advance(TimeSpan.FromMinutes(2));
        await Dispatcher.SendDueAsync(default);
        var third = Assert.Single(await Webhooks.DeliveriesAsync(Org.Admin, secret.EndpointId, default));
        Assert.Equal(DeliveryStatus.Delivered, third.Status);
        Assert.Equal(3, third.Attempts);
        Assert.Equal(3, receiver.Requests.Count);
        // Each attempt carries the same delivery id, so a receiver can drop duplicates.
        Assert.Single(receiver.Requests.Select(r => r.Headers[WebhookSignature.DeliveryHeader]).Distinct());
    }

    [Fact]
    public async Task After_eight_failures_a_delivery_stops_and_an_admin_can_send_it_again()
    {
        var (receiver, secret) = await RegisterAsync(WebhookEvents.RequestCreated);
        await using var _ = receiver;
        receiver.AnswerWith(Enumerable.Repeat(500, WebhookDelivery.MaxAttempts).ToArray());
        await Org.AskAsync(Org.Mia);

        for (var i = 0; i < WebhookDelivery.MaxAttempts; i++)
        {
            await Dispatcher.SendDueAsync(default);
            Db.Clock.Advance(TimeSpan.FromHours(3));
        }
        var failed = Assert.Single(await Webhooks.DeliveriesAsync(Org.Admin, secret.EndpointId, default));
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.Equal(WebhookDelivery.MaxAttempts, failed.Attempts);
        Assert.Equal(0, await Dispatcher.SendDueAsync(default));

        await Assert.ThrowsAsync<ActionNotAllowedException>(() => Webhooks.RetryAsync(Org.Hr, failed.Id, default));
        await Webhooks.RetryAsync(Org.Admin, failed.Id, default);
        Assert.Equal(1, await Dispatcher.SendDueAsync(default));
        Assert.Equal(DeliveryStatus.Delivered, (await Webhooks.DeliveriesAsync(Org.Admin, secret.EndpointId, default)).Single().Status);
    }

    [Fact]
    public async Task An_unreachable_or_slow_receiver_counts_as_a_failed_attempt()
    {
        var (receiver, secret) = await RegisterAsync(WebhookEvents.CreditGiven);
        Db.Get<IOptions<WebhookOptions>>().Value.Timeout = TimeSpan.FromMilliseconds(300);
        receiver.Delay = TimeSpan.FromSeconds(5);
        await Db.Get<CreditService>().GiveAsync(Org.Max, new GiveCredit { TeamId = Org.Product, ReceiverId = Org.Mia.PersonId, Message = "Thanks <b>Mia</b> & co" }, default);

        await Dispatcher.SendDueAsync(default);
        var slow = Assert.Single(await Webhooks.DeliveriesAsync(Org.Admin, secret.EndpointId, default));
        Assert.Equal(DeliveryStatus.Pending, slow.Status);
        Assert.Contains("No answer within", slow.LastError, StringComparison.Ordinal);

        // The sender gives up after 300 ms, so on a busy machine the slow receiver may never have seen that request.
        // The retry goes to a receiver that answers at once, so the body is checked on a request it surely received.
        receiver.Delay = TimeSpan.Zero;
        Db.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await Dispatcher.SendDueAsync(default));
        var retried = Assert.Single(await Webhooks.DeliveriesAsync(Org.Admin, secret.EndpointId, default));
        Assert.Equal(DeliveryStatus.Delivered, retried.Status);
        Assert.Equal(2, retried.Attempts);
        // Credit is public: names and message go out, with Slack's control characters escaped in the text.
        var body = JsonDocument.Parse(receiver.Requests.Last().Body).RootElement;
        Assert.Contains("Thanks &lt;b&gt;Mia&lt;/b&gt; &amp; co", body.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("Thanks <b>Mia</b> & co", body.GetProperty("data").GetProperty("message").GetString());

        await Db.Get<CreditService>().GiveAsync(Org.Max, new GiveCredit { TeamId = Org.Product, ReceiverId = Org.Mia.PersonId, Message = "Again" }, default);
        await receiver.DisposeAsync();
        await Dispatcher.SendDueAsync(default);
        var down = Assert.Single(await Webhooks.DeliveriesAsync(Org.Admin, secret.EndpointId, default), d => d.Status != DeliveryStatus.Delivered);
        Assert.Equal(DeliveryStatus.Pending, down.Status);
        Assert.Equal(1, down.Attempts);
        Assert.StartsWith("Could not reach the receiver", down.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_go_only_to_endpoints_that_asked_for_them_and_a_blocker_only_once()
    {
        var (blockers, blockerSecret) = await RegisterAsync(WebhookEvents.CheckInBlocker);
        var (credits, creditSecret) = await RegisterAsync(WebhookEvents.CreditGiven);
        await using var _ = blockers;
        await using var __ = credits;
        var checkInReview = Db.Get<CheckInReview>();
        var checkInWriting = Db.Get<CheckInWriting>();

        await Org.AskAsync(Org.Mia);
        var id = await checkInWriting.SubmitAsync(Org.Mia, new CheckInAnswers { TeamId = Org.Product, Pulse = 2, Challenges = "The build is broken" }, default);
        var view = await checkInReview.GetAsync(Org.Mia, id, default);
        await checkInWriting.SubmitAsync(Org.Mia, new CheckInAnswers { TeamId = Org.Product, Pulse = 2, Challenges = "Still broken", ExpectedVersion = view.Version }, default);
        await Dispatcher.SendDueAsync(default);

        var blocker = Assert.Single(blockers.Requests);
        var raw = System.Text.Encoding.UTF8.GetString(blocker.Body);
        Assert.Contains("checkin.blocker", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("broken", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Mia", raw, StringComparison.Ordinal);
        Assert.Empty(credits.Requests);
        Assert.Empty(await Webhooks.DeliveriesAsync(Org.Admin, creditSecret.EndpointId, default));
        Assert.Single(await Webhooks.DeliveriesAsync(Org.Admin, blockerSecret.EndpointId, default));
    }

    [Fact]
    public async Task A_request_waiting_past_the_limit_is_announced_once_per_endpoint()
    {
        var (receiver, secret) = await RegisterAsync(WebhookEvents.RequestNotAcknowledged, hours: 4);
        await using var _ = receiver;
        var waiting = await Org.AskAsync(Org.Mia, "Waiting");
        var answered = await Org.AskAsync(Org.Max, "Answered");
        await Org.Requests.AcknowledgeAsync(Org.Lea, Organisation.Respond(answered), default);

        Db.Clock.Advance(TimeSpan.FromHours(3.9));
        Assert.Equal(0, await Dispatcher.QueueOverdueRequestsAsync(default));
        Db.Clock.Advance(TimeSpan.FromHours(0.2));
        Assert.Equal(1, await Dispatcher.QueueOverdueRequestsAsync(default));
        Assert.Equal(0, await Dispatcher.QueueOverdueRequestsAsync(default));
        await Dispatcher.SendDueAsync(default);

        var body = JsonDocument.Parse(Assert.Single(receiver.Requests).Body).RootElement;
        Assert.Equal("request.not_acknowledged", body.GetProperty("event").GetString());
        Assert.Equal(waiting.Id, body.GetProperty("subject").GetProperty("id").GetInt32());
        Assert.Contains("more than 4 h", body.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_endpoint_is_not_flooded_with_requests_that_were_overdue_before_it_existed()
    {
        await Org.AskAsync(Org.Mia, "Old and forgotten");
        Db.Clock.Advance(TimeSpan.FromDays(10));
        var (receiver, _) = await RegisterAsync(WebhookEvents.RequestNotAcknowledged, hours: 24);
        await using var __ = receiver;

        Assert.Equal(0, await Dispatcher.QueueOverdueRequestsAsync(default));
    }

    [Fact]
    public async Task A_row_broken_by_hand_fails_on_its_own_and_the_rest_of_the_queue_goes_out()
    {
        var (receiver, secret) = await RegisterAsync(WebhookEvents.RequestCreated);
        await using var _ = receiver;
        var broken = await Org.AskAsync(Org.Mia, "First");
        await Org.AskAsync(Org.Max, "Second");
        await using (var db = Db.NewDb())
        {
            await db.WebhookDeliveries.Where(d => d.SubjectId == broken.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Message, "{ not json"));
        }

        Assert.Equal(2, await Dispatcher.SendDueAsync(default));

        var history = await Webhooks.DeliveriesAsync(Org.Admin, secret.EndpointId, default);
        Assert.StartsWith("Could not send", history.Single(d => d.SubjectId == broken.Id).LastError, StringComparison.Ordinal);
        Assert.Equal(DeliveryStatus.Delivered, history.Single(d => d.SubjectId != broken.Id).Status);
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task A_paused_endpoint_keeps_its_queue_until_resumed()
    {
        var (receiver, secret) = await RegisterAsync(WebhookEvents.RequestCreated);
        await using var _ = receiver;
        await Webhooks.SetActiveAsync(Org.Admin, secret.EndpointId, active: false, default);
        await Org.AskAsync(Org.Mia);
        Assert.Equal(0, await Dispatcher.SendDueAsync(default));

        await Webhooks.SetActiveAsync(Org.Admin, secret.EndpointId, active: true, default);
        await Org.AskAsync(Org.Max);
        Assert.Equal(1, await Dispatcher.SendDueAsync(default));
        Assert.Single(receiver.Requests);
    }

    [Theory]
    [InlineData("http://hooks.example.org/x", "Url")]
    [InlineData("ftp://hooks.example.org/x", "Url")]
    [InlineData("https://user:pass@hooks.example.org/x", "Url")]
    [InlineData("not a url", "Url")]
    [InlineData("", "Url")]
    public async Task Bad_urls_are_refused_with_a_message_and_nothing_is_saved(string url, string field)
    {
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => Webhooks.CreateAsync(Org.Admin,
            new WebhookDraft { Url = url, Description = "x", Events = WebhookEvents.RequestCreated }, default));
        Assert.True(error.Errors.ContainsKey(field));
        Assert.Empty(await Webhooks.EndpointsAsync(Org.Admin, default));
    }

    [Fact]
    public async Task Only_an_admin_manages_webhooks_and_an_endpoint_needs_an_event()
    {
        var draft = new WebhookDraft { Url = "https://hooks.example.org/x", Description = "x", Events = WebhookEvents.None };
        foreach (var notAdmin in new[] { Org.Hr, Org.Lea, Org.Mia })
        {
            await Assert.ThrowsAsync<ActionNotAllowedException>(() => Webhooks.EndpointsAsync(notAdmin, default));
            await Assert.ThrowsAsync<ActionNotAllowedException>(() => Webhooks.CreateAsync(notAdmin, draft, default));
        }
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => Webhooks.CreateAsync(Org.Admin, draft, default));
        Assert.True(error.Errors.ContainsKey(nameof(WebhookDraft.Events)));

        draft.Events = WebhookEvents.RequestNotAcknowledged;
        draft.AcknowledgeWithinHours = 0;
        error = await Assert.ThrowsAsync<RuleViolationException>(() => Webhooks.CreateAsync(Org.Admin, draft, default));
        Assert.True(error.Errors.ContainsKey(nameof(WebhookDraft.AcknowledgeWithinHours)));
    }

    [Fact]
    public async Task The_secret_is_shown_once_and_a_rotated_one_signs_from_then_on()
    {
        var (receiver, secret) = await RegisterAsync(WebhookEvents.RequestCreated);
        await using var _ = receiver;
        Assert.StartsWith("whsec_", secret.Secret, StringComparison.Ordinal);
        var rows = await Webhooks.EndpointsAsync(Org.Admin, default);
        Assert.DoesNotContain(secret.Secret, JsonSerializer.Serialize(rows), StringComparison.Ordinal);

        var rotated = await Webhooks.RotateSecretAsync(Org.Admin, secret.EndpointId, default);
        Assert.NotEqual(secret.Secret, rotated.Secret);
        await Org.AskAsync(Org.Mia);
        await Dispatcher.SendDueAsync(default);
        var received = Assert.Single(receiver.Requests);
        Assert.True(WebhookSignature.Verify(rotated.Secret, received.Headers[WebhookSignature.TimestampHeader],
            received.Headers[WebhookSignature.SignatureHeader], received.Body, Db.Clock.Now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(secret.Secret, received.Headers[WebhookSignature.TimestampHeader],
            received.Headers[WebhookSignature.SignatureHeader], received.Body, Db.Clock.Now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task Queueing_is_part_of_the_change_so_a_failed_change_queues_nothing()
    {
        var (receiver, _) = await RegisterAsync(WebhookEvents.RequestCreated);
        await using var __ = receiver;
        var bad = Org.Ask("");
        await Assert.ThrowsAsync<RuleViolationException>(() => Org.Requests.AskAsync(Org.Mia, bad, default));
        await using var db = Db.NewDb();
        Assert.Equal(0, await db.WebhookDeliveries.CountAsync());
        Assert.Equal(0, await db.Notifications.CountAsync());
    }
}
