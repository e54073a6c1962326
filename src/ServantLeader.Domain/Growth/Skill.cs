using ServantLeader.Domain.Common;
using ServantLeader.Domain.People;

namespace ServantLeader.Domain.Growth;

public enum SkillLevel
{
    Learning = 1,
    Practising = 2,
    CanTeach = 3,
}

public static class SkillLevelText
{
    public static string Label(this SkillLevel level) => level switch
    {
        SkillLevel.Learning => "Learning",
        SkillLevel.Practising => "Practising",
        SkillLevel.CanTeach => "Can teach others",
        _ => level.ToString(),
    };

    public static IReadOnlyList<SkillLevel> All { get; } = Enum.GetValues<SkillLevel>();
}

/// <summary>
/// A skill a person holds at a level. The person proposes their level; a leader of one of their teams, or their
/// mentor, confirms it. Until then the proposal shows as unconfirmed.
/// </summary>
public sealed class Skill
{
    public const int NameLength = 60;

    public int Id { get; private set; }
    public int PersonId { get; private set; }
    public Person Person { get; private set; } = null!;

    /// <summary>As the person wrote it.</summary>
    public string Name { get; private set; } = null!;

    /// <summary>The name folded for matching ("C#" and "c# " are one skill), so a team's matrix lines people up.</summary>
    public string Key { get; private set; } = null!;
    public SkillLevel ProposedLevel { get; private set; }
    public SkillLevel? ConfirmedLevel { get; private set; }
    public int? ConfirmedById { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public bool IsConfirmed => ConfirmedLevel == ProposedLevel;

    private Skill() { }

    internal Skill(int personId, string name, SkillLevel proposed, DateTimeOffset now)
    {
        PersonId = personId;
        Name = name;
        Key = KeyOf(name);
        ProposedLevel = proposed;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public static string KeyOf(string name) => string.Join(' ',
        name.Trim().ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    internal void Propose(SkillLevel level, DateTimeOffset now)
    {
        ProposedLevel = level;
        UpdatedAt = now;
        Version++;
    }

    /// <summary>Confirms the proposed level. Returns the change to record, so the dashboard can count skills moved up.</summary>
    internal SkillLevelChange Confirm(int confirmedById, DateTimeOffset now)
    {
        if (IsConfirmed)
        {
            throw new RuleViolationException("This level is already confirmed.");
        }
        var change = new SkillLevelChange(this, ConfirmedLevel, ProposedLevel, confirmedById, now);
        ConfirmedLevel = ProposedLevel;
        ConfirmedById = confirmedById;
        ConfirmedAt = now;
        UpdatedAt = now;
        Version++;
        return change;
    }
}
