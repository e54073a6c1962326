using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Notifications;

namespace ServantLeader.Domain.Growth;

/// <summary>
/// "Ask a peer": find a teammate who can teach a skill and ask them for help. It is a request between two peers and
/// is kept apart from service requests: it never reaches a leader's inbox and never counts in their figures.
/// </summary>
public sealed class PeerRequests(IDbContextFactory<ServantLeaderDb> dbs, TimeProvider time, NotificationSignal signal)
{
    public const int MaxMatches = 50;
    private const string Link = "/growth/peers";

    /// <summary>
    /// Teammates (active, sharing a team with the actor) who hold a skill whose name contains the search, at "can teach
    /// others". Confirmed ones come first; a claim nobody has confirmed yet is returned too, marked unconfirmed, so the
    /// asker can weigh it: asking a peer costs little, and a new teacher is often one nobody has confirmed yet.
    /// </summary>
    public async Task<IReadOnlyList<TeacherMatch>> FindTeachersAsync(Actor actor, string? skill, CancellationToken ct)
    {
        var key = Skill.KeyOf(skill ?? "");
        if (key.Length == 0)
        {
            return [];
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        var me = actor.PersonId;
        var myTeams = db.Memberships.Where(m => m.PersonId == me && m.Person.IsActive).Select(m => m.TeamId);
        var teammates = db.Memberships.Where(m => myTeams.Contains(m.TeamId)).Select(m => m.PersonId);
        return await db.Skills
            .Where(s => s.PersonId != me && s.Person.IsActive && teammates.Contains(s.PersonId)
                && s.ProposedLevel == SkillLevel.CanTeach && s.Key.Contains(key))
            .OrderByDescending(s => s.ConfirmedLevel == SkillLevel.CanTeach).ThenBy(s => s.Person.DisplayName).ThenBy(s => s.Name)
            .Take(MaxMatches)
            .Select(s => new TeacherMatch(s.PersonId, s.Person.DisplayName, s.Id, s.Name, s.ConfirmedLevel == SkillLevel.CanTeach))
            .ToListAsync(ct);
    }

    public async Task<int> AskAsync(Actor actor, AskPeer command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var rules = new Rules();
        var message = rules.Text(nameof(command.Message), command.Message, PeerRequest.MessageLength, required: true,
            "A message saying what you would like help with");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var me = actor.PersonId;
        if (command.PeerId == me)
        {
            rules.Add(nameof(command.PeerId), "Ask someone other than yourself.");
        }
        else if (!await SharesTeamAsync(db, me, command.PeerId, ct))
        {
            rules.Add(nameof(command.PeerId), "You can ask an active teammate in a team you share.");
        }
        if (command.SkillId is { } skillId && !await db.Skills.AnyAsync(s => s.Id == skillId && s.PersonId == command.PeerId, ct))
        {
            rules.Add(nameof(command.SkillId), "That skill is not one of theirs.");
        }
        if (command.GoalId is { } goalId && !await db.GrowthGoals.AnyAsync(g => g.Id == goalId && g.PersonId == me
                && g.State == GoalState.Active, ct))
        {
            rules.Add(nameof(command.GoalId), "Choose one of your own active goals, or none.");
        }
        rules.ThrowIfAny();

        var now = time.GetUtcNow();
        var request = new PeerRequest(me, command.PeerId, command.SkillId, command.GoalId, message, now);
        db.PeerRequests.Add(request);
        var asker = await db.People.Where(p => p.Id == me).Select(p => p.DisplayName).SingleAsync(ct);
        var skillName = command.SkillId is { } id ? await db.Skills.Where(s => s.Id == id).Select(s => s.Name).SingleAsync(ct) : null;
        Notify.Person(db, command.PeerId, NotificationKind.PeerRequest,
            skillName is null ? $"{asker} asked you for help." : $"{asker} asked you for help with {skillName}.", Link, now);
        await db.SaveChangesAsync(ct);
        Notify.Announce(db, signal);
        return request.Id;
    }

    /// <summary>The peer says yes (with an optional answer: when, where) or no.</summary>
    public async Task AnswerAsync(Actor actor, AnswerPeerRequest command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var rules = new Rules();
        var answer = rules.Text(nameof(command.Answer), command.Answer, TextRules.ReasonLength, required: false, "Your answer");
        rules.ThrowIfAny();
        await ChangeAsync(actor, command.RequestId, command.ExpectedVersion, asPeer: true, async (db, request, now) =>
        {
            if (command.Accept)
            {
                request.Accept(answer, now);
            }
            else
            {
                request.Decline(answer, now);
            }
            var peer = await db.People.Where(p => p.Id == actor.PersonId).Select(p => p.DisplayName).SingleAsync(ct);
            Notify.Person(db, request.AskerId, NotificationKind.PeerRequest,
                command.Accept ? $"{peer} said yes to helping you." : $"{peer} can't help this time.", Link, now);
        }, ct);
    }

    /// <summary>The asker says the help happened.</summary>
    public Task MarkDoneAsync(Actor actor, int requestId, int expectedVersion, CancellationToken ct) =>
        ChangeAsync(actor, requestId, expectedVersion, asPeer: false, (_, request, now) =>
        {
            request.MarkDone(now);
            return Task.CompletedTask;
        }, ct);

    /// <summary>Requests addressed to the actor, open ones first. The asker's goal stays theirs: it is not shown.</summary>
    public async Task<IReadOnlyList<PeerRequestView>> AskedOfMeAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.PeerRequests.Where(r => r.PeerId == actor.PersonId)
            .OrderBy(r => r.Status != PeerRequestStatus.Open).ThenByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Take(PeerSupportLog.ListLength)
            .Select(r => new PeerRequestView(r.Id, r.Version, r.Asker.DisplayName, r.Peer.DisplayName,
                r.Skill != null ? r.Skill.Name : null, null, r.Message, r.Status, r.Answer, r.CreatedAt))
            .ToListAsync(ct);
    }

