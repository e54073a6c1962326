using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;

namespace ServantLeader.Domain.Growth;

/// <summary>A goal offered in a check-in, support or 1:1 form: only what is needed to choose it.</summary>
public sealed record GoalChoice(int Id, string What);

/// <summary>
/// A member's active goals, for the forms that can tie something to a goal. The reading rule is
/// <see cref="GrowthAccess.CanReadPlanAsync"/>: anyone else gets an empty list, the same as a member without goals,
/// so the answer never tells them whether a plan exists.
/// </summary>
public sealed class GoalChoices(IDbContextFactory<ServantLeaderDb> dbs)
{
    public async Task<IReadOnlyList<GoalChoice>> ActiveAsync(Actor actor, int memberId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await ActiveAsync(db, actor.PersonId, memberId, ct);
    }

    internal static async Task<IReadOnlyList<GoalChoice>> ActiveAsync(ServantLeaderDb db, int readerId, int memberId, CancellationToken ct)
    {
        if (!await db.CanReadPlanAsync(readerId, memberId, ct))
        {
            return [];
        }
        return await ActiveGoals(db, memberId)
            .OrderBy(g => g.CreatedAt).ThenBy(g => g.Id)
            .Select(g => new GoalChoice(g.Id, g.What))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Whether <paramref name="goalId"/> is an active goal of <paramref name="memberId"/> that the reader may read.
    /// The server checks this before tying anything to a goal, whatever the form offered.
    /// </summary>
    internal static async Task<bool> IsReadableActiveGoalAsync(ServantLeaderDb db, int readerId, int memberId, int goalId,
        CancellationToken ct) =>
        await ActiveGoals(db, memberId).AnyAsync(g => g.Id == goalId, ct)
        && await db.CanReadPlanAsync(readerId, memberId, ct);

    internal static IQueryable<GrowthGoal> ActiveGoals(ServantLeaderDb db, int memberId) =>
        db.GrowthGoals.Where(g => g.PersonId == memberId && g.State == GoalState.Active);
}
