using ServantLeader.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Notifications;
using ServantLeader.Domain.Webhooks;

namespace ServantLeader.Domain.Requests;

/// <summary>
/// Who hears about a request, added to the caller's DbContext so the notice is saved with the change. The text names
/// the person and the kind of help, never the title or details.
/// </summary>
internal static class RequestAnnouncements
{
    /// <summary>A saved new request: its team's leaders are notified, and subscribed webhooks are queued.</summary>
    public static async Task CreatedAsync(ServantLeaderDb db, ServiceRequest request, CancellationToken ct)
    {
        var names = await db.ServiceRequests.Where(r => r.Id == request.Id)
            .Select(r => new { Requester = r.Requester.DisplayName, Team = r.Team.Name })
            .SingleAsync(ct);
        AuditLog.Record(db, request.RequesterId, "request.created", "request", request.Id,
            $"{names.Requester} asked the leaders of {names.Team} for help (request {request.Id}).", request.CreatedAt);
        await Notify.LeadersAsync(db, request.TeamId, request.RequesterId, NotificationKind.RequestCreated,
            CreatedText(names.Requester, request.Category, request.Urgency), $"/requests/{request.Id}", request.CreatedAt, ct);
        await WebhookQueue.AddAsync(db, WebhookEvents.RequestCreated,
            WebhookMessages.RequestCreated(request.Id, request.TeamId, names.Team, request.Urgency, request.CreatedAt),
            request.CreatedAt, ct);
    }

    public static string CreatedText(string requester, Support.SupportCategory category, Urgency urgency) =>
        $"{requester} asked for help ({Support.SupportCategoryText.Label(category).ToLowerInvariant()}, {urgency.ToString().ToLowerInvariant()} urgency).";

    /// <summary>A state change by one side tells the other: leaders' answers go to the requester, and back.</summary>
    public static async Task ChangedAsync(ServantLeaderDb db, ServiceRequest request, int actorId, bool byLeader, string what,
        DateTimeOffset at, CancellationToken ct)
    {
        var actor = await db.People.Where(p => p.Id == actorId).Select(p => p.DisplayName).SingleAsync(ct);
        var link = $"/requests/{request.Id}";
        AuditLog.Record(db, actorId, "request." + what.Split(' ')[0], "request", request.Id,
            $"{actor} {what} request {request.Id}.", at);
        if (byLeader)
        {
            Notify.Person(db, request.RequesterId, NotificationKind.RequestChanged, $"{actor} {what} your request for help.", link, at);
        }
        else
        {
            await Notify.LeadersAsync(db, request.TeamId, actorId, NotificationKind.RequestChanged,
                $"{actor} {what} their request for help.", link, at, ct);
        }
    }
}
