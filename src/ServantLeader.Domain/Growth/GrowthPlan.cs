using ServantLeader.Domain.People;

namespace ServantLeader.Domain.Growth;

/// <summary>
/// One person's growth plan: where they want to be in two or three years, what they are good at, and the goals that
/// take them there. The person owns it. Their leaders read it, a mentor reads it only when the mentee shares it, and
/// HR and Admins never read its words.
/// </summary>
public sealed class GrowthPlan
{
    public const int AmbitionLength = 2000;
    public const int StrengthsLength = 2000;

    private readonly List<GrowthGoal> _goals = [];

    public int Id { get; private set; }
    public int PersonId { get; private set; }
    public Person Person { get; private set; } = null!;
    public string Ambition { get; private set; } = "";
    public string Strengths { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The last time the person changed the plan or one of its goals.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency token: bumped on every change, compared on every save.</summary>
    public int Version { get; private set; }

    public IReadOnlyCollection<GrowthGoal> Goals => _goals;

    private GrowthPlan() { }

    internal GrowthPlan(int personId, DateTimeOffset now)
    {
        PersonId = personId;
        CreatedAt = now;
        UpdatedAt = now;
    }

    internal void Write(string ambition, string strengths, DateTimeOffset now)
    {
        Ambition = ambition;
        Strengths = strengths;
        Touch(now);
    }

    /// <summary>A goal changed: the plan counts as updated, and a concurrent edit of the plan is detected.</summary>
    internal void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
