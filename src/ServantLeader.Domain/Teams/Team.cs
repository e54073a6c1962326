namespace ServantLeader.Domain.Teams;

/// <summary>A team, with the purpose its members are told: the "reason why" it exists.</summary>
public sealed class Team
{
    private readonly List<Membership> _memberships = [];

    public int Id { get; private set; }
    public string Name { get; private set; } = null!;
    public string Purpose { get; private set; } = null!;
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>How often members check in, and the weekday a check-in is due.</summary>
    public CheckInCadence CheckInCadence { get; private set; } = CheckInCadence.Weekly;
    public DayOfWeek CheckInDueDay { get; private set; } = DayOfWeek.Friday;

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

    internal void ScheduleCheckIns(CheckInCadence cadence, DayOfWeek dueDay)
    {
        CheckInCadence = cadence;
        CheckInDueDay = dueDay;
    }
}

public enum CheckInCadence
{
    Weekly = 0,
    Fortnightly = 1,
}

public enum TeamRole
{
    Member = 0,
    Leader = 1,
}
