namespace ServantLeader.Domain.Support;

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
