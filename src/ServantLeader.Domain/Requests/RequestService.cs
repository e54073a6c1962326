using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Live;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Notifications;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Requests;

/// <summary>
/// Asking for help and answering it. Every method takes the acting person and checks them against the request:
/// the requester and the leaders of the request's team see it; nobody else learns that it exists.
/// </summary>
public sealed class RequestService(IDbContextFactory<ServantLeaderDb> dbs, TimeProvider time, TeamActivity activity,
    NotificationSignal signal)
{
    public const int MinRating = 1;
    public const int MaxRating = 5;

    private static readonly System.Linq.Expressions.Expression<Func<ServiceRequest, InboxItem>> AsInboxItem =
        r => new InboxItem(r.Id, r.Title, r.Category, r.Urgency, r.Status, r.CreatedAt, r.NeededBy,
            r.RequesterId, r.Requester.DisplayName, r.TeamId, r.Team.Name, r.Version);

    /// <summary>The teams the actor belongs to as a member, and who leads each.</summary>
    public async Task<IReadOnlyList<TeamToAsk>> TeamsToAskAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var teams = await db.Memberships
            .Where(m => m.PersonId == actor.PersonId && m.Role == TeamRole.Member)
            .OrderBy(m => m.Team.Name)
            .Select(m => new
            {
                m.TeamId,
                m.Team.Name,
                Leaders = m.Team.Memberships
                    .Where(l => l.Role == TeamRole.Leader && l.Person.IsActive)
                    .OrderBy(l => l.Person.DisplayName)
                    .Select(l => l.Person.DisplayName)
                    .ToList(),
            })
            .ToListAsync(ct);
        return teams.Select(t => new TeamToAsk(t.TeamId, t.Name, t.Leaders)).ToList();
    }

    public async Task<int> AskAsync(Actor actor, AskForHelp command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var request = await AddAsync(db, actor, command, nameof(command.TeamId), time, ct);
        // The notices need the request's id, so the request is saved first, inside the same transaction.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await RequestAnnouncements.CreatedAsync(db, request, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        activity.Publish(new TeamChange(request.TeamId, TeamChangeKind.Request, request.Id));
        Notify.Announce(db, signal);
        return request.Id;
    }

    /// <summary>
    /// The one way a request comes to be, asked directly or from a check-in: it checks the command and that the team
    /// has an active leader to answer, and adds the request to <paramref name="db"/>. The caller saves it and then
    /// announces it with <see cref="RequestAnnouncements.CreatedAsync"/>, inside its own transaction.
    /// </summary>
    /// <param name="teamField">The form field a problem with the team is shown next to.</param>
    /// <exception cref="RuleViolationException">The command breaks a rule; nothing is added.</exception>
    internal static async Task<ServiceRequest> AddAsync(ServantLeaderDb db, Actor actor, AskForHelp command, string teamField,
        TimeProvider time, CancellationToken ct)
    {
        var rules = new Rules();
        var title = rules.Text(nameof(command.Title), command.Title, TextRules.TitleLength, required: true, "A title", TextKind.Line);
        var details = rules.Text(nameof(command.Details), command.Details, TextRules.DetailsLength, required: true,
            "Details");
        rules.Check(Enum.IsDefined(command.Category), nameof(command.Category), "Choose what kind of help you need.");
        rules.Check(Enum.IsDefined(command.Urgency), nameof(command.Urgency), "Choose how urgent this is.");
        var today = time.Today();
        if (command.NeededBy is { } neededBy)
        {
            rules.Check(neededBy >= today, nameof(command.NeededBy), "The needed-by date can't be in the past.");
            rules.Check(neededBy <= today.AddYears(2), nameof(command.NeededBy),
                "The needed-by date must be within two years.");
        }
        if (command.TeamId == 0)
        {
            rules.Add(teamField, "Choose the team whose leaders you are asking.");
        }
        else if (!await db.IsMemberOfTeamAsync(actor.PersonId, command.TeamId, ct))
        {
            rules.Add(teamField, "You can only ask the leaders of a team you are a member of.");
        }
        else if (!await db.Memberships.AnyAsync(m => m.TeamId == command.TeamId && m.Role == TeamRole.Leader
                     && m.Person.IsActive, ct))
        {
            rules.Add(teamField, "This team has no leader yet. Ask an administrator to assign one.");
        }
        rules.ThrowIfAny();

        var request = new ServiceRequest(command.TeamId, actor.PersonId, command.Category, title, details,
            command.Urgency, command.NeededBy, time.GetUtcNow());
        db.ServiceRequests.Add(request);
        return request;
    }

    /// <summary>The actor's own requests, newest first.</summary>
    public async Task<IReadOnlyList<RequestSummary>> MineAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.ServiceRequests
            .Where(r => r.RequesterId == actor.PersonId)
            .OrderByDescending(r => r.CreatedAt)
            .Select(r => new RequestSummary(r.Id, r.Title, r.Category, r.Urgency, r.Status, r.CreatedAt, r.NeededBy,
                r.Team.Name, r.ConfirmedAt != null, r.Rating))
            .ToListAsync(ct);
    }

    /// <summary>Open and acknowledged requests from the members of every team the actor leads, oldest first.</summary>
    public async Task<IReadOnlyList<InboxItem>> InboxAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var led = db.TeamsLedBy(actor.PersonId);
        return await db.ServiceRequests
            .Where(r => led.Contains(r.TeamId)
                        && (r.Status == RequestStatus.Open || r.Status == RequestStatus.Acknowledged))
            .OrderBy(r => r.CreatedAt)
            .Select(AsInboxItem)
            .ToListAsync(ct);
    }

    /// <summary>Requests the actor's teams closed recently, newest first, so a leader can see what awaits confirmation.</summary>
    public async Task<IReadOnlyList<InboxItem>> RecentlyClosedAsync(Actor actor, int days, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var led = db.TeamsLedBy(actor.PersonId);
        var since = time.GetUtcNow().AddDays(-days);
        return await db.ServiceRequests
            .Where(r => led.Contains(r.TeamId)
                        && ((r.ResolvedAt != null && r.ResolvedAt >= since) || (r.DeclinedAt != null && r.DeclinedAt >= since)))
            .OrderByDescending(r => r.CreatedAt)
            .Select(AsInboxItem)
            .ToListAsync(ct);
    }

    /// <exception cref="NotFoundException">The request does not exist or the actor may not see it.</exception>
    public async Task<RequestDetail> GetAsync(Actor actor, int id, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var request = await db.ServiceRequests
            .Where(r => r.Id == id)
            .Select(r => new
            {
                r.Id, r.Title, r.Details, r.Category, r.Urgency, r.NeededBy, r.Status, r.CreatedAt,
                r.RequesterId, RequesterName = r.Requester.DisplayName, r.TeamId, TeamName = r.Team.Name,
                r.Resolution, r.DeclineReason, r.Rating, r.RatingComment, r.ConfirmedAt, r.Version,
            })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException();

        var isRequester = request.RequesterId == actor.PersonId;
        var isLeader = await db.LeadsTeamAsync(actor.PersonId, request.TeamId, ct);
        if (!isRequester && !isLeader)
        {
            throw new NotFoundException();
        }

        var history = await db.RequestEvents
            .Where(e => e.RequestId == id)
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new RequestHistoryItem(e.Kind, e.Actor.DisplayName, e.At, e.Note))
            .ToListAsync(ct);

        // A support note is the leader's own unless they shared it.
        var viewer = actor.PersonId;
        var support = await db.SupportEntries
            .Where(s => s.RequestId == id)
            .OrderBy(s => s.Date).ThenBy(s => s.Id)
            .Select(s => new RequestSupportItem(s.Id, s.Leader.DisplayName, s.Category, s.Minutes, s.Date,
                s.LeaderId == viewer || s.SharedWithMember ? s.Note : null))
            .ToListAsync(ct);

        var active = request.Status is RequestStatus.Open or RequestStatus.Acknowledged;
        var confirmed = request.ConfirmedAt is not null;
        var actions = new RequestActions(
            Acknowledge: isLeader && request.Status == RequestStatus.Open,
            Resolve: isLeader && active,
            Decline: isLeader && active,
            Confirm: isRequester && request.Status == RequestStatus.Resolved && !confirmed,
            Reopen: isRequester && request.Status is RequestStatus.Resolved or RequestStatus.Declined && !confirmed,
            LogSupport: isLeader);

        return new RequestDetail(request.Id, request.Title, request.Details, request.Category, request.Urgency,
            request.NeededBy, request.Status, request.CreatedAt, request.RequesterId, request.RequesterName,
            request.TeamId, request.TeamName, request.Resolution, request.DeclineReason, request.Rating,
            request.RatingComment, confirmed, request.Version, isRequester, actions, history, support);
    }

    public Task AcknowledgeAsync(Actor actor, RespondToRequest command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var rules = new Rules();
        var note = rules.Text(nameof(command.Note), command.Note, TextRules.NoteLength, required: false, "The note");
        rules.ThrowIfAny();
        return ChangeAsync(actor, command.RequestId, command.ExpectedVersion, Party.Leader,
            (r, now) => r.Acknowledge(actor.PersonId, note, now), "acknowledged", ct);
    }

    public Task ResolveAsync(Actor actor, RespondToRequest command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var rules = new Rules();
        var note = rules.Text(nameof(command.Note), command.Note, TextRules.NoteLength, required: false,
            "The resolution");
        rules.ThrowIfAny();
        return ChangeAsync(actor, command.RequestId, command.ExpectedVersion, Party.Leader,
            (r, now) => r.Resolve(actor.PersonId, note.Length == 0 ? null : note, now), "resolved", ct);
    }

    public Task DeclineAsync(Actor actor, RespondToRequest command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var rules = new Rules();
        var reason = rules.Text(nameof(command.Note), command.Note, TextRules.ReasonLength, required: true,
            "A reason for declining");
        rules.ThrowIfAny();
        return ChangeAsync(actor, command.RequestId, command.ExpectedVersion, Party.Leader,
            (r, now) => r.Decline(actor.PersonId, reason, now), "declined", ct);
    }

    public Task ConfirmAsync(Actor actor, ConfirmRequest command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var rules = new Rules();
        rules.Check(command.Rating is >= MinRating and <= MaxRating, nameof(command.Rating),
            $"Choose a rating from {MinRating} to {MaxRating}.");
        var comment = rules.Text(nameof(command.Comment), command.Comment, TextRules.ReasonLength, required: false,
            "The comment");
        rules.ThrowIfAny();
        return ChangeAsync(actor, command.RequestId, command.ExpectedVersion, Party.Requester,
            (r, now) => r.Confirm(actor.PersonId, command.Rating, comment.Length == 0 ? null : comment, now), "confirmed and rated", ct);
    }

    public Task ReopenAsync(Actor actor, RespondToRequest command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var rules = new Rules();
        var reason = rules.Text(nameof(command.Note), command.Note, TextRules.ReasonLength, required: true,
            "A reason for reopening");
        rules.ThrowIfAny();
        return ChangeAsync(actor, command.RequestId, command.ExpectedVersion, Party.Requester,
            (r, now) => r.Reopen(actor.PersonId, reason, now), "reopened", ct);
    }

    private enum Party
    {
        Leader,
        Requester,
    }

    private async Task ChangeAsync(Actor actor, int requestId, int expectedVersion, Party party,
        Action<ServiceRequest, DateTimeOffset> change, string what, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var request = await db.ServiceRequests.SingleOrDefaultAsync(r => r.Id == requestId, ct)
                      ?? throw new NotFoundException();

        var isRequester = request.RequesterId == actor.PersonId;
        var isLeader = await db.LeadsTeamAsync(actor.PersonId, request.TeamId, ct);
        if (!isRequester && !isLeader)
        {
            throw new NotFoundException();
        }
        if (party == Party.Leader && !isLeader)
        {
            throw new ActionNotAllowedException("Only the leaders of the requester's team can act on this request.");
        }
        if (party == Party.Requester && !isRequester)
        {
            throw new ActionNotAllowedException("Only the person who asked can confirm, rate or reopen this request.");
        }
        if (request.Version != expectedVersion)
        {
            throw new ConcurrencyConflictException();
        }

        var now = time.GetUtcNow();
        change(request, now);
        await RequestAnnouncements.ChangedAsync(db, request, actor.PersonId, party == Party.Leader, what, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException(
                "Someone else changed this request while you were looking at it. Reload to see their change, then try again.", ex);
        }
        activity.Publish(new TeamChange(request.TeamId, TeamChangeKind.Request, request.Id));
        Notify.Announce(db, signal);
    }
}
