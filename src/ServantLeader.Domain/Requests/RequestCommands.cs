using ServantLeader.Domain.Support;

namespace ServantLeader.Domain.Requests;

// Commands are plain mutable classes so that a form can bind to them directly;
// RequestService validates every field before anything is written.

public sealed class AskForHelp
{
    public int TeamId { get; set; }
    public SupportCategory Category { get; set; } = SupportCategory.Coaching;
    public string Title { get; set; } = "";
    public string Details { get; set; } = "";
    public Urgency Urgency { get; set; } = Urgency.Normal;
    public DateOnly? NeededBy { get; set; }
}

public sealed class RespondToRequest
{
    public int RequestId { get; set; }
    public int ExpectedVersion { get; set; }

    /// <summary>An acknowledgement note, the resolution, or the reason for declining or reopening.</summary>
    public string Note { get; set; } = "";
}

public sealed class ConfirmRequest
{
    public int RequestId { get; set; }
    public int ExpectedVersion { get; set; }
    public int Rating { get; set; }
    public string Comment { get; set; } = "";
}
