using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Growth;

namespace ServantLeader.Domain.Tests.Growth;

/// <summary>Relationships the growth tests need that other slices own the services for: mentoring pairs, deactivation.</summary>
internal static class GrowthTestData
{
    public static async Task MentorAsync(this TestDatabase db, Actor mentor, Actor mentee, bool planShared)
    {
        await using var context = db.NewDb();
        var pair = new MentoringPair(mentor.PersonId, mentee.PersonId, mentee.PersonId, "Public speaking", db.Clock.Now);
        pair.Accept(db.Clock.Now);
        pair.SharePlan(planShared);
        context.MentoringPairs.Add(pair);
        await context.SaveChangesAsync();
    }

    public static async Task DeactivateAsync(this TestDatabase db, Actor person)
    {
        await using var context = db.NewDb();
        var row = await context.People.SingleAsync(p => p.Id == person.PersonId);
        row.Deactivate();
        await context.SaveChangesAsync();
    }
}
