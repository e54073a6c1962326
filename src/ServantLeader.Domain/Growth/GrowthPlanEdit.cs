namespace ServantLeader.Domain.Growth;

/// <summary>
/// When a plan (or one of its goals) was changed. Only the time is kept, never the words: it lets the dashboard
/// say, for any past week, whose plan had been updated in the 90 days before it.
/// </summary>
public sealed class GrowthPlanEdit
{
    public long Id { get; private set; }
    public int PlanId { get; private set; }
    public GrowthPlan Plan { get; private set; } = null!;
    public int PersonId { get; private set; }
    public DateTimeOffset At { get; private set; }

    private GrowthPlanEdit() { }

    internal GrowthPlanEdit(GrowthPlan plan, DateTimeOffset at)
    {
        Plan = plan;
        PersonId = plan.PersonId;
        At = at;
    }
}
