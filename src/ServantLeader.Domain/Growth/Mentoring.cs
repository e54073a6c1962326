using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Notifications;

namespace ServantLeader.Domain.Growth;

/// <summary>
/// Mentoring pairs: either person proposes, the other opts in or declines, either ends it. Inside a team or across
/// teams: any two active people. Only the mentee decides whether the mentor reads their plan.
/// </summary>
public sealed class Mentoring(IDbContextFactory<ServantLeaderDb> dbs, TimeProvider time, NotificationSignal signal)
{
    private const string Link = "/growth/mentoring";

    /// <summary>Everyone active except the actor, to pick the other side of a pair from.</summary>
    public async Task<IReadOnlyList<MentoringCandidate>> PeopleAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.People.Where(p => p.IsActive && p.Id != actor.PersonId)
            .OrderBy(p => p.DisplayName).ThenBy(p => p.Id)
            .Select(p => new MentoringCandidate(p.Id, p.DisplayName))
            .ToListAsync(ct);
    }

    /// <summary>The actor's pairs, as mentor and as mentee, sorted into what needs their answer, what waits and what runs.</summary>
    public async Task<MentoringOverview> OverviewAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var me = actor.PersonId;
        var pairs = await db.MentoringPairs.Where(p => p.MentorId == me || p.MenteeId == me)
            .OrderByDescending(p => p.ProposedAt).ThenByDescending(p => p.Id)
            .Take(200)
            .Select(p => new MentoringPairView(p.Id, p.Version, p.MentorId, p.Mentor.DisplayName, p.MenteeId,
                p.Mentee.DisplayName, p.Focus, p.Status, p.PlanShared, p.ProposedById == me, p.ProposedAt, p.StartedAt, p.EndedAt))
            .ToListAsync(ct);
        return new MentoringOverview(
            pairs.Where(p => p.Status == MentoringStatus.Proposed && !p.ProposedByMe).ToList(),
            pairs.Where(p => p.Status == MentoringStatus.Proposed && p.ProposedByMe).ToList(),
            pairs.Where(p => p.Status == MentoringStatus.Active).ToList(),
            pairs.Where(p => p.Status is MentoringStatus.Ended or MentoringStatus.Declined).Take(20).ToList());
    }

    public async Task<int> ProposeAsync(Actor actor, ProposeMentoring command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var rules = new Rules();
        var focus = rules.Text(nameof(command.Focus), command.Focus, MentoringPair.FocusLength, required: true,
            "What the mentoring is about", TextKind.Line);
        var me = actor.PersonId;
        var otherField = command.MentorId == me ? nameof(command.MenteeId) : nameof(command.MentorId);
        var other = command.MentorId == me ? command.MenteeId : command.MentorId;
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (command.MentorId != me && command.MenteeId != me)
        {
            rules.Add(RuleViolationException.General, "Propose a pair you are part of: as the mentor or as the mentee.");
        }
        else if (other == 0)
        {
            rules.Add(otherField, command.MentorId == me ? "Choose who you would mentor." : "Choose who you would like as a mentor.");
        }
        else if (other == me)
        {
            rules.Add(otherField, "A mentor and a mentee are two different people.");
        }
        else if (!await db.People.AnyAsync(p => p.Id == other && p.IsActive, ct))
        {
            rules.Add(otherField, "Choose someone who works here now.");
        }
        else if (await LiveAsync(db, command.MentorId, command.MenteeId, ct))
        {
            rules.Add(otherField, DuplicateMessage);
        }
        rules.ThrowIfAny();

        var now = time.GetUtcNow();
        var pair = new MentoringPair(command.MentorId, command.MenteeId, me, focus, now);
        db.MentoringPairs.Add(pair);
        var proposer = await db.People.Where(p => p.Id == me).Select(p => p.DisplayName).SingleAsync(ct);
        Notify.Person(db, other, NotificationKind.MentoringInvitation, command.MentorId == me
            ? $"{proposer} offered to mentor you. Say yes or no."
            : $"{proposer} asked you to be their mentor. Say yes or no.", Link, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            // The unique index on live pairs: the other person proposed the same pair at the same moment.
            await using var check = await dbs.CreateDbContextAsync(ct);
            if (await LiveAsync(check, command.MentorId, command.MenteeId, ct))
            {
                throw new RuleViolationException(otherField, DuplicateMessage);
            }
            throw;
        }
        Notify.Announce(db, signal);
        return pair.Id;
    }

    private const string DuplicateMessage =
        "You two already have a mentoring pair, proposed or active. Answer or end that one before proposing another.";

    private static Task<bool> LiveAsync(ServantLeaderDb db, int mentorId, int menteeId, CancellationToken ct) =>
        db.MentoringPairs.AnyAsync(p => p.MentorId == mentorId && p.MenteeId == menteeId
            && (p.Status == MentoringStatus.Proposed || p.Status == MentoringStatus.Active), ct);

    /// <summary>The invitee opts in: from now on both have said yes.</summary>
    public Task AcceptAsync(Actor actor, int pairId, int expectedVersion, CancellationToken ct) =>
        ChangeAsync(actor, pairId, expectedVersion, Side.Invitee, async (db, pair, now) =>
        {
            pair.Accept(now);
            var name = await NameAsync(db, actor.PersonId, ct);
            Notify.Person(db, pair.ProposedById, NotificationKind.MentoringInvitation,
                $"{name} said yes to mentoring.", Link, now);
        }, ct);

    /// <summary>The invitee declines, or the proposer withdraws; either way the pair never starts.</summary>
    public Task DeclineAsync(Actor actor, int pairId, int expectedVersion, CancellationToken ct) =>
        ChangeAsync(actor, pairId, expectedVersion, Side.Either, (_, pair, now) =>
        {
            pair.Decline(now);
            return Task.CompletedTask;
        }, ct);

    /// <summary>Either person ends an active pair; the mentor's access to the plan ends with it.</summary>
    public Task EndAsync(Actor actor, int pairId, int expectedVersion, CancellationToken ct) =>
        ChangeAsync(actor, pairId, expectedVersion, Side.Either, (_, pair, now) =>
        {
            pair.End(now);
            return Task.CompletedTask;
        }, ct);

    /// <summary>The mentee alone shares their plan with the mentor, or stops sharing it.</summary>
    public Task SharePlanAsync(Actor actor, int pairId, int expectedVersion, bool shared, CancellationToken ct) =>
        ChangeAsync(actor, pairId, expectedVersion, Side.Mentee, (_, pair, _) =>
        {
            pair.SharePlan(shared);
            return Task.CompletedTask;
        }, ct);

    private enum Side { Either, Invitee, Mentee }

    private async Task ChangeAsync(Actor actor, int pairId, int expectedVersion, Side side,
        Func<ServantLeaderDb, MentoringPair, DateTimeOffset, Task> change, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var pair = await db.MentoringPairs.SingleOrDefaultAsync(p => p.Id == pairId, ct);
        var me = actor.PersonId;
        if (pair is null || (pair.MentorId != me && pair.MenteeId != me))
        {
            throw new NotFoundException();
        }
        if (side == Side.Invitee && pair.InviteeId != me)
        {
            throw new ActionNotAllowedException("Only the person who was asked can say yes.");
        }
        if (side == Side.Mentee && pair.MenteeId != me)
        {
            throw new ActionNotAllowedException("Only the mentee decides whether their plan is shared.");
        }
        if (pair.Version != expectedVersion)
        {
            throw new ConcurrencyConflictException("The other person changed this pair while you were looking at it. Reload and try again.");
        }
        await change(db, pair, time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException("The other person changed this pair at the same moment. Reload and try again.", ex);
        }
        Notify.Announce(db, signal);
    }

    private static Task<string> NameAsync(ServantLeaderDb db, int personId, CancellationToken ct) =>
        db.People.Where(p => p.Id == personId).Select(p => p.DisplayName).SingleAsync(ct);
}
