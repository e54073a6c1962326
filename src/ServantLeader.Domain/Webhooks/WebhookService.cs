using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Audit;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;

namespace ServantLeader.Domain.Webhooks;

/// <summary>Registering endpoints and reading their delivery history. Admin only.</summary>
public sealed class WebhookService(IDbContextFactory<ServantLeaderDb> dbs, WebhookDestinations destinations, TimeProvider time)
{
    public const int HistorySize = 100;

    public async Task<IReadOnlyList<WebhookEndpointRow>> EndpointsAsync(Actor actor, CancellationToken ct)
    {
        RequireAdmin(actor);
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.WebhookEndpoints
            .OrderByDescending(e => e.IsActive).ThenBy(e => e.Description).ThenBy(e => e.Id)
            .Select(e => new WebhookEndpointRow(e.Id, e.Url, e.Description, e.Events, e.AcknowledgeWithinHours, e.IsActive,
                e.CreatedAt,
                db.WebhookDeliveries.Count(d => d.EndpointId == e.Id && d.Status == DeliveryStatus.Pending),
                db.WebhookDeliveries.Count(d => d.EndpointId == e.Id && d.Status == DeliveryStatus.Failed),
                db.WebhookDeliveries.Where(d => d.EndpointId == e.Id && d.DeliveredAt != null).Max(d => d.DeliveredAt)))
            .ToListAsync(ct);
    }

    public async Task<WebhookDraft> DraftAsync(Actor actor, int endpointId, CancellationToken ct)
    {
        RequireAdmin(actor);
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.WebhookEndpoints.Where(e => e.Id == endpointId)
            .Select(e => new WebhookDraft
            {
                Url = e.Url, Description = e.Description, Events = e.Events, AcknowledgeWithinHours = e.AcknowledgeWithinHours,
            })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
    }

    public async Task<WebhookSecret> CreateAsync(Actor actor, WebhookDraft draft, CancellationToken ct)
    {
        RequireAdmin(actor);
        var (url, description, hours) = await ValidateAsync(draft, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var secret = WebhookSignature.NewSecret();
        var endpoint = new WebhookEndpoint(url, description, secret, draft.Events, hours, time.GetUtcNow());
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(ct);
        AuditLog.Record(db, actor.PersonId, "webhook.created", "webhook", endpoint.Id, $"Webhook “{description}” registered for {url}.", endpoint.CreatedAt);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new WebhookSecret(endpoint.Id, secret);
    }

    public async Task UpdateAsync(Actor actor, int endpointId, WebhookDraft draft, CancellationToken ct)
    {
        RequireAdmin(actor);
        var (url, description, hours) = await ValidateAsync(draft, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == endpointId, ct) ?? throw new NotFoundException();
        endpoint.Change(url, description, draft.Events, hours);
        AuditLog.Record(db, actor.PersonId, "webhook.changed", "webhook", endpoint.Id, $"Webhook “{description}” changed ({url}).", time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    public async Task<WebhookSecret> RotateSecretAsync(Actor actor, int endpointId, CancellationToken ct)
    {
        RequireAdmin(actor);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == endpointId, ct) ?? throw new NotFoundException();
        var secret = WebhookSignature.NewSecret();
        endpoint.RotateSecret(secret);
        AuditLog.Record(db, actor.PersonId, "webhook.secret", "webhook", endpoint.Id, $"Webhook “{endpoint.Description}”: new signing secret.", time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new WebhookSecret(endpoint.Id, secret);
    }

    /// <summary>Pausing keeps the queue: deliveries wait and go out once the endpoint is active again.</summary>
    public async Task SetActiveAsync(Actor actor, int endpointId, bool active, CancellationToken ct)
    {
        RequireAdmin(actor);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == endpointId, ct) ?? throw new NotFoundException();
        endpoint.SetActive(active);
        AuditLog.Record(db, actor.PersonId, active ? "webhook.resumed" : "webhook.paused", "webhook", endpoint.Id,
            $"Webhook “{endpoint.Description}” {(active ? "resumed" : "paused")}.", time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The newest deliveries of one endpoint.</summary>
    public async Task<IReadOnlyList<WebhookDeliveryRow>> DeliveriesAsync(Actor actor, int endpointId, CancellationToken ct)
    {
        RequireAdmin(actor);
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.WebhookEndpoints.AnyAsync(e => e.Id == endpointId, ct))
        {
            throw new NotFoundException();
        }
        return await db.WebhookDeliveries
            .Where(d => d.EndpointId == endpointId)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Take(HistorySize)
            .Select(d => new WebhookDeliveryRow(d.Id, d.Event, d.SubjectId, d.CreatedAt, d.Status, d.Attempts, d.LastAttemptAt,
                d.LastStatusCode, d.LastError, d.Status == DeliveryStatus.Pending ? d.NextAttemptAt : null, d.DeliveredAt))
            .ToListAsync(ct);
    }

    /// <summary>Sends a failed (or waiting) delivery again at the next round, with a fresh count of attempts.</summary>
    public async Task RetryAsync(Actor actor, long deliveryId, CancellationToken ct)
    {
        RequireAdmin(actor);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId, ct) ?? throw new NotFoundException();
        if (delivery.Status == DeliveryStatus.Delivered)
        {
            throw new RuleViolationException("This delivery already succeeded.");
        }
        delivery.Retry(time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    private async Task<(string Url, string Description, int Hours)> ValidateAsync(WebhookDraft draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var rules = new Rules();
        var url = rules.Text(nameof(draft.Url), draft.Url, WebhookEndpoint.UrlLength, required: true, "The URL", TextKind.Line);
        var description = rules.Text(nameof(draft.Description), draft.Description, WebhookEndpoint.DescriptionLength,
            required: true, "A description");
        if (url.Length > 0)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                rules.Add(nameof(draft.Url), "Enter a full web address starting with https://.");
            }
            else if (!string.IsNullOrEmpty(uri.UserInfo))
            {
                // Also the "https://good.example@127.0.0.1" trick, where the part a reader notices is not the host.
                rules.Add(nameof(draft.Url), "Leave the user name and password out of the address.");
            }
            else if (await destinations.RefusalAsync(uri, ct) is { } refusal)
            {
                rules.Add(nameof(draft.Url), refusal);
            }
        }
        var known = WebhookEvents.RequestCreated | WebhookEvents.RequestNotAcknowledged | WebhookEvents.CheckInBlocker
                    | WebhookEvents.CreditGiven | WebhookEvents.GoalAchieved;
        rules.Check(draft.Events != WebhookEvents.None && (draft.Events & ~known) == 0, nameof(draft.Events),
            "Choose at least one event.");
        if ((draft.Events & WebhookEvents.RequestNotAcknowledged) != 0)
        {
            rules.Check(draft.AcknowledgeWithinHours is >= WebhookEndpoint.MinHours and <= WebhookEndpoint.MaxHours,
                nameof(draft.AcknowledgeWithinHours),
                $"Enter a number of hours from {WebhookEndpoint.MinHours} to {WebhookEndpoint.MaxHours}.");
        }
        rules.ThrowIfAny();
        // Without the overdue event the hours are unused; keep a sensible value for when it is ticked later.
        var hours = draft.AcknowledgeWithinHours is >= WebhookEndpoint.MinHours and <= WebhookEndpoint.MaxHours
            ? draft.AcknowledgeWithinHours : 24;
        return (url, description, hours);
    }

    private static void RequireAdmin(Actor actor)
    {
        if (!actor.IsAdmin)
        {
            throw new ActionNotAllowedException("Only an administrator manages webhooks.");
        }
    }
}
