using ServantLeader.Domain.People;

namespace ServantLeader.Domain.Teams;

/// <summary>
/// A person's place in a team. One person has at most one membership per team; they may lead one team
/// and be a member of another, and a team may have several leaders. A membership is never deleted: leaving the team,
/// deactivation or a change of role ends it (<see cref="Until"/>), so figures for a past period can count the team as it
/// was then. Ordinary queries see only current memberships (a query filter); the figures read the ended ones too.
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

    /// <summary>When the membership ended; null while it lasts.</summary>
    public DateTimeOffset? Until { get; private set; }

    public MembershipEnd? EndedBecause { get; private set; }

    private Membership() { }

    internal Membership(int teamId, int personId, TeamRole role, DateTimeOffset since)
    {
        TeamId = teamId;
        PersonId = personId;
        Role = role;
        Since = since;
    }

    internal void ChangeRole(TeamRole role) => Role = role;

    internal void End(DateTimeOffset at, MembershipEnd because)
    {
        Until = at;
        EndedBecause = because;
    }
}

/// <summary>Why a membership ended. A person reactivated gets back the memberships that deactivation ended.</summary>
public enum MembershipEnd
{
    Left,
    Deactivated,
    RoleChanged,
}
