using System.Globalization;
using ServantLeader.Domain.Webhooks;

namespace ServantLeader.Web.Components.Pages.Webhooks;

/// <summary>The events an admin can pick for a webhook, in words, for the form and the table.</summary>
internal static class WebhookEventChoices
{
    public static readonly (WebhookEvents Flag, string Text)[] All =
    [
        (WebhookEvents.RequestCreated, "A member asks for help"),
        (WebhookEvents.RequestNotAcknowledged, "A request is not acknowledged in time"),
        (WebhookEvents.CheckInBlocker, "A check-in reports a blocker"),
        (WebhookEvents.CreditGiven, "Someone gives public credit"),
        (WebhookEvents.GoalAchieved, "Someone shares an achieved growth goal with their team"),
    ];

    public static string Text(WebhookEvents events, int hours) => string.Join(", ", All
        .Where(c => (events & c.Flag) != 0)
        .Select(c => c.Flag == WebhookEvents.RequestNotAcknowledged
            ? $"not acknowledged in {hours.ToString(CultureInfo.InvariantCulture)} h"
            : WebhookMessage.EventName(c.Flag)));
}
