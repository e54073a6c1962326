using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Growth;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.OneOnOnes;

/// <summary>
/// 1:1s between a leader and each member of a team they lead. Only the two of them see a meeting;
/// the leader's private notes are the leader's alone.
/// </summary>
public sealed class OneOnOneService(IDbContextFactory<ServantLeaderDb> dbs, TimeProvider time)
{
    public async Task<IReadOnlyList<OneOnOnePair>> PairsAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var me = actor.PersonId;
        var pairs = await db.Memberships
            .Where(l => l.Role == TeamRole.Leader)
            .Join(db.Memberships.Where(m => m.Role == TeamRole.Member), l => l.TeamId, m => m.TeamId, (l, m) => new { l, m })
            .Where(x => (x.l.PersonId == me || x.m.PersonId == me) && x.l.PersonId != x.m.PersonId && x.m.Person.IsActive)
            .Select(x => new { LeaderId = x.l.PersonId, LeaderName = x.l.Person.DisplayName, MemberId = x.m.PersonId, MemberName = x.m.Person.DisplayName })
            .Distinct()
            .ToListAsync(ct);
        // Three grouped queries for all pairs at once, rather than three per pair.
        var meetings = db.OneOnOnes.Where(o => o.LeaderId == me || o.MemberId == me);
        var upcoming = (await meetings.Where(o => o.Status == MeetingStatus.Upcoming)
                .Select(o => new { o.LeaderId, o.MemberId, o.Id, o.PlannedFor }).ToListAsync(ct))
            .ToLookup(o => (o.LeaderId, o.MemberId));
        var lastHeld = await meetings.Where(o => o.Status == MeetingStatus.Held)
            .GroupBy(o => new { o.LeaderId, o.MemberId })
            .Select(g => new { g.Key.LeaderId, g.Key.MemberId, HeldAt = g.Max(o => o.HeldAt) })
            .ToDictionaryAsync(x => (x.LeaderId, x.MemberId), x => x.HeldAt, ct);
        var openActions = await db.ActionItems.Where(a => (a.LeaderId == me || a.MemberId == me) && a.DoneAt == null)
            .GroupBy(a => new { a.LeaderId, a.MemberId })
            .Select(g => new { g.Key.LeaderId, g.Key.MemberId, Count = g.Count() })
            .ToDictionaryAsync(x => (x.LeaderId, x.MemberId), x => x.Count, ct);

