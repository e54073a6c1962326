using ServantLeader.Domain.CheckIns;

namespace ServantLeader.Domain.Growth;

public enum GoalMovement
{
    MovedForward = 0,
    Stuck = 1,
    NoTime = 2,
}

public static class GoalMovementText
{
    public static string Label(this GoalMovement movement) => movement switch
    {
        GoalMovement.MovedForward => "Moved forward",
        GoalMovement.Stuck => "Got stuck",
        GoalMovement.NoTime => "No time this period",
        _ => movement.ToString(),
    };

    public static IReadOnlyList<GoalMovement> All { get; } = Enum.GetValues<GoalMovement>();
}

/// <summary>
/// A check-in's answer for one active goal. It is part of the check-in, so it is as private as the check-in:
/// the member and their team's leaders.
/// </summary>
public sealed class GoalProgress
{
    public int Id { get; private set; }
    public int CheckInId { get; private set; }
    public CheckIn CheckIn { get; private set; } = null!;
    public int GoalId { get; private set; }
    public GrowthGoal Goal { get; private set; } = null!;
    public GoalMovement Movement { get; private set; }

    /// <summary>The request for help made from a stuck goal, with the member's consent.</summary>
    public int? RequestId { get; private set; }

    private GoalProgress() { }

    internal GoalProgress(int checkInId, int goalId, GoalMovement movement)
    {
        CheckInId = checkInId;
        GoalId = goalId;
        Movement = movement;
    }

    /// <summary>For a check-in not saved yet: the key is filled in when both are saved together.</summary>
    internal GoalProgress(CheckIn checkIn, int goalId, GoalMovement movement)
    {
        CheckIn = checkIn;
        GoalId = goalId;
        Movement = movement;
    }

    internal void Report(GoalMovement movement) => Movement = movement;

    internal void LinkRequest(int requestId) => RequestId = requestId;
}
