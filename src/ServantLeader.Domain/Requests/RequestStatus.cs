namespace ServantLeader.Domain.Requests;

public enum RequestStatus
{
    Open = 0,
    Acknowledged = 1,
    Resolved = 2,
    Declined = 3,
}

public enum Urgency
{
    Low = 0,
    Normal = 1,
    High = 2,
    Blocking = 3,
}

public enum RequestEventKind
{
    Created = 0,
    Acknowledged = 1,
    Resolved = 2,
    Declined = 3,
    Confirmed = 4,
    Reopened = 5,
}

public static class RequestText
{
    public static string Label(this Urgency urgency) => urgency switch
    {
        Urgency.Low => "Low: whenever you can",
        Urgency.Normal => "Normal",
        Urgency.High => "High: soon, please",
        Urgency.Blocking => "Blocking: I'm stuck",
        _ => urgency.ToString(),
    };

    public static string ShortLabel(this Urgency urgency) => urgency switch
    {
        Urgency.Low => "Low",
        Urgency.Normal => "Normal",
        Urgency.High => "High",
        Urgency.Blocking => "Blocking",
        _ => urgency.ToString(),
    };

    public static string Label(this RequestStatus status) => status switch
    {
        RequestStatus.Open => "Open",
        RequestStatus.Acknowledged => "Acknowledged",
        RequestStatus.Resolved => "Resolved",
        RequestStatus.Declined => "Declined",
        _ => status.ToString(),
    };

    public static string Label(this RequestEventKind kind) => kind switch
    {
        RequestEventKind.Created => "asked for help",
        RequestEventKind.Acknowledged => "acknowledged",
        RequestEventKind.Resolved => "resolved",
        RequestEventKind.Declined => "declined",
        RequestEventKind.Confirmed => "confirmed",
        RequestEventKind.Reopened => "reopened",
        _ => kind.ToString(),
    };
}