        var result = new List<OneOnOnePair>();
        foreach (var p in pairs.OrderBy(p => p.LeaderId == me ? 0 : 1).ThenBy(p => p.LeaderId == me ? p.MemberName : p.LeaderName))
        {
            var key = (p.LeaderId, p.MemberId);
            var current = upcoming[key].FirstOrDefault();
            result.Add(new OneOnOnePair(p.LeaderId, p.LeaderName, p.MemberId, p.MemberName, p.LeaderId == me, current?.Id,
                current?.PlannedFor, lastHeld.GetValueOrDefault(key), openActions.GetValueOrDefault(key)));
        }
        return result;
    }

    /// <summary>The pair's upcoming meeting, created when there is none. The actor must be one of the pair.</summary>
    public async Task<int> OpenCurrentAsync(Actor actor, int leaderId, int memberId, CancellationToken ct)
    {
        if (actor.PersonId != leaderId && actor.PersonId != memberId)
        {
            throw new NotFoundException();
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await CurrentMeetingAsync(db, leaderId, memberId, ct);
    }

    public async Task<MeetingView> GetAsync(Actor actor, int meetingId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var m = await db.OneOnOnes.AsNoTracking()
            .Where(o => o.Id == meetingId)
            .Select(o => new { Meeting = o, LeaderName = o.Leader.DisplayName, MemberName = o.Member.DisplayName })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        var meeting = m.Meeting;
        var isLeader = meeting.LeaderId == actor.PersonId;
        if (!isLeader && meeting.MemberId != actor.PersonId)
        {
            throw new NotFoundException();
        }
        // A goal's words are plan words: a former leader still reads the old 1:1 but no longer the goal it was about.
        var readsPlan = await db.CanReadPlanAsync(actor.PersonId, meeting.MemberId, ct);
        var agenda = await db.AgendaItems.Where(a => a.MeetingId == meetingId).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Select(a => new AgendaItemView(a.Id, a.Text, a.Author.DisplayName, a.Discussed, a.CheckInId,
                readsPlan ? db.GrowthGoals.Where(g => g.Id == a.GoalId).Select(g => g.What).FirstOrDefault() : null))
            .ToListAsync(ct);

        // An upcoming meeting shows every open action item of the pair; a held one shows what it produced.
        var actions = meeting.Status == MeetingStatus.Upcoming
            ? db.ActionItems.Where(a => a.LeaderId == meeting.LeaderId && a.MemberId == meeting.MemberId
                                        && (a.DoneAt == null || a.CreatedInMeetingId == meetingId))
            : db.ActionItems.Where(a => a.CreatedInMeetingId == meetingId);
        var actionItems = await actions.OrderBy(a => a.DoneAt != null).ThenBy(a => a.DueOn).ThenBy(a => a.Id)
            .Select(a => new ActionItemView(a.Id, a.Text, a.OwnerId, a.Owner.DisplayName, a.DueOn, a.DoneAt, a.CreatedInMeetingId != meetingId))
            .ToListAsync(ct);
        var earlier = await db.OneOnOnes
            .Where(o => o.LeaderId == meeting.LeaderId && o.MemberId == meeting.MemberId && o.Status == MeetingStatus.Held && o.Id != meetingId)
            .OrderByDescending(o => o.HeldAt).Take(12)
            .Select(o => new PastMeeting(o.Id, o.HeldAt!.Value)).ToListAsync(ct);
        var next = meeting.Status == MeetingStatus.Held
            ? await db.OneOnOnes.Where(o => o.LeaderId == meeting.LeaderId && o.MemberId == meeting.MemberId && o.Status == MeetingStatus.Upcoming)
                .Select(o => (int?)o.Id).FirstOrDefaultAsync(ct)
            : null;

        return new MeetingView(meeting.Id, meeting.LeaderId, m.LeaderName, meeting.MemberId, m.MemberName, meeting.Status,
            meeting.PlannedFor, meeting.HeldAt, meeting.SharedNotes, isLeader ? meeting.PrivateNotes : null, meeting.Version,
            isLeader, agenda, actionItems, earlier, next, meeting.IsGrowthConversation);
    }

    public Task AddAgendaItemAsync(Actor actor, int meetingId, string text, CancellationToken ct) =>
        AddAgendaItemAsync(actor, meetingId, text, null, ct);

    /// <summary>Adds a talking point, tied to one of the member's active goals when <paramref name="goalId"/> is given.</summary>
    public async Task AddAgendaItemAsync(Actor actor, int meetingId, string text, int? goalId, CancellationToken ct)
    {
        var clean = ValidText("Text", text, "A talking point");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var meeting = await UpcomingForActorAsync(db, actor, meetingId, ct);
        if (goalId is { } goal && !await GoalChoices.IsReadableActiveGoalAsync(db, actor.PersonId, meeting.MemberId, goal, ct))
        {
            throw new RuleViolationException("GoalId", "Choose one of the member's active goals, or none.");
        }
        var item = new AgendaItem(meeting.Id, actor.PersonId, clean, null, time.GetUtcNow());
        item.TieToGoal(goalId);
        db.AgendaItems.Add(item);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A leader sends something from a check-in to the next 1:1 with that member. Returns the meeting.</summary>
    public async Task<int> SendFromCheckInAsync(Actor actor, int checkInId, string text, CancellationToken ct)
    {
        var clean = ValidText("Text", text, "A talking point");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var checkIn = await db.CheckIns.Where(c => c.Id == checkInId && c.Status != CheckInStatus.Draft)
            .Select(c => new { c.MemberId, c.TeamId }).SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        if (!await db.LeadsTeamAsync(actor.PersonId, checkIn.TeamId, ct))
        {
            throw new NotFoundException();
        }
        var meetingId = await CurrentMeetingAsync(db, actor.PersonId, checkIn.MemberId, ct);
        db.AgendaItems.Add(new AgendaItem(meetingId, actor.PersonId, clean, checkInId, time.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return meetingId;
    }

    public async Task SetDiscussedAsync(Actor actor, int agendaItemId, bool discussed, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var item = await db.AgendaItems.SingleOrDefaultAsync(a => a.Id == agendaItemId, ct) ?? throw new NotFoundException();
        await UpcomingForActorAsync(db, actor, item.MeetingId, ct);
        item.MarkDiscussed(discussed);
        await db.SaveChangesAsync(ct);
    }

    public async Task AddActionItemAsync(Actor actor, NewActionItem command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var rules = new Rules();
        var text = rules.Text(nameof(command.Text), command.Text, TextRules.ReasonLength, required: true, "An action");
        if (command.DueOn is { } due)
        {
            rules.Check(due >= time.Today().AddDays(-1) && due <= time.Today().AddYears(1), nameof(command.DueOn),
                "Choose a due date between today and a year from now.");
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        var meeting = await UpcomingForActorAsync(db, actor, command.MeetingId, ct);
        rules.Check(command.OwnerId == meeting.LeaderId || command.OwnerId == meeting.MemberId, nameof(command.OwnerId),
            "An action belongs to one of the two of you.");
        rules.ThrowIfAny();
        db.ActionItems.Add(new ActionItem(meeting.LeaderId, meeting.MemberId, command.OwnerId, text, command.DueOn, meeting.Id, time.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }

    public async Task SetActionItemDoneAsync(Actor actor, int actionItemId, bool done, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var item = await db.ActionItems.SingleOrDefaultAsync(a => a.Id == actionItemId, ct);
        if (item is null || (item.LeaderId != actor.PersonId && item.MemberId != actor.PersonId))
        {
            throw new NotFoundException();
        }
        item.MarkDone(done, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    public async Task SaveNotesAsync(Actor actor, MeetingNotes notes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var rules = new Rules();
        var shared = rules.Text(nameof(notes.SharedNotes), notes.SharedNotes, TextRules.DetailsLength, required: false, "Shared notes");
        var personal = rules.Text(nameof(notes.PrivateNotes), notes.PrivateNotes, TextRules.DetailsLength, required: false, "Private notes");
        rules.ThrowIfAny();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var meeting = await db.OneOnOnes.SingleOrDefaultAsync(o => o.Id == notes.MeetingId, ct) ?? throw new NotFoundException();
        if (meeting.LeaderId != actor.PersonId && meeting.MemberId != actor.PersonId)
        {
            throw new NotFoundException();
        }
        if (meeting.Version != notes.ExpectedVersion)
        {
            throw new ConcurrencyConflictException("The other person saved these notes while you were writing. Copy your text, reload, and add it again.");
        }
        meeting.WriteNotes(shared, meeting.LeaderId == actor.PersonId ? personal : null);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException("The other person saved these notes at the same moment. Reload and try again.", ex);
        }
    }

    /// <summary>
    /// Closes the meeting and opens the next one. Talking points not discussed move to the new meeting; open
    /// action items stay open and so show there too. Returns the next meeting's id.
    /// </summary>
    public async Task<int> MarkHeldAsync(Actor actor, int meetingId, DateOnly? nextPlannedFor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var meeting = await LedByActorAsync(db, actor, meetingId, "Your leader marks the 1:1 as held.", ct);
        if (nextPlannedFor is { } planned && planned < time.Today())
        {
            throw new RuleViolationException("NextPlannedFor", "The next 1:1 can't be planned in the past.");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        meeting.MarkHeld(now);
        var next = new OneOnOne(meeting.LeaderId, meeting.MemberId, nextPlannedFor, now);
        db.OneOnOnes.Add(next);
        await db.SaveChangesAsync(ct);
        await db.AgendaItems.Where(a => a.MeetingId == meetingId && !a.Discussed)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.MeetingId, next.Id), ct);
        await tx.CommitAsync(ct);
        return next.Id;
    }

    private async Task<int> CurrentMeetingAsync(ServantLeaderDb db, int leaderId, int memberId, CancellationToken ct)
    {
        var leads = await db.Memberships.Where(l => l.PersonId == leaderId && l.Role == TeamRole.Leader)
            .AnyAsync(l => db.Memberships.Any(m => m.TeamId == l.TeamId && m.PersonId == memberId && m.Role == TeamRole.Member), ct);
        if (!leads)
        {
            throw new NotFoundException();
        }
        var current = await db.OneOnOnes.Where(o => o.LeaderId == leaderId && o.MemberId == memberId && o.Status == MeetingStatus.Upcoming)
            .Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
        if (current is { } id)
        {
            return id;
        }
        var meeting = new OneOnOne(leaderId, memberId, null, time.GetUtcNow());
        db.OneOnOnes.Add(meeting);
        await db.SaveChangesAsync(ct);
        return meeting.Id;
    }

    /// <summary>
    /// The meeting, for a change only its leader makes: the member is told who may, anyone else learns nothing.
    /// </summary>
    internal static async Task<OneOnOne> LedByActorAsync(ServantLeaderDb db, Actor actor, int meetingId, string toMember,
        CancellationToken ct)
    {
        var meeting = await db.OneOnOnes.SingleOrDefaultAsync(o => o.Id == meetingId, ct) ?? throw new NotFoundException();
        if (meeting.LeaderId != actor.PersonId)
        {
            throw meeting.MemberId == actor.PersonId ? new ActionNotAllowedException(toMember) : new NotFoundException();
        }
        return meeting;
    }

    private static async Task<OneOnOne> UpcomingForActorAsync(ServantLeaderDb db, Actor actor, int meetingId, CancellationToken ct)
    {
        var meeting = await db.OneOnOnes.SingleOrDefaultAsync(o => o.Id == meetingId, ct) ?? throw new NotFoundException();
        if (meeting.LeaderId != actor.PersonId && meeting.MemberId != actor.PersonId)
        {
            throw new NotFoundException();
        }
        if (meeting.Status == MeetingStatus.Held)
        {
            throw new ActionNotAllowedException("This 1:1 has been held; add it to the next one instead.");
        }
        return meeting;
    }

    private static string ValidText(string field, string text, string label)
    {
        var rules = new Rules();
        var clean = rules.Text(field, text, TextRules.ReasonLength, required: true, label);
        rules.ThrowIfAny();
        return clean;
    }
}
