using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.CheckIns;

/// <summary>What the writing and the reviewing side of check-ins both read and how both save.</summary>
internal static class CheckInQueries
{
    internal sealed record TeamRhythm(int TeamId, string Name);

    /// <summary>The open check-in period of each team in which the actor has <paramref name="role"/>.</summary>
    internal static async Task<IReadOnlyList<(TeamRhythm Team, CheckInPeriod Period)>> OpenPeriodsAsync(ServantLeaderDb db, Actor actor,
        TimeProvider time, TeamRole role, CancellationToken ct)
    {
        var today = time.Today();
        var teams = await db.Memberships
            .Where(m => m.PersonId == actor.PersonId && m.Role == role)
            .OrderBy(m => m.Team.Name)
            .Select(m => new { m.TeamId, m.Team.Name, m.Team.CheckInCadence, m.Team.CheckInDueDay, m.Since })
            .ToListAsync(ct);
        // A member writes for the periods due from the day they joined (the organisation's zone); a leader reviews the open one.
        return teams.Select(t =>
        {
            var open = CheckInPeriod.Open(today, t.CheckInCadence, t.CheckInDueDay);
            return (new TeamRhythm(t.TeamId, t.Name), role == TeamRole.Member ? open.NotBefore(JoinedDay(t.Since, time)) : open);
        }).ToList();
    }

    /// <summary>The day a membership began, in the organisation's time zone.</summary>
    internal static DateOnly JoinedDay(DateTimeOffset since, TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(since, time.LocalTimeZone).DateTime);

    internal static async Task SaveAsync(ServantLeaderDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException("This check-in was changed at the same moment elsewhere. Reload and try again.", ex);
        }
        catch (DbUpdateException ex) when (ex.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true)
        {
            // Two tabs started the same period's check-in at once; the other one won.
            throw new ConcurrencyConflictException("This check-in was started in another window. Reload to continue there.", ex);
        }
    }

    internal static async Task<IReadOnlyList<PriorityItem>> PrioritiesAsync(ServantLeaderDb db, int teamId, int memberId,
        CheckInPeriod period, CancellationToken ct)
    {
        // Open priorities carry forward; ones done since the period began still show, ticked.
        var since = new DateTimeOffset(period.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return await db.Priorities
            .Where(p => p.TeamId == teamId && p.MemberId == memberId && (p.DoneAt == null || p.DoneAt >= since))
            .OrderBy(p => p.DoneAt != null).ThenBy(p => p.CreatedAt)
            .Select(p => new PriorityItem(p.Id, p.Text, p.CreatedAt, p.DoneAt))
            .ToListAsync(ct);
    }

    internal static async Task<IReadOnlyList<CheckInCommentItem>> CommentsAsync(ServantLeaderDb db, int checkInId, int teamId, CancellationToken ct)
    {
        var leaders = db.Memberships.Where(m => m.TeamId == teamId && m.Role == TeamRole.Leader).Select(m => m.PersonId);
        return await db.CheckInComments
            .Where(c => c.CheckInId == checkInId)
            .OrderBy(c => c.At).ThenBy(c => c.Id)
            .Select(c => new CheckInCommentItem(c.Id, c.Author.DisplayName, leaders.Contains(c.AuthorId), c.Section, c.Text, c.At))
            .ToListAsync(ct);
    }
}
