using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Growth;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.OneOnOnes;

/// <summary>
/// 1:1s held as growth conversations: the leader marks one, the member's plan is open beside the notes for the two of
/// them, and a leader sees which members have gone too long without one.
/// </summary>
public sealed class GrowthConversations(IDbContextFactory<ServantLeaderDb> dbs, TimeProvider time, IOptions<GrowthOptions> options)
{
    /// <summary>Marks the meeting as a growth conversation, or not. Only its leader may; returns the new version.</summary>
    public async Task<int> MarkAsync(Actor actor, int meetingId, bool growth, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var meeting = await OneOnOneService.LedByActorAsync(db, actor, meetingId, "Your leader marks a 1:1 as a growth conversation.", ct);
        // The plan opens beside the notes, so the leader must still lead the member, not only have once.
        if (growth && !await db.LeadsPersonAsync(actor.PersonId, meeting.MemberId, ct))
        {
            throw new ActionNotAllowedException("You no longer lead this person, so this 1:1 can't become a growth conversation.");
        }
        if (meeting.IsGrowthConversation != growth)
        {
            meeting.MarkGrowthConversation(growth);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException ex)
            {
                throw new ConcurrencyConflictException("This 1:1 was changed at the same moment. Reload and try again.", ex);
            }
        }
        return meeting.Version;
    }

    /// <summary>
    /// The member's plan beside a growth conversation's notes: the ambition and the active goals, each with its latest
    /// movement in a shared check-in. Null unless the meeting is a growth conversation and the actor is its member, or
    /// its leader while they lead the member; anyone else learns nothing more than <see cref="OneOnOneService.GetAsync"/> told them.
    /// </summary>
    public async Task<MeetingPlan?> PlanAsync(Actor actor, int meetingId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var meeting = await db.OneOnOnes.AsNoTracking().Where(o => o.Id == meetingId)
            .Select(o => new { o.LeaderId, o.MemberId, o.IsGrowthConversation }).SingleOrDefaultAsync(ct);
        if (meeting is null || !meeting.IsGrowthConversation)
        {
            return null;
        }
        var allowed = actor.PersonId == meeting.MemberId
                      || (actor.PersonId == meeting.LeaderId && await db.LeadsPersonAsync(actor.PersonId, meeting.MemberId, ct));
        if (!allowed)
        {
            return null;
        }
        var ambition = await db.GrowthPlans.Where(p => p.PersonId == meeting.MemberId).Select(p => p.Ambition).FirstOrDefaultAsync(ct);
        // A draft check-in is the member's alone, so its answers never show here, even to the member (both see the same).
        var goals = await GoalChoices.ActiveGoals(db, meeting.MemberId)
            .OrderBy(g => g.CreatedAt).ThenBy(g => g.Id)
            .Select(g => new
            {
                g.Id, g.What, g.TargetDate,
                Latest = db.GoalProgress
                    .Where(p => p.GoalId == g.Id && p.CheckIn.Status != CheckInStatus.Draft)
                    .OrderByDescending(p => p.CheckIn.PeriodDue).ThenByDescending(p => p.Id)
                    .Select(p => new { p.Movement, p.CheckIn.PeriodDue })
                    .FirstOrDefault(),
            })
            .ToListAsync(ct);
        return new MeetingPlan(meeting.MemberId, ambition ?? "", goals.Select(g => new MeetingPlanGoal(g.Id, g.What, g.TargetDate,
            g.Latest?.Movement, g.Latest?.PeriodDue)).ToList());
    }

    /// <summary>
    /// Members of the actor's teams whose last held growth conversation, with any of their leaders, is older than
    /// <see cref="GrowthOptions.ConversationWeeks"/> weeks, or who never had one. Never first, then the longest waiting.
    /// </summary>
    public async Task<GrowthConversationsDue> DueAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var weeks = options.Value.ConversationWeeks;
        var cutoff = time.GetUtcNow().AddDays(-7 * weeks);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var led = db.TeamsLedBy(actor.PersonId);
        var due = await db.Memberships
            .Where(m => led.Contains(m.TeamId) && m.Role == TeamRole.Member && m.Person.IsActive && m.PersonId != actor.PersonId)
            .Select(m => new { m.PersonId, m.Person.DisplayName })
            .Distinct()
            .Select(m => new
            {
                m.PersonId, m.DisplayName,
                LastHeldAt = db.OneOnOnes
                    .Where(o => o.MemberId == m.PersonId && o.IsGrowthConversation && o.Status == MeetingStatus.Held)
                    .Max(o => o.HeldAt),
            })
            .Where(m => m.LastHeldAt == null || m.LastHeldAt < cutoff)
            .OrderBy(m => m.LastHeldAt != null).ThenBy(m => m.LastHeldAt).ThenBy(m => m.DisplayName)
            .Select(m => new GrowthConversationGap(m.PersonId, m.DisplayName, m.LastHeldAt))
            .ToListAsync(ct);
        return new GrowthConversationsDue(weeks, due);
    }
}
