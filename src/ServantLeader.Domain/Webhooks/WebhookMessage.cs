using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServantLeader.Domain.Webhooks;

/// <summary>
/// What a delivery says. Built from ids, team names, categories and public credit only: never a request's title or
/// details, a check-in answer, a note, or the name of a member who asked for help or reported a blocker. A chat
/// channel is wider than the member and their leader.
/// </summary>
public sealed record WebhookMessage(
    string Event,
    string Text,
    int TeamId,
    string Team,
    string SubjectType,
    int SubjectId,
    string Path,
    DateTimeOffset OccurredAt,
    IReadOnlyDictionary<string, string> Data)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string EventName(WebhookEvents @event) => @event switch
    {
        WebhookEvents.RequestCreated => "request.created",
        WebhookEvents.RequestNotAcknowledged => "request.not_acknowledged",
        WebhookEvents.CheckInBlocker => "checkin.blocker",
        WebhookEvents.CreditGiven => "credit.given",
        WebhookEvents.GoalAchieved => "goal.achieved",
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event, "Not a single webhook event."),
    };

    internal string ToJson() => JsonSerializer.Serialize(this, Json);

    internal static WebhookMessage FromJson(string json) =>
        JsonSerializer.Deserialize<WebhookMessage>(json, Json) ?? throw new InvalidDataException("Empty webhook message.");

    /// <summary>
    /// The body sent: Slack's incoming webhooks read <c>text</c> (mrkdwn) and ignore the rest; other receivers get the
    /// structured fields. With a public URL configured, the text ends with a link into the app.
    /// </summary>
    internal byte[] Body(long deliveryId, Uri? publicUrl)
    {
        var url = publicUrl is null ? null : new Uri(publicUrl, Path.TrimStart('/')).ToString();
        var body = new WebhookBody(
            url is null ? Text : $"{Text} <{url}|Open in ServantLeader>",
            Event, deliveryId, OccurredAt.ToUniversalTime(), new(TeamId, Team), new(SubjectType, SubjectId), url, Data);
        return JsonSerializer.SerializeToUtf8Bytes(body, Json);
    }

    private sealed record WebhookBody(
        string Text, string Event, long DeliveryId, DateTimeOffset OccurredAt, TeamRef Team, SubjectRef Subject,
        string? Url, IReadOnlyDictionary<string, string> Data);

    private sealed record TeamRef(int Id, string Name);

    private sealed record SubjectRef(string Type, int Id);
}
