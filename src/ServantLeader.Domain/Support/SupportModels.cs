namespace ServantLeader.Domain.Support;

public sealed class LogSupport
{
    public const int MinMinutes = 1;
    public const int MaxMinutes = 1440;

    public int MemberId { get; set; }
    public int TeamId { get; set; }

    /// <summary>Empty for proactive support: nobody asked.</summary>
    public int? RequestId { get; set; }

    /// <summary>The member's active growth goal this support served, if any.</summary>
    public int? GoalId { get; set; }
    public SupportCategory Category { get; set; } = SupportCategory.Coaching;
    public int Minutes { get; set; } = 30;
    public DateOnly Date { get; set; }
    public string Note { get; set; } = "";
    public bool SharedWithMember { get; set; }
}

public sealed record SupportLogFilter(
    int? MemberId = null,
    SupportCategory? Category = null,
    DateOnly? From = null,
    DateOnly? To = null,
    int Skip = 0,
    int Take = 25)
{
    /// <summary>The most rows one page holds, so that one call cannot read a leader's whole history at once.</summary>
    public const int MaxTake = 200;
}

/// <summary>A member the actor leads, in one of the actor's teams.</summary>
public sealed record MemberToServe(int PersonId, string Name, int TeamId, string TeamName);

public sealed record OpenRequestChoice(int Id, int MemberId, int TeamId, string Title);

public sealed record SupportLogRow(
    int Id,
    DateOnly Date,
    int MemberId,
    string MemberName,
    string TeamName,
    SupportCategory Category,
    int Minutes,
    string Note,
    bool SharedWithMember,
    int? RequestId,
    string? RequestTitle);

public sealed record SupportLogPage(IReadOnlyList<SupportLogRow> Rows, int TotalCount, int TotalMinutes, int ProactiveCount);

/// <summary>Support a member received. The note is null unless the leader shared it.</summary>
public sealed record SupportReceived(
    DateOnly Date,
    string LeaderName,
    SupportCategory Category,
    int Minutes,
    string? Note,
    int? RequestId,
    string? RequestTitle);
