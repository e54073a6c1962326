using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Requests;

namespace ServantLeader.Domain.Webhooks;

/// <summary>
/// Sends what the queue holds, and notices requests that waited too long for acknowledgement. Safe with several app
/// instances: each delivery is claimed with a conditional update before it is sent, and the unique key on
/// (endpoint, event, subject) stops two instances from queueing the same overdue request.
/// </summary>
public sealed partial class WebhookDispatcher(
    IDbContextFactory<ServantLeaderDb> dbs,
    IHttpClientFactory clients,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "webhooks";
    private const int Batch = 20;
    private static readonly TimeSpan Claim = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await QueueOverdueRequestsAsync(stoppingToken);
                while (await SendDueAsync(stoppingToken) == Batch)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Whatever went wrong (a locked database, a bad row), the loop must go on: an exception leaving a
                // background service stops the whole app. The next round tries again.
                LogRoundFailed(logger, ex);
            }
            try
            {
                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One round: sends up to a batch of due deliveries and returns how many it tried.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        List<long> due;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            due = await db.WebhookDeliveries
                .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now
                            && (d.ClaimedUntil == null || d.ClaimedUntil < now) && d.Endpoint.IsActive)
                .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id)
                .Select(d => d.Id)
                .Take(Batch)
                .ToListAsync(ct);
        }
        foreach (var id in due)
        {
            await SendOneAsync(id, ct);
        }
        return due.Count;
    }

    private async Task SendOneAsync(long deliveryId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var until = now + Claim;
        var claimed = await db.WebhookDeliveries
            .Where(d => d.Id == deliveryId && d.Status == DeliveryStatus.Pending && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntil, until), ct);
        if (claimed == 0)
        {
            return;
        }
        var delivery = await db.WebhookDeliveries.Include(d => d.Endpoint).SingleAsync(d => d.Id == deliveryId, ct);
        try
        {
            await SendAsync(delivery, ct);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            delivery.FailedAttempt(null, $"No answer within {options.Value.Timeout.TotalSeconds:0} s.", time.GetUtcNow());
        }
        catch (HttpRequestException ex) when (ex.InnerException is WebhookDestinationException refused)
        {
            delivery.FailedAttempt(null, $"Not sent: {refused.Message}", time.GetUtcNow());
        }
        catch (HttpRequestException ex)
        {
            delivery.FailedAttempt(null, $"Could not reach the receiver: {ex.Message}", time.GetUtcNow());
        }
        catch (Exception ex) when (ex is InvalidOperationException or UriFormatException or JsonException or InvalidDataException)
        {
            // A URL HttpClient refuses or a message that no longer reads (a row edited by hand, say): a failed attempt
            // shown in the history, not a queue stuck on one row.
            delivery.FailedAttempt(null, $"Could not send: {ex.Message}", time.GetUtcNow());
        }
        if (delivery.Status != DeliveryStatus.Delivered)
        {
            LogAttemptFailed(logger, delivery.Id, delivery.EndpointId, delivery.Attempts, delivery.LastError);
        }
        // The outcome is saved even when the host is stopping, so a sent delivery is not sent again after a restart.
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task SendAsync(WebhookDelivery delivery, CancellationToken ct)
    {
        var body = WebhookMessage.FromJson(delivery.Message).Body(delivery.Id, options.Value.PublicUrl);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Endpoint.Url);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(delivery.Endpoint.Secret, timestamp, body));
        request.Headers.Add(WebhookSignature.EventHeader, WebhookMessage.EventName(delivery.Event));
        request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id.ToString(CultureInfo.InvariantCulture));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.Timeout);
        using var response = await clients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
        var code = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            delivery.Succeeded(code, time.GetUtcNow());
        }
        else
        {
            delivery.FailedAttempt(code, $"The receiver answered {code} {response.ReasonPhrase}.", time.GetUtcNow());
        }
    }

    /// <summary>
    /// Queues "not acknowledged" for requests still open past each endpoint's limit. Only requests whose limit passed
    /// after the endpoint was registered count, so a new endpoint is not flooded with old history.
    /// </summary>
    public async Task<int> QueueOverdueRequestsAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var endpoints = await db.WebhookEndpoints
            .Where(e => e.IsActive && (e.Events & WebhookEvents.RequestNotAcknowledged) == WebhookEvents.RequestNotAcknowledged)
            .Select(e => new { e.Id, e.AcknowledgeWithinHours, e.CreatedAt })
            .ToListAsync(ct);
        var queued = 0;
        foreach (var endpoint in endpoints)
        {
            var limit = TimeSpan.FromHours(endpoint.AcknowledgeWithinHours);
            var cutoff = now - limit;
            var since = endpoint.CreatedAt - limit;
            var overdue = await db.ServiceRequests
                .Where(r => r.Status == RequestStatus.Open && r.CreatedAt <= cutoff && r.CreatedAt >= since
                            && !db.WebhookDeliveries.Any(d => d.EndpointId == endpoint.Id
                                                              && d.Event == WebhookEvents.RequestNotAcknowledged
                                                              && d.SubjectId == r.Id))
                .OrderBy(r => r.CreatedAt)
                .Select(r => new { r.Id, r.TeamId, Team = r.Team.Name, r.Urgency, r.CreatedAt })
                .Take(100)
                .ToListAsync(ct);
            foreach (var r in overdue)
            {
                var message = WebhookMessages.NotAcknowledged(r.Id, r.TeamId, r.Team, r.Urgency,
                    endpoint.AcknowledgeWithinHours, r.CreatedAt + limit);
                db.WebhookDeliveries.Add(new WebhookDelivery(endpoint.Id, WebhookEvents.RequestNotAcknowledged, r.Id,
                    message.ToJson(), now));
            }
            queued += overdue.Count;
        }
        if (queued > 0)
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another instance queued some of them first; the unique key kept it to one. The next round adds the rest.
                return 0;
            }
        }
        return queued;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} to endpoint {EndpointId} failed (attempt {Attempts}): {Error}")]
    private static partial void LogAttemptFailed(ILogger logger, long deliveryId, int endpointId, int attempts, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A webhook round failed; the next one tries again")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
