namespace ServantLeader.Domain.Teams;

public sealed record TeamSummary(int Id, string Name, string Purpose, int Leaders, int Members, TeamRole? MyRole);

public sealed record TeamPerson(int MembershipId, int PersonId, string Name, string Email, TeamRole Role, bool IsActive);

public sealed record TeamPage(int Id, string Name, string Purpose, IReadOnlyList<TeamPerson> Leaders,
    IReadOnlyList<TeamPerson> Members, TeamRole? MyRole, CheckInCadence Cadence, DayOfWeek DueDay);

public sealed class TeamDraft
{
    public string Name { get; set; } = "";
    public string Purpose { get; set; } = "";
}
