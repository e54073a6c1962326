using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Data;

namespace ServantLeader.Web.Tests.Growth;

/// <summary>
/// A plan and an active goal written as rows: the entities' constructors are internal to the domain, and the plan
/// editor is another part of the app, so these tests of the rhythm need neither.
/// </summary>
internal static class RhythmGoalRows
{
    /// <summary>An instant in the stored form (UTC milliseconds); its value does not matter to these tests.</summary>
    private const long Written = 1_795_000_000_000;

    public static async Task<int> ActiveGoalAsync(IDbContextFactory<ServantLeaderDb> dbs, int personId, string what)
    {
        await using var db = await dbs.CreateDbContextAsync();
        if (!await db.GrowthPlans.AnyAsync(p => p.PersonId == personId))
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "GrowthPlans" ("PersonId", "Ambition", "Strengths", "CreatedAt", "UpdatedAt", "Version")
                VALUES ({personId}, {"Lead a team of my own"}, {""}, {Written}, {Written}, {0})
                """);
        }
        var planId = await db.GrowthPlans.Where(p => p.PersonId == personId).Select(p => p.Id).SingleAsync();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "GrowthGoals" ("PlanId", "PersonId", "What", "Why", "Evidence", "State", "Learned", "CreatedAt", "UpdatedAt", "Version")
            VALUES ({planId}, {personId}, {what}, {""}, {""}, {"Active"}, {""}, {Written}, {Written}, {0})
            """);
        return await db.GrowthGoals.Where(g => g.PersonId == personId && g.What == what).Select(g => g.Id).SingleAsync();
    }
}
