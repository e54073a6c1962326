using System.Globalization;
using ServantLeader.Domain.Requests;

namespace ServantLeader.Domain.Webhooks;

/// <summary>
/// The messages. A request's kind of help is left out as well as its words: "personal support" in a small
/// team's channel would say too much. The leader follows the link, where the usual access check applies.
/// </summary>
internal static class WebhookMessages
{
    public static WebhookMessage RequestCreated(int requestId, int teamId, string team, Urgency urgency, DateTimeOffset at) =>
        new(WebhookMessage.EventName(WebhookEvents.RequestCreated),
            $"A member of *{ChatText.Neutralise(team)}* asked their leader for help ({UrgencyText(urgency)} urgency).",
            teamId, team, "request", requestId, $"/requests/{requestId}", at,
            new Dictionary<string, string> { ["urgency"] = urgency.ToString().ToLowerInvariant() });

    public static WebhookMessage NotAcknowledged(int requestId, int teamId, string team, Urgency urgency, int hours,
        DateTimeOffset at) =>
        new(WebhookMessage.EventName(WebhookEvents.RequestNotAcknowledged),
            $"A request for help in *{ChatText.Neutralise(team)}* ({UrgencyText(urgency)} urgency) has waited more than {hours.ToString(CultureInfo.InvariantCulture)} h without being acknowledged.",
            teamId, team, "request", requestId, $"/requests/{requestId}", at,
            new Dictionary<string, string>
            {
                ["urgency"] = urgency.ToString().ToLowerInvariant(),
                ["hours"] = hours.ToString(CultureInfo.InvariantCulture),
            });

    public static WebhookMessage CheckInBlocker(int checkInId, int teamId, string team, DateTimeOffset at) =>
        new(WebhookMessage.EventName(WebhookEvents.CheckInBlocker),
            $"A check-in in *{ChatText.Neutralise(team)}* reports a blocker.",
            teamId, team, "checkin", checkInId, $"/check-ins/{checkInId}", at, new Dictionary<string, string>());

    /// <summary>
    /// Credit is public by design (it is on the team page), so names and the message go with it: in <c>text</c> made
    /// harmless for chat tools (<see cref="ChatText"/>), in <c>data</c> as written, for programs.
    /// </summary>
    public static WebhookMessage CreditGiven(int creditId, int teamId, string team, string giver, string receiver,
        string message, DateTimeOffset at) =>
        new(WebhookMessage.EventName(WebhookEvents.CreditGiven),
            $"{ChatText.Neutralise(giver)} gave credit to {ChatText.Neutralise(receiver)} in *{ChatText.Neutralise(team)}*: “{ChatText.Neutralise(message)}”",
            teamId, team, "credit", creditId, $"/teams/{teamId}", at,
            new Dictionary<string, string> { ["giver"] = giver, ["receiver"] = receiver, ["message"] = message });

    /// <summary>
    /// Sent only once the person made the achievement public in this team: their name and the goal's "what" (what the
    /// team page shows), never why it mattered to them or how progress showed.
    /// </summary>
    public static WebhookMessage GoalAchieved(int goalId, int teamId, string team, string person, string goal, DateTimeOffset at) =>
        new(WebhookMessage.EventName(WebhookEvents.GoalAchieved),
            $"{ChatText.Neutralise(person)} achieved a growth goal in *{ChatText.Neutralise(team)}*: “{ChatText.Neutralise(goal)}”",
            teamId, team, "goal", goalId, $"/teams/{teamId}", at,
            new Dictionary<string, string> { ["person"] = person, ["goal"] = goal });

    private static string UrgencyText(Urgency urgency) => urgency.ToString().ToLowerInvariant();
}
