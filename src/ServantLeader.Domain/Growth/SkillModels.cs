namespace ServantLeader.Domain.Growth;

public sealed class AddSkill
{
    public string Name { get; set; } = "";
    public SkillLevel Level { get; set; } = SkillLevel.Learning;
}

public sealed class ProposeSkillLevel
{
    public SkillLevel Level { get; set; }
    public int ExpectedVersion { get; set; }
}

/// <summary>A skill as its owner proposed it, and whether (and by whom) that level is confirmed.</summary>
public sealed record SkillView(
    int Id,
    string Name,
    string Key,
    SkillLevel ProposedLevel,
    SkillLevel? ConfirmedLevel,
    string? ConfirmedByName,
    DateTimeOffset? ConfirmedAt,
    int Version)
{
    public bool IsConfirmed => ConfirmedLevel == ProposedLevel;
}

/// <summary>A team the reader leads, for the matrix's team picker.</summary>
public sealed record SkillTeam(int Id, string Name);

public sealed record MatrixMember(int PersonId, string Name);

/// <summary>One person's level in one skill: the level they proposed, and whether a leader or mentor confirmed it.</summary>
public sealed record MatrixCell(int PersonId, string Key, SkillLevel Level, bool Confirmed);

/// <summary>Someone who can teach, or is learning, a skill.</summary>
public sealed record SkillHolder(int PersonId, string Name, bool Confirmed);

/// <summary>A matrix column: a skill someone in the team holds, and who can teach it and who is learning it.</summary>
public sealed record MatrixSkill(
    string Key,
    string Name,
    int People,
    IReadOnlyList<SkillHolder> CanTeach,
    IReadOnlyList<SkillHolder> Learning);

/// <summary>A team's skills: rows are its members, columns the skills they hold.</summary>
public sealed record SkillMatrix(
    int TeamId,
    string TeamName,
    IReadOnlyList<MatrixMember> Members,
    IReadOnlyList<MatrixSkill> Skills,
    IReadOnlyList<MatrixCell> Cells)
{
    private readonly Dictionary<(int, string), MatrixCell> _cells = Cells.ToDictionary(c => (c.PersonId, c.Key));

    public MatrixCell? Cell(int personId, string key) => _cells.GetValueOrDefault((personId, key));
}
