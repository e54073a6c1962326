namespace ServantLeader.Domain.Growth;

/// <summary>A confirmed level, with the level confirmed before it (none for a skill's first confirmation).</summary>
public sealed class SkillLevelChange
{
    public long Id { get; private set; }
    public int SkillId { get; private set; }
    public Skill Skill { get; private set; } = null!;
    public int PersonId { get; private set; }
    public SkillLevel? FromLevel { get; private set; }
    public SkillLevel ToLevel { get; private set; }
    public int ConfirmedById { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>A move up: a confirmed level above the one confirmed before. A first confirmation is not a move.</summary>
    public bool IsMoveUp => FromLevel is { } from && ToLevel > from;

    private SkillLevelChange() { }

    internal SkillLevelChange(Skill skill, SkillLevel? from, SkillLevel to, int confirmedById, DateTimeOffset at)
    {
        Skill = skill;
        PersonId = skill.PersonId;
        FromLevel = from;
        ToLevel = to;
        ConfirmedById = confirmedById;
        At = at;
    }
}
