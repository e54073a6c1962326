using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Live;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Notifications;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.CheckIns;

/// <summary>
/// Reading a check-in and answering it: the member and the leaders of the team read and comment on it, and a leader
/// reviews it. A leader sees the team's week at a glance and what waits for review; nobody else learns a check-in exists.
/// </summary>
public sealed class CheckInReview(IDbContextFactory<ServantLeaderDb> dbs, TimeProvider time, TeamActivity activity,
    NotificationSignal signal)
{
    /// <exception cref="NotFoundException">The check-in does not exist, or the actor is neither its member nor a leader of its team.</exception>
    public async Task<CheckInView> GetAsync(Actor actor, int checkInId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var c = await db.CheckIns.AsNoTracking()
            .Where(c => c.Id == checkInId)
            .Select(c => new { CheckIn = c, TeamName = c.Team.Name, MemberName = c.Member.DisplayName })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        var isMember = c.CheckIn.MemberId == actor.PersonId;
        var isLeader = await db.LeadsTeamAsync(actor.PersonId, c.CheckIn.TeamId, ct);
        // A leader reads a check-in once it is shared with them, never a draft.
        if (!isMember && !(isLeader && c.CheckIn.Status != CheckInStatus.Draft))
        {
            throw new NotFoundException();
        }
        var checkIn = c.CheckIn;
        var actions = new CheckInActions(
            Edit: isMember && checkIn.Status != CheckInStatus.Reviewed,
            Comment: checkIn.Status != CheckInStatus.Draft,
            Review: isLeader && checkIn.Status == CheckInStatus.Submitted,
            SendToOneOnOne: isLeader,
            GiveCredit: isLeader && checkIn.Wins.Length > 0);
        return new CheckInView(checkIn.Id, checkIn.TeamId, c.TeamName, checkIn.MemberId, c.MemberName, checkIn.Period,
            checkIn.Status, checkIn.Pulse, checkIn.Wins, checkIn.Challenges, checkIn.Need, checkIn.RequestId,
            checkIn.SubmittedAt, checkIn.ReviewedAt, checkIn.Version, isMember, actions,
            await CheckInQueries.PrioritiesAsync(db, checkIn.TeamId, checkIn.MemberId, checkIn.Period, ct),
            await CheckInQueries.CommentsAsync(db, checkIn.Id, checkIn.TeamId, ct),
            checkIn.HelpToGrow, await CheckInGoals.ReportedAsync(db, actor.PersonId, checkIn, ct));
    }

    public async Task CommentAsync(Actor actor, int checkInId, CheckInSection section, string text, CancellationToken ct)
    {
        var rules = new Rules();
        var clean = rules.Text("Comment", text, TextRules.NoteLength, required: true, "A comment");
        rules.Check(Enum.IsDefined(section), "Section", "Choose which answer you are commenting on.");
        rules.ThrowIfAny();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var checkIn = await VisibleAsync(db, actor, checkInId, ct);
        if (checkIn.Status == CheckInStatus.Draft)
        {
            throw new ActionNotAllowedException("Comments open once the check-in is submitted.");
        }
        var now = time.GetUtcNow();
        db.CheckInComments.Add(new CheckInComment(checkInId, actor.PersonId, section, clean, now));
        await CheckInAnnouncements.CommentedAsync(db, checkIn, actor.PersonId, now, ct);
        await db.SaveChangesAsync(ct);
        Notify.Announce(db, signal);
    }

    public async Task MarkReviewedAsync(Actor actor, int checkInId, int expectedVersion, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var checkIn = await VisibleAsync(db, actor, checkInId, ct);
        if (!await db.LeadsTeamAsync(actor.PersonId, checkIn.TeamId, ct))
        {
            throw new ActionNotAllowedException("Only a leader of the team reviews check-ins.");
        }
        if (checkIn.Version != expectedVersion)
        {
            throw new ConcurrencyConflictException("The member changed this check-in while you were reading it. Reload to see their change.");
        }
        var now = time.GetUtcNow();
        checkIn.MarkReviewed(actor.PersonId, now);
        await CheckInAnnouncements.ReviewedAsync(db, checkIn, actor.PersonId, now, ct);
        await CheckInQueries.SaveAsync(db, ct);
        activity.Publish(new TeamChange(checkIn.TeamId, TeamChangeKind.CheckIn, CheckInId: checkIn.Id));
        Notify.Announce(db, signal);
    }

    /// <summary>The open period of every team the actor leads, one row per member, computed in the database.</summary>
    public async Task<IReadOnlyList<WeekTeam>> ThisWeekAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var today = time.Today();
        var result = new List<WeekTeam>();
        foreach (var (team, period) in await CheckInQueries.OpenPeriodsAsync(db, actor, time, TeamRole.Leader, ct))
        {
            var rows = await db.Memberships
                .Where(m => m.TeamId == team.TeamId && m.Role == TeamRole.Member && m.Person.IsActive)
                .OrderBy(m => m.Person.DisplayName)
                .Select(m => new
                {
                    m.PersonId,
                    m.Person.DisplayName,
                    m.Since,
                    CheckIn = db.CheckIns
                        .Where(c => c.TeamId == team.TeamId && c.MemberId == m.PersonId && c.PeriodDue == period.Due)
                        .Select(c => new { c.Id, c.Status, c.Pulse, c.Challenges, c.SubmittedAt })
                        .FirstOrDefault(),
                })
                .ToListAsync(ct);
            var late = period.IsLate(today);
            result.Add(new WeekTeam(team.TeamId, team.Name, period, late, rows.Select(r =>
            {
                var status = r.CheckIn?.Status switch
                {
                    null => WeekStatus.NotStarted,
                    CheckInStatus.Draft => WeekStatus.Writing,
                    CheckInStatus.Submitted => WeekStatus.Submitted,
                    _ => WeekStatus.Reviewed,
                };
                var shared = status is WeekStatus.Submitted or WeekStatus.Reviewed;
                // Someone who joined after the due day was never expected for this period, so is never late for it
                // (the organisation's zone: per-person zones come later).
                var joinedAfterDue = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(r.Since, time.LocalTimeZone).DateTime) > period.Due;
                return new WeekRow(r.PersonId, r.DisplayName, status, late && !shared && !joinedAfterDue, shared ? r.CheckIn!.Id : null,
                    shared ? r.CheckIn!.Pulse : null, shared && r.CheckIn!.Challenges.Length > 0 ? r.CheckIn.Challenges : null,
                    shared ? r.CheckIn!.SubmittedAt : null, JoinedAfterDue: joinedAfterDue);
            }).ToList()));
        }
        return result;
    }

    /// <summary>Submitted check-ins of the actor's teams that no leader has reviewed yet, oldest first.</summary>
    public async Task<IReadOnlyList<UnreviewedCheckIn>> UnreviewedAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var led = db.TeamsLedBy(actor.PersonId);
        return await db.CheckIns
            .Where(c => led.Contains(c.TeamId) && c.Status == CheckInStatus.Submitted)
            .OrderBy(c => c.SubmittedAt)
            .Select(c => new UnreviewedCheckIn(c.Id, c.TeamId, c.Team.Name, c.Member.DisplayName, new CheckInPeriod(c.PeriodStart, c.PeriodDue),
                c.SubmittedAt!.Value, c.Challenges != ""))
            .ToListAsync(ct);
    }

    private static async Task<CheckIn> VisibleAsync(ServantLeaderDb db, Actor actor, int checkInId, CancellationToken ct)
    {
        var checkIn = await db.CheckIns.SingleOrDefaultAsync(c => c.Id == checkInId, ct) ?? throw new NotFoundException();
        if (checkIn.MemberId == actor.PersonId)
        {
            return checkIn;
        }
        if (checkIn.Status != CheckInStatus.Draft && await db.LeadsTeamAsync(actor.PersonId, checkIn.TeamId, ct))
        {
            return checkIn;
        }
        throw new NotFoundException();
    }
}
