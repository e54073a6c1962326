using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Notifications;
using ServantLeader.Domain.Webhooks;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Credits;

public sealed class GiveCredit
{
    public int TeamId { get; set; }
    public int ReceiverId { get; set; }
    public string Message { get; set; } = "";

    /// <summary>Set when a leader credits a win from a check-in.</summary>
    public int? CheckInId { get; set; }
}

public sealed record CreditItem(int Id, string GiverName, string ReceiverName, string Message, DateTimeOffset At, bool ForCheckInWin);

public sealed record Teammate(int PersonId, string Name, int TeamId, string TeamName);

/// <summary>Public credit between teammates: given within a team, shown on its page to everyone.</summary>
public sealed class CreditService(IDbContextFactory<ServantLeaderDb> dbs, TimeProvider time, NotificationSignal signal)
{
    /// <summary>People the actor can thank: everyone who shares a team with them.</summary>
    public async Task<IReadOnlyList<Teammate>> TeammatesAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var mine = db.Memberships.Where(m => m.PersonId == actor.PersonId).Select(m => m.TeamId);
        return await db.Memberships
            .Where(m => mine.Contains(m.TeamId) && m.PersonId != actor.PersonId && m.Person.IsActive)
            .OrderBy(m => m.Person.DisplayName).ThenBy(m => m.Team.Name)
            .Select(m => new Teammate(m.PersonId, m.Person.DisplayName, m.TeamId, m.Team.Name))
            .ToListAsync(ct);
    }

    public async Task<int> GiveAsync(Actor actor, GiveCredit command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var rules = new Rules();
        var message = rules.Text(nameof(command.Message), command.Message, Credit.MessageLength, required: true,
            "A message saying what you are thanking them for");
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (command.ReceiverId == actor.PersonId)
        {
            rules.Add(nameof(command.ReceiverId), "Credit is for someone else.");
        }
        else if (!await InTeamAsync(db, actor.PersonId, command.TeamId, ct) || !await InTeamAsync(db, command.ReceiverId, command.TeamId, ct))
        {
            rules.Add(nameof(command.ReceiverId), "You can thank people in a team you share.");
        }
        if (command.CheckInId is { } checkInId)
        {
            var checkIn = await db.CheckIns.Where(c => c.Id == checkInId && c.Status != CheckInStatus.Draft)
                .Select(c => new { c.MemberId, c.TeamId }).SingleOrDefaultAsync(ct);
            if (checkIn is null || checkIn.MemberId != command.ReceiverId || checkIn.TeamId != command.TeamId
                || !await db.LeadsTeamAsync(actor.PersonId, checkIn.TeamId, ct))
            {
                rules.Add(nameof(command.CheckInId), "Only their leader can credit a win from their check-in.");
            }
        }
        rules.ThrowIfAny();
        var now = time.GetUtcNow();
        var credit = new Credit(command.TeamId, actor.PersonId, command.ReceiverId, message, command.CheckInId, now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Credits.Add(credit);
        await db.SaveChangesAsync(ct);
        var names = await db.Credits.Where(c => c.Id == credit.Id)
            .Select(c => new { Giver = c.Giver.DisplayName, Receiver = c.Receiver.DisplayName, Team = c.Team.Name })
            .SingleAsync(ct);
        Notify.Person(db, credit.ReceiverId, NotificationKind.CreditReceived, $"{names.Giver} gave you credit in {names.Team}.",
            $"/teams/{credit.TeamId}", now);
        await WebhookQueue.AddAsync(db, WebhookEvents.CreditGiven,
            WebhookMessages.CreditGiven(credit.Id, credit.TeamId, names.Team, names.Giver, names.Receiver, message, now), now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        Notify.Announce(db, signal);
        return credit.Id;
    }

    /// <summary>A team's credit, newest first. Public to everyone signed in, like the team page it appears on.</summary>
    public async Task<IReadOnlyList<CreditItem>> ForTeamAsync(int teamId, int take, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Credits
            .Where(c => c.TeamId == teamId)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Take(Math.Clamp(take, 1, 200))
            .Select(c => new CreditItem(c.Id, c.Giver.DisplayName, c.Receiver.DisplayName, c.Message, c.CreatedAt, c.CheckInId != null))
            .ToListAsync(ct);
    }

    private static Task<bool> InTeamAsync(ServantLeaderDb db, int personId, int teamId, CancellationToken ct) =>
        db.Memberships.AnyAsync(m => m.PersonId == personId && m.TeamId == teamId && m.Person.IsActive, ct);
}
