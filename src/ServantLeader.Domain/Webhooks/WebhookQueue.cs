using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Data;

namespace ServantLeader.Domain.Webhooks;

/// <summary>
/// How the other slices announce an event: a delivery row per subscribed endpoint, added to the caller's DbContext
/// so it is saved with the change itself. Nothing is sent here; the dispatcher does that after the commit.
/// </summary>
internal static class WebhookQueue
{
    public static async Task AddAsync(ServantLeaderDb db, WebhookEvents @event, WebhookMessage message, DateTimeOffset at,
        CancellationToken ct)
    {
        var endpoints = await db.WebhookEndpoints
            .Where(e => e.IsActive && (e.Events & @event) == @event)
            .Select(e => e.Id)
            .ToListAsync(ct);
        if (endpoints.Count == 0)
        {
            return;
        }
        var already = await db.WebhookDeliveries
            .Where(d => d.Event == @event && d.SubjectId == message.SubjectId && endpoints.Contains(d.EndpointId))
            .Select(d => d.EndpointId)
            .ToListAsync(ct);
        var json = message.ToJson();
        foreach (var endpoint in endpoints.Except(already))
        {
            db.WebhookDeliveries.Add(new WebhookDelivery(endpoint, @event, message.SubjectId, json, at));
        }
    }
}
