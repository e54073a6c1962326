using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Audit;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Growth;
using ServantLeader.Domain.Requests;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Support;

/// <summary>
/// The leader's log of service given. A leader logs support only for members of a team they lead,
/// and sees only their own log; a member sees what they received, with notes only where shared.
/// </summary>
public sealed class SupportService(IDbContextFactory<ServantLeaderDb> dbs, TimeProvider time)
{
    /// <summary>How far back support may be logged; older service belongs to a past review, not today's log.</summary>
    public const int MaxDaysBack = 366;

    public async Task<IReadOnlyList<MemberToServe>> MembersToServeAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var led = db.TeamsLedBy(actor.PersonId);
        return await db.Memberships
            .Where(m => led.Contains(m.TeamId) && m.Role == TeamRole.Member && m.Person.IsActive)
            .OrderBy(m => m.Person.DisplayName).ThenBy(m => m.Team.Name)
            .Select(m => new MemberToServe(m.PersonId, m.Person.DisplayName, m.TeamId, m.Team.Name))
            .ToListAsync(ct);
    }

    /// <summary>Active requests the actor can link support to.</summary>
    public async Task<IReadOnlyList<OpenRequestChoice>> LinkableRequestsAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var led = db.TeamsLedBy(actor.PersonId);
        var since = time.GetUtcNow().AddDays(-30);
        return await db.ServiceRequests
            .Where(r => led.Contains(r.TeamId)
                        && (r.Status == RequestStatus.Open || r.Status == RequestStatus.Acknowledged
                            || (r.ResolvedAt != null && r.ResolvedAt >= since)))
            .OrderByDescending(r => r.CreatedAt)
            .Select(r => new OpenRequestChoice(r.Id, r.RequesterId, r.TeamId, r.Title))
            .ToListAsync(ct);
    }

    public async Task<int> LogAsync(Actor actor, LogSupport command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        await using var db = await dbs.CreateDbContextAsync(ct);

        var rules = new Rules();
        var note = rules.Text(nameof(command.Note), command.Note, TextRules.NoteLength, required: true,
            "A note on what you did");
        rules.Check(Enum.IsDefined(command.Category), nameof(command.Category), "Choose the kind of support.");
        SupportTime.Check(rules, command.Minutes, command.Date, time.Today(), "Support");

        var mayLogForMember = false;
        if (command.MemberId == 0 || command.TeamId == 0)
        {
            rules.Add(nameof(command.MemberId), "Choose the member you supported.");
        }
        else if (command.MemberId == actor.PersonId)
        {
            rules.Add(nameof(command.MemberId), "Support is logged for the people you lead, not for yourself.");
        }
        else if (!await db.LeadsTeamAsync(actor.PersonId, command.TeamId, ct)
                 || !await db.IsMemberOfTeamAsync(command.MemberId, command.TeamId, ct))
        {
            rules.Add(nameof(command.MemberId), "You can log support only for members of a team you lead.");
        }
        else
        {
            mayLogForMember = true;
        }

        if (command.RequestId is { } requestId)
        {
            var request = await db.ServiceRequests
                .Where(r => r.Id == requestId)
                .Select(r => new { r.RequesterId, r.TeamId })
                .SingleOrDefaultAsync(ct);
            if (request is null || request.TeamId != command.TeamId || request.RequesterId != command.MemberId)
            {
                rules.Add(nameof(command.RequestId), "That request is not one of this member's requests in this team.");
            }
        }
        // Checked only for a member the actor may log for, so a refusal never tells about someone else's plan.
        if (command.GoalId is { } goalId && mayLogForMember
            && !await GoalChoices.IsReadableActiveGoalAsync(db, actor.PersonId, command.MemberId, goalId, ct))
        {
            rules.Add(nameof(command.GoalId), "That goal is not one of this member's active goals.");
        }
        rules.ThrowIfAny();

        var entry = new SupportEntry(actor.PersonId, command.MemberId, command.TeamId, command.RequestId,
            command.Category, command.Minutes, command.Date, note, command.SharedWithMember, time.GetUtcNow());
        entry.TieToGoal(command.GoalId);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.SupportEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        var names = await db.SupportEntries.Where(s => s.Id == entry.Id)
            .Select(s => new { Leader = s.Leader.DisplayName, Member = s.Member.DisplayName, Team = s.Team.Name })
            .SingleAsync(ct);
        AuditLog.Record(db, actor.PersonId, "support.logged", "support", entry.Id,
            // The fact, never the kind of help: "personal support" in an Admin's log would say too much about the member.
            $"{names.Leader} logged {entry.Minutes} min of support for {names.Member} in {names.Team}" +
            (entry.RequestId is { } answered ? $", answering request {answered}." : ", unasked."), entry.CreatedAt);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return entry.Id;
    }

    /// <summary>The actor's own support log, filtered and paged in the database.</summary>
    public async Task<SupportLogPage> LogAsync(Actor actor, SupportLogFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = db.SupportEntries.Where(s => s.LeaderId == actor.PersonId);
        if (filter.MemberId is { } memberId)
        {
            query = query.Where(s => s.MemberId == memberId);
        }
        if (filter.Category is { } category)
        {
            query = query.Where(s => s.Category == category);
        }
        if (filter.From is { } from)
        {
            query = query.Where(s => s.Date >= from);
        }
        if (filter.To is { } to)
        {
            query = query.Where(s => s.Date <= to);
        }

        var totals = await query
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Minutes = g.Sum(s => s.Minutes), Proactive = g.Count(s => s.RequestId == null) })
            .SingleOrDefaultAsync(ct);

        var rows = await query
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.Id)
            .Skip(Math.Max(0, filter.Skip))
            .Take(Math.Clamp(filter.Take, 1, SupportLogFilter.MaxTake))
            .Select(s => new SupportLogRow(s.Id, s.Date, s.MemberId, s.Member.DisplayName, s.Team.Name, s.Category,
                s.Minutes, s.Note, s.SharedWithMember, s.RequestId, s.Request != null ? s.Request.Title : null))
            .ToListAsync(ct);

        return new SupportLogPage(rows, totals?.Count ?? 0, totals?.Minutes ?? 0, totals?.Proactive ?? 0);
    }

    /// <summary>Support the actor received as a member, newest first. Private notes stay private.</summary>
    public async Task<IReadOnlyList<SupportReceived>> ReceivedAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.SupportEntries
            .Where(s => s.MemberId == actor.PersonId)
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.Id)
            .Select(s => new SupportReceived(s.Date, s.Leader.DisplayName, s.Category, s.Minutes,
                s.SharedWithMember ? s.Note : null, s.RequestId, s.Request != null ? s.Request.Title : null))
            .ToListAsync(ct);
    }

    /// <summary>Shares a note with its member, or takes it back. Only the leader who wrote it may.</summary>
    public async Task ShareAsync(Actor actor, int entryId, bool shared, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var entry = await db.SupportEntries.SingleOrDefaultAsync(s => s.Id == entryId, ct);
        if (entry is null || entry.LeaderId != actor.PersonId)
        {
            throw new NotFoundException();
        }
        entry.Share(shared);
        AuditLog.Record(db, actor.PersonId, shared ? "support.shared" : "support.unshared", "support", entry.Id,
            shared ? $"The note on support entry {entry.Id} was shared with its member." : $"The note on support entry {entry.Id} was made private again.",
            time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }
}
