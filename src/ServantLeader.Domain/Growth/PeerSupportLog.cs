using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Notifications;
using ServantLeader.Domain.Support;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Growth;

/// <summary>
/// Help one teammate gave another, logged by the giver and confirmed by the receiver. The giver's note is theirs
/// unless shared with the receiver; leaders never read it here (they get counts on the dashboard).
/// </summary>
public sealed class PeerSupportLog(IDbContextFactory<ServantLeaderDb> dbs, TimeProvider time, NotificationSignal signal)
{
    /// <summary>How many entries each list shows: a person's recent help, not an archive.</summary>
    public const int ListLength = 100;

    /// <summary>
    /// Everyone active who shares a team with the actor. A leader's help to a member of a team they lead is left out:
    /// that is a leader's service and belongs in the support log, so it is not counted twice.
    /// </summary>
    public async Task<IReadOnlyList<PeerToHelp>> PeersAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await Peers(db, actor.PersonId)
            .OrderBy(m => m.Person.DisplayName).ThenBy(m => m.Team.Name)
            .Select(m => new PeerToHelp(m.PersonId, m.Person.DisplayName, m.TeamId, m.Team.Name))
            .ToListAsync(ct);
    }

    /// <summary>The actor's own active goals, newest first.</summary>
    public async Task<IReadOnlyList<GoalChoice>> OwnActiveGoalsAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await ActiveGoals(db, actor.PersonId, ct);
    }

    internal static Task<List<GoalChoice>> ActiveGoals(ServantLeaderDb db, int personId, CancellationToken ct) =>
        db.GrowthGoals.Where(g => g.PersonId == personId && g.State == GoalState.Active)
            .OrderByDescending(g => g.CreatedAt).ThenByDescending(g => g.Id)
            .Select(g => new GoalChoice(g.Id, g.What))
            .ToListAsync(ct);

    public async Task<int> LogAsync(Actor actor, LogPeerSupport command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        await using var db = await dbs.CreateDbContextAsync(ct);

        var rules = new Rules();
        var note = rules.Text(nameof(command.Note), command.Note, TextRules.NoteLength, required: true, "A note on what you did");
        rules.Check(Enum.IsDefined(command.Category), nameof(command.Category), "Choose the kind of help.");
        SupportTime.Check(rules, command.Minutes, command.Date, time.Today(), "Help");

        if (command.ReceiverId == 0 || command.TeamId == 0)
        {
            rules.Add(nameof(command.ReceiverId), "Choose the teammate you helped.");
        }
        else if (command.ReceiverId == actor.PersonId)
        {
            rules.Add(nameof(command.ReceiverId), "Help is logged for a teammate, not for yourself.");
        }
        else if (!await Peers(db, actor.PersonId).AnyAsync(m => m.PersonId == command.ReceiverId && m.TeamId == command.TeamId, ct))
        {
            rules.Add(nameof(command.ReceiverId), await db.LeadsTeamAsync(actor.PersonId, command.TeamId, ct)
                ? "You lead this member's team: log what you did for them under Support."
                : "You can log help only for an active teammate in a team you share.");
        }
        rules.ThrowIfAny();

        var now = time.GetUtcNow();
        var entry = new PeerSupport(actor.PersonId, command.ReceiverId, command.TeamId, command.Category, command.Minutes,
            command.Date, note, command.SharedWithReceiver, now);
        db.PeerSupport.Add(entry);
        var giver = await db.People.Where(p => p.Id == actor.PersonId).Select(p => p.DisplayName).SingleAsync(ct);
        // Who, never what: the note stays behind the page's own check.
        Notify.Person(db, command.ReceiverId, NotificationKind.PeerSupportToConfirm,
            $"{giver} logged help they gave you. Confirm it if it happened.", "/growth/peers", now);
        await db.SaveChangesAsync(ct);
        Notify.Announce(db, signal);
        return entry.Id;
    }

    /// <summary>Help the actor gave, newest first, with their notes.</summary>
    public async Task<IReadOnlyList<PeerHelpGiven>> GivenAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.PeerSupport.Where(s => s.GiverId == actor.PersonId)
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.Id)
            .Take(ListLength)
            .Select(s => new PeerHelpGiven(s.Id, s.Date, s.Receiver.DisplayName, s.Team.Name, s.Category, s.Minutes, s.Note,
                s.SharedWithReceiver, s.ConfirmedAt != null))
            .ToListAsync(ct);
    }

    /// <summary>Help the actor received, unconfirmed first. A note the giver kept private stays private.</summary>
    public async Task<IReadOnlyList<PeerHelpReceived>> ReceivedAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.PeerSupport.Where(s => s.ReceiverId == actor.PersonId)
            .OrderBy(s => s.ConfirmedAt != null).ThenByDescending(s => s.Date).ThenByDescending(s => s.Id)
            .Take(ListLength)
            .Select(s => new PeerHelpReceived(s.Id, s.Date, s.Giver.DisplayName, s.Team.Name, s.Category, s.Minutes,
                s.SharedWithReceiver ? s.Note : null, s.ConfirmedAt != null, s.GoalId,
                db.GrowthGoals.Where(g => g.Id == s.GoalId).Select(g => g.What).FirstOrDefault()))
            .ToListAsync(ct);
    }

    /// <summary>The receiver says the help happened, and may tie it to one of their own active goals.</summary>
    public async Task ConfirmAsync(Actor actor, int entryId, int? goalId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var entry = await db.PeerSupport.SingleOrDefaultAsync(s => s.Id == entryId, ct);
        if (entry is null || entry.ReceiverId != actor.PersonId)
        {
            throw new NotFoundException();
        }
        if (goalId is { } goal && !await db.GrowthGoals.AnyAsync(g => g.Id == goal && g.PersonId == actor.PersonId
                && g.State == GoalState.Active, ct))
        {
            throw new RuleViolationException("GoalId", "Choose one of your own active goals, or none.");
        }
        entry.Confirm(goalId, time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            // The giver deleted it between the two reads.
            throw new NotFoundException("The teammate removed this entry.", ex);
        }
    }

    /// <summary>The giver takes back an entry the receiver has not confirmed; a confirmed one is part of both their records.</summary>
    public async Task DeleteAsync(Actor actor, int entryId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        // One statement, so a confirmation arriving at the same moment either lands first and keeps the entry, or not at all.
        var deleted = await db.PeerSupport
            .Where(s => s.Id == entryId && s.GiverId == actor.PersonId && s.ConfirmedAt == null)
            .ExecuteDeleteAsync(ct);
        if (deleted == 0)
        {
            if (await db.PeerSupport.AnyAsync(s => s.Id == entryId && s.GiverId == actor.PersonId, ct))
            {
                throw new ActionNotAllowedException("Your teammate has confirmed this help, so it stays on both your records.");
            }
            throw new NotFoundException();
        }
    }

    /// <summary>
    /// The memberships of the actor's active teammates: anyone active in a team the actor is in, except the actor,
    /// and except members of a team the actor leads.
    /// </summary>
    private static IQueryable<Membership> Peers(ServantLeaderDb db, int actorId)
    {
        var mine = db.Memberships.Where(m => m.PersonId == actorId && m.Person.IsActive);
        return db.Memberships.Where(m => m.PersonId != actorId && m.Person.IsActive
            && mine.Any(a => a.TeamId == m.TeamId && !(a.Role == TeamRole.Leader && m.Role == TeamRole.Member)));
    }
}
