namespace ServantLeader.Domain.Teams;

/// <summary>A team, with the purpose its members are told: the "reason why" it exists.</summary>
public sealed class Team
{
    private readonly List<Membership> _memberships = [];

    public int Id { get; private set; }
    public string Name { get; private set; } = null!;
    public string Purpose { get; private set; } = null!;
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyCollection<Membership> Memberships => _memberships;

    private Team() { }

    internal Team(string name, string purpose, DateTimeOffset createdAt)
    {
        Name = name;
        Purpose = purpose;
        CreatedAt = createdAt;
    }

    internal void Describe(string name, string purpose)
    {
        Name = name;
        Purpose = purpose;
    }
}

public enum TeamRole
{
    Member = 0,
    Leader = 1,
}
