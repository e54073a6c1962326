namespace ServantLeader.Domain.Teams;

public sealed record TeamSummary(int Id, string Name, string Purpose, int Leaders, int Members, TeamRole? MyRole);

public sealed record TeamPerson(int MembershipId, int PersonId, string Name, string Email, TeamRole Role, bool IsActive,
    DateTimeOffset Since);

/// <summary>A membership that ended: the person left, was deactivated, or took another role in the team from <see cref="Until"/>.</summary>
public sealed record PastMembership(int PersonId, string Name, TeamRole Role, DateTimeOffset Since, DateTimeOffset Until, MembershipEnd EndedBecause);

public sealed record TeamPage(int Id, string Name, string Purpose, IReadOnlyList<TeamPerson> Leaders,
    IReadOnlyList<TeamPerson> Members, TeamRole? MyRole, CheckInCadence Cadence, DayOfWeek DueDay,
    IReadOnlyList<PastMembership> Past);

public sealed class TeamDraft
{
    public string Name { get; set; } = "";
    public string Purpose { get; set; } = "";
}
