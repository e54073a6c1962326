using ServantLeader.Domain.Common;
using ServantLeader.Domain.People;
using ServantLeader.Domain.Requests;
using ServantLeader.Domain.Support;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.CheckIns;

public enum CheckInStatus
{
    Draft = 0,
    Submitted = 1,
    Reviewed = 2,
}

/// <summary>
/// A member's check-in for one period. It starts as a draft saved while they write, becomes submitted, can be
/// edited until a leader reviews it, and is then fixed. Only the member and the team's leaders read it.
/// </summary>
public sealed class CheckIn
{
    public const int MinPulse = 1;
    public const int MaxPulse = 5;

    public int Id { get; private set; }
    public int TeamId { get; private set; }
    public Team Team { get; private set; } = null!;
    public int MemberId { get; private set; }
    public Person Member { get; private set; } = null!;
    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodDue { get; private set; }
    public CheckInStatus Status { get; private set; }

    public int? Pulse { get; private set; }
    public string Wins { get; private set; } = "";
    public string Challenges { get; private set; } = "";
    public string Need { get; private set; } = "";

    /// <summary>"What would help me grow?"</summary>
    public string HelpToGrow { get; private set; } = "";

    /// <summary>The request for help made from <see cref="Need"/>, with the member's consent.</summary>
    public int? RequestId { get; private set; }
    public ServiceRequest? Request { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public int? ReviewedById { get; private set; }
    public int Version { get; private set; }

    public bool HasBlocker => Challenges.Length > 0;
    public CheckInPeriod Period => new(PeriodStart, PeriodDue);

    private CheckIn() { }

    internal CheckIn(int teamId, int memberId, CheckInPeriod period, DateTimeOffset now)
    {
        TeamId = teamId;
        MemberId = memberId;
        PeriodStart = period.Start;
        PeriodDue = period.Due;
        Status = CheckInStatus.Draft;
        CreatedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Writes the answers. Allowed while a draft, and after submitting until a leader reviews it.</summary>
    internal void Write(int? pulse, string wins, string challenges, string need, DateTimeOffset now)
    {
        if (Status == CheckInStatus.Reviewed)
        {
            throw new RuleViolationException("Your leader has already reviewed this check-in, so it can no longer be changed.");
        }
        Pulse = pulse;
        Wins = wins;
        Challenges = challenges;
        Need = need;
        UpdatedAt = now;
        Version++;
    }

    internal void WriteHelpToGrow(string helpToGrow, DateTimeOffset now)
    {
        if (Status == CheckInStatus.Reviewed)
        {
            throw new RuleViolationException("Your leader has already reviewed this check-in, so it can no longer be changed.");
        }
        HelpToGrow = helpToGrow;
        UpdatedAt = now;
        Version++;
    }

    internal void Submit(DateTimeOffset now)
    {
        if (Status != CheckInStatus.Draft)
        {
            return;
        }
        Status = CheckInStatus.Submitted;
        SubmittedAt = now;
        Version++;
    }

    internal void LinkRequest(ServiceRequest request) => Request = request;

    internal void MarkReviewed(int leaderId, DateTimeOffset now)
    {
        if (Status != CheckInStatus.Submitted)
        {
            throw new RuleViolationException(Status == CheckInStatus.Reviewed
                ? "This check-in has already been reviewed."
                : "A draft can't be reviewed; wait until the member submits it.");
        }
        Status = CheckInStatus.Reviewed;
        ReviewedAt = now;
        ReviewedById = leaderId;
        Version++;
    }

    internal static SupportCategory DefaultNeedCategory => SupportCategory.RemovingObstacle;
}
