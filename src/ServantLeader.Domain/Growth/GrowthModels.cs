namespace ServantLeader.Domain.Growth;

// The plan editor's commands (bound by the form and the API, so property names are the field names of the messages)
// and the plan's read models.

public sealed class WritePlan
{
    public string Ambition { get; set; } = "";
    public string Strengths { get; set; } = "";

    /// <summary>The plan's version when it was read; 0 for a plan that does not exist yet.</summary>
    public int ExpectedVersion { get; set; }
}

public sealed class GoalDraft
{
    public string What { get; set; } = "";
    public string Why { get; set; } = "";

    /// <summary>How progress will show.</summary>
    public string Evidence { get; set; } = "";
    public DateOnly? TargetDate { get; set; }

    /// <summary>For an edit: the goal's version when it was read.</summary>
    public int ExpectedVersion { get; set; }
}

public sealed class SetGoalAside
{
    /// <summary>"What did you learn?": required, and never "why did it fail?".</summary>
    public string Learned { get; set; } = "";
    public int ExpectedVersion { get; set; }
}

public sealed class MakeGoalPublic
{
    /// <summary>One of the owner's teams, whose page shows the achievement.</summary>
    public int TeamId { get; set; }
    public int ExpectedVersion { get; set; }
}

/// <summary>A team the owner may share an achievement with.</summary>
public sealed record PlanTeam(int Id, string Name);

public sealed record GoalView(
    int Id,
    string What,
    string Why,
    string Evidence,
    DateOnly? TargetDate,
    GoalState State,
    string Learned,
    DateTimeOffset CreatedAt,
    DateTimeOffset? AchievedAt,
    DateTimeOffset? SetAsideAt,
    DateTimeOffset? MadePublicAt,
    string? PublicTeamName,
    int Version);

/// <summary>
/// A person's plan as the reader may see it. <see cref="Exists"/> is false (and the texts empty) until the person
/// first saves something; <see cref="Version"/> is then 0, the version the first save expects.
/// </summary>
public sealed record PlanView(
    int PersonId,
    string PersonName,
    bool Exists,
    string Ambition,
    string Strengths,
    DateTimeOffset? UpdatedAt,
    int Version,
    IReadOnlyList<GoalView> Goals,
    IReadOnlyList<SkillView> Skills,
    bool ViewerIsOwner,
    bool ViewerCanConfirmSkills,
    IReadOnlyList<PlanTeam> Teams);

/// <summary>An achievement its owner chose to share with a team: public like credit, so only the goal's "what" shows.</summary>
public sealed record TeamAchievement(int GoalId, int PersonId, string PersonName, string What, DateTimeOffset At);
