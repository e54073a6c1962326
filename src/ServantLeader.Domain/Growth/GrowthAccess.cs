using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Growth;

/// <summary>
/// Who may read a person's growth: the person, a leader of a team they are a member of, and a mentor the person
/// shares the plan with. Roles grant nothing here: HR and Admins read a plan only if one of these holds for them.
/// Each check is one query against current memberships and pairs, so a change takes effect on the next click.
/// </summary>
public static class GrowthAccess
{
    public static Task<bool> LeadsPersonAsync(this ServantLeaderDb db, int leaderId, int personId, CancellationToken ct) =>
        db.Memberships.AnyAsync(m => m.PersonId == personId && m.Role == TeamRole.Member && m.Person.IsActive
            && db.Memberships.Any(l => l.TeamId == m.TeamId && l.PersonId == leaderId && l.Role == TeamRole.Leader
                && l.Person.IsActive), ct);

    public static Task<bool> MentorsWithSharedPlanAsync(this ServantLeaderDb db, int mentorId, int menteeId, CancellationToken ct) =>
        db.MentoringPairs.AnyAsync(p => p.MentorId == mentorId && p.MenteeId == menteeId
            && p.Status == MentoringStatus.Active && p.PlanShared, ct);

    public static async Task<bool> CanReadPlanAsync(this ServantLeaderDb db, int readerId, int personId, CancellationToken ct) =>
        readerId == personId
        || await db.LeadsPersonAsync(readerId, personId, ct)
        || await db.MentorsWithSharedPlanAsync(readerId, personId, ct);

    /// <summary>Who may confirm a person's skill level: a leader of one of their teams, or their active mentor.</summary>
    public static async Task<bool> CanConfirmSkillsAsync(this ServantLeaderDb db, int confirmerId, int personId, CancellationToken ct) =>
        confirmerId != personId
        && (await db.LeadsPersonAsync(confirmerId, personId, ct)
            || await db.MentoringPairs.AnyAsync(p => p.MentorId == confirmerId && p.MenteeId == personId
                && p.Status == MentoringStatus.Active, ct));
}