    /// <summary>Requests the actor made, newest first, with the goal each was for.</summary>
    public async Task<IReadOnlyList<PeerRequestView>> AskedByMeAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.PeerRequests.Where(r => r.AskerId == actor.PersonId)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Take(PeerSupportLog.ListLength)
            .Select(r => new PeerRequestView(r.Id, r.Version, r.Asker.DisplayName, r.Peer.DisplayName,
                r.Skill != null ? r.Skill.Name : null,
                db.GrowthGoals.Where(g => g.Id == r.GoalId).Select(g => g.What).FirstOrDefault(),
                r.Message, r.Status, r.Answer, r.CreatedAt))
            .ToListAsync(ct);
    }

    private static Task<bool> SharesTeamAsync(ServantLeaderDb db, int personId, int otherId, CancellationToken ct) =>
        db.Memberships.AnyAsync(m => m.PersonId == otherId && m.Person.IsActive
            && db.Memberships.Any(a => a.PersonId == personId && a.TeamId == m.TeamId && a.Person.IsActive), ct);

    private async Task ChangeAsync(Actor actor, int requestId, int expectedVersion, bool asPeer,
        Func<ServantLeaderDb, PeerRequest, DateTimeOffset, Task> change, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var request = await db.PeerRequests.SingleOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null || (request.PeerId != actor.PersonId && request.AskerId != actor.PersonId))
        {
            throw new NotFoundException();
        }
        if (asPeer && request.PeerId != actor.PersonId)
        {
            throw new ActionNotAllowedException("Only the person who was asked can answer.");
        }
        if (!asPeer && request.AskerId != actor.PersonId)
        {
            throw new ActionNotAllowedException("Only the person who asked can mark it done.");
        }
        if (request.Version != expectedVersion)
        {
            throw new ConcurrencyConflictException("This request changed while you were looking at it. Reload and try again.");
        }
        await change(db, request, time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException("This request changed at the same moment elsewhere. Reload and try again.", ex);
        }
        Notify.Announce(db, signal);
    }
}
