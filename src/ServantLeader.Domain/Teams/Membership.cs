using ServantLeader.Domain.People;

namespace ServantLeader.Domain.Teams;

/// <summary>
/// A person's place in a team. One person has at most one membership per team; they may lead one team
/// and be a member of another, and a team may have several leaders.
/// </summary>
public sealed class Membership
{
    public int Id { get; private set; }
    public int TeamId { get; private set; }
    public Team Team { get; private set; } = null!;
    public int PersonId { get; private set; }
    public Person Person { get; private set; } = null!;
    public TeamRole Role { get; private set; }
    public DateTimeOffset Since { get; private set; }

    private Membership() { }

    internal Membership(int teamId, int personId, TeamRole role, DateTimeOffset since)
    {
        TeamId = teamId;
        PersonId = personId;
        Role = role;
        Since = since;
    }

    internal void ChangeRole(TeamRole role) => Role = role;
}
