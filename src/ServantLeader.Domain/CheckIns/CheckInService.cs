using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Live;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Notifications;
using ServantLeader.Domain.Requests;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.CheckIns;

/// <summary>
/// Check-ins: written by a member, read by that member and the leaders of the team, and by no one else.
/// HR gets participation and pulse only as aggregates of at least <see cref="MinGroupSize"/> people.
/// </summary>
public sealed class CheckInService(IDbContextFactory<ServantLeaderDb> dbs, TimeProvider time, TeamActivity activity,
    NotificationSignal signal)
{
    /// <summary>The smallest group whose aggregate HR may see.</summary>
    public const int MinGroupSize = 3;

    public async Task<IReadOnlyList<CheckInTeam>> MyTeamsAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var result = new List<CheckInTeam>();
        foreach (var (team, period) in await OpenPeriodsAsync(db, actor, TeamRole.Member, ct))
        {
            var mine = await db.CheckIns
                .Where(c => c.TeamId == team.TeamId && c.MemberId == actor.PersonId && c.PeriodDue == period.Due)
                .Select(c => new { c.Id, c.Status })
                .SingleOrDefaultAsync(ct);
            result.Add(new CheckInTeam(team.TeamId, team.Name, period, mine?.Status, mine?.Id));
        }
        return result;
    }

    /// <summary>The member's form for the open period: what they saved so far, their priorities and the comments.</summary>
    public async Task<CheckInForm> OpenAsync(Actor actor, int teamId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (team, period) = await MemberPeriodAsync(db, actor, teamId, ct);
        var checkIn = await db.CheckIns.AsNoTracking()
            .SingleOrDefaultAsync(c => c.TeamId == teamId && c.MemberId == actor.PersonId && c.PeriodDue == period.Due, ct);
        var priorities = await PrioritiesAsync(db, teamId, actor.PersonId, period, ct);
        var comments = checkIn is null ? [] : await CommentsAsync(db, checkIn.Id, checkIn.TeamId, ct);
        return new CheckInForm(teamId, team.Name, period, period.IsLate(time.Today()), checkIn?.Id, checkIn?.Status,
            checkIn?.Version ?? 0, checkIn?.Pulse, checkIn?.Wins ?? "", checkIn?.Challenges ?? "", checkIn?.Need ?? "",
            checkIn?.RequestId, checkIn?.UpdatedAt, priorities, comments);
    }

    /// <summary>
    /// Keeps what the member has typed so far. Called as they write, so a dropped connection loses nothing.
    /// Returns the new version.
    /// </summary>
    public async Task<int> SaveDraftAsync(Actor actor, CheckInAnswers answers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var rules = new Rules();
        var (wins, challenges, need) = Texts(rules, answers);
        if (answers.Pulse is { } pulse)
        {
            rules.Check(pulse is >= CheckIn.MinPulse and <= CheckIn.MaxPulse, nameof(answers.Pulse), PulseMessage);
        }
        rules.ThrowIfAny();

        await using var db = await dbs.CreateDbContextAsync(ct);
        var checkIn = await CurrentForWritingAsync(db, actor, answers, ct);
        if (checkIn.Status != CheckInStatus.Draft)
        {
            // A submitted check-in changes only through SubmitAsync, which validates it whole.
            return checkIn.Version;
        }
        checkIn.Write(answers.Pulse, wins, challenges, need, time.GetUtcNow());
        await SaveAsync(db, ct);
        return checkIn.Version;
    }

    /// <summary>
    /// Submits the open period's check-in, or saves changes to a submitted one that is not reviewed yet. When the
    /// member consents, their need becomes a request for help, in the same transaction.
    /// </summary>
    public async Task<int> SubmitAsync(Actor actor, CheckInAnswers answers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var rules = new Rules();
        var (wins, challenges, need) = Texts(rules, answers);
        rules.Check(answers.Pulse is >= CheckIn.MinPulse and <= CheckIn.MaxPulse, nameof(answers.Pulse), PulseMessage);
        if (answers.AskLeaderForHelp)
        {
            rules.Check(need.Length > 0, nameof(answers.Need), "Say what you need from your leader, or untick the box.");
            rules.Check(Enum.IsDefined(answers.NeedCategory), nameof(answers.NeedCategory), "Choose what kind of help you need.");
        }
        rules.ThrowIfAny();

        await using var db = await dbs.CreateDbContextAsync(ct);
        var checkIn = await CurrentForWritingAsync(db, actor, answers, ct);
        var now = time.GetUtcNow();
        var firstTime = checkIn.Status == CheckInStatus.Draft;
        checkIn.Write(answers.Pulse, wins, challenges, need, now);
        checkIn.Submit(now);
        ServiceRequest? request = null;
        if (answers.AskLeaderForHelp && checkIn.RequestId is null)
        {
            // The same rules as asking directly: the need reaches the team's leaders, so the team must have one.
            var ask = new AskForHelp
            {
                TeamId = checkIn.TeamId, Category = answers.NeedCategory, Title = TitleFrom(need), Details = need,
                Urgency = challenges.Length > 0 ? Urgency.High : Urgency.Normal,
            };
            request = await RequestService.AddAsync(db, actor, ask, nameof(answers.AskLeaderForHelp), time, ct);
            checkIn.LinkRequest(request);
        }
        // Notices link to the check-in and the request, so those are saved first, inside the same transaction.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await SaveAsync(db, ct);
        await CheckInAnnouncements.SubmittedAsync(db, checkIn, firstTime, now, ct);
        if (request is not null)
        {
            await RequestAnnouncements.CreatedAsync(db, request, ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        activity.Publish(new TeamChange(checkIn.TeamId, TeamChangeKind.CheckIn, checkIn.RequestId, checkIn.Id));
        Notify.Announce(db, signal);
        return checkIn.Id;
    }

    public async Task AddPriorityAsync(Actor actor, int teamId, string text, CancellationToken ct)
    {
        var rules = new Rules();
        var clean = rules.Text("NewPriority", text, TextRules.TitleLength * 2, required: true, "A priority", TextKind.Line);
        rules.ThrowIfAny();
        await using var db = await dbs.CreateDbContextAsync(ct);
        await MemberPeriodAsync(db, actor, teamId, ct);
        if (await db.Priorities.CountAsync(p => p.TeamId == teamId && p.MemberId == actor.PersonId && p.DoneAt == null, ct) >= 20)
        {
            throw new RuleViolationException("NewPriority", "You have 20 open priorities. Mark some done before adding more.");
        }
        db.Priorities.Add(new Priority(teamId, actor.PersonId, clean, time.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }

    public async Task SetPriorityDoneAsync(Actor actor, int priorityId, bool done, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var priority = await db.Priorities.SingleOrDefaultAsync(p => p.Id == priorityId && p.MemberId == actor.PersonId, ct)
                       ?? throw new NotFoundException();
        priority.MarkDone(done, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

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
            await PrioritiesAsync(db, checkIn.TeamId, checkIn.MemberId, checkIn.Period, ct),
            await CommentsAsync(db, checkIn.Id, checkIn.TeamId, ct));
    }

    /// <summary>The actor's own check-ins, newest first.</summary>
    public async Task<IReadOnlyList<CheckInSummary>> MineAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.CheckIns
            .Where(c => c.MemberId == actor.PersonId)
            .OrderByDescending(c => c.PeriodDue)
            .Select(c => new
            {
                c.Id, c.Team.Name, c.PeriodStart, c.PeriodDue, c.Status, c.Pulse, Blocker = c.Challenges != "",
                Comments = db.CheckInComments.Count(x => x.CheckInId == c.Id),
            })
            .ToListAsync(ct);
        return rows.Select(r => new CheckInSummary(r.Id, r.Name, new CheckInPeriod(r.PeriodStart, r.PeriodDue), r.Status,
            r.Pulse, r.Blocker, r.Comments)).ToList();
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
        await SaveAsync(db, ct);
        activity.Publish(new TeamChange(checkIn.TeamId, TeamChangeKind.CheckIn, CheckInId: checkIn.Id));
        Notify.Announce(db, signal);
    }

    /// <summary>The open period of every team the actor leads, one row per member, computed in the database.</summary>
    public async Task<IReadOnlyList<WeekTeam>> ThisWeekAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var today = time.Today();
        var result = new List<WeekTeam>();
        foreach (var (team, period) in await OpenPeriodsAsync(db, actor, TeamRole.Leader, ct))
        {
            var rows = await db.Memberships
                .Where(m => m.TeamId == team.TeamId && m.Role == TeamRole.Member && m.Person.IsActive)
                .OrderBy(m => m.Person.DisplayName)
                .Select(m => new
                {
                    m.PersonId,
                    m.Person.DisplayName,
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
                return new WeekRow(r.PersonId, r.DisplayName, status, late && !shared, shared ? r.CheckIn!.Id : null,
                    shared ? r.CheckIn!.Pulse : null, shared && r.CheckIn!.Challenges.Length > 0 ? r.CheckIn.Challenges : null,
                    shared ? r.CheckIn!.SubmittedAt : null);
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

    /// <summary>In-app notices: a member's check-in due or overdue; a leader's check-ins waiting for review.</summary>
    public async Task<IReadOnlyList<Reminder>> RemindersAsync(Actor actor, CancellationToken ct)
    {
        var today = time.Today();
        var reminders = new List<Reminder>();
        foreach (var team in await MyTeamsAsync(actor, ct))
        {
            if (team.Status is null or CheckInStatus.Draft)
            {
                var late = team.Period.IsLate(today);
                reminders.Add(new Reminder(late ? ReminderKind.CheckInOverdue : ReminderKind.CheckInDue, team.TeamId, team.TeamName,
                    team.Period.Due, 1, null));
            }
        }
        foreach (var group in (await UnreviewedAsync(actor, ct)).GroupBy(u => (u.TeamId, u.TeamName)))
        {
            reminders.Add(new Reminder(ReminderKind.ReviewsWaiting, group.Key.TeamId, group.Key.TeamName, null, group.Count(),
                group.Min(u => u.SubmittedAt)));
        }
        return reminders;
    }

    /// <summary>
    /// Participation and mean pulse per team for the last <paramref name="periods"/> periods, for HR.
    /// Aggregated in the database; figures from fewer than <see cref="MinGroupSize"/> people are withheld.
    /// </summary>
    public async Task<IReadOnlyList<CheckInParticipation>> ParticipationAsync(Actor actor, int periods, CancellationToken ct)
    {
        if (!actor.IsHr)
        {
            throw new ActionNotAllowedException("Only HR sees check-in participation across teams.");
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        var today = time.Today();
        var teams = await db.Teams.OrderBy(t => t.Name)
            .Select(t => new
            {
                t.Id, t.Name, t.CheckInCadence, t.CheckInDueDay,
                Members = t.Memberships.Count(m => m.Role == TeamRole.Member && m.Person.IsActive),
            })
            .ToListAsync(ct);
        var result = new List<CheckInParticipation>();
        foreach (var team in teams)
        {
            var period = CheckInPeriod.Open(today, team.CheckInCadence, team.CheckInDueDay);
            var oldest = period;
            for (var i = 1; i < Math.Clamp(periods, 1, 52); i++)
            {
                oldest = oldest.Previous();
            }
            var figures = await db.CheckIns
                .Where(c => c.TeamId == team.Id && c.Status != CheckInStatus.Draft && c.PeriodDue >= oldest.Due && c.PeriodDue <= period.Due)
                .GroupBy(c => c.PeriodDue)
                .Select(g => new { Due = g.Key, Submitted = g.Count(), Pulses = g.Count(c => c.Pulse != null), MeanPulse = g.Average(c => (double?)c.Pulse) })
                .ToDictionaryAsync(f => f.Due, ct);
            for (var p = period; p.Due >= oldest.Due; p = p.Previous())
            {
                figures.TryGetValue(p.Due, out var f);
                var enoughMembers = team.Members >= MinGroupSize;
                var submitted = f?.Submitted ?? 0;
                result.Add(new CheckInParticipation(team.Id, team.Name, p, team.Members,
                    enoughMembers ? submitted : null,
                    enoughMembers ? (double)submitted / team.Members : null,
                    enoughMembers && f is { Pulses: >= MinGroupSize } ? f.MeanPulse : null));
            }
        }
        return result;
    }

    private sealed record TeamRhythm(int TeamId, string Name);

    /// <summary>The open check-in period of each team in which the actor has <paramref name="role"/>.</summary>
    private async Task<IReadOnlyList<(TeamRhythm Team, CheckInPeriod Period)>> OpenPeriodsAsync(ServantLeaderDb db, Actor actor,
        TeamRole role, CancellationToken ct)
    {
        var today = time.Today();
        var teams = await db.Memberships
            .Where(m => m.PersonId == actor.PersonId && m.Role == role)
            .OrderBy(m => m.Team.Name)
            .Select(m => new { m.TeamId, m.Team.Name, m.Team.CheckInCadence, m.Team.CheckInDueDay })
            .ToListAsync(ct);
        return teams.Select(t => (new TeamRhythm(t.TeamId, t.Name), CheckInPeriod.Open(today, t.CheckInCadence, t.CheckInDueDay))).ToList();
    }

    private const string PulseMessage = "Choose how work felt, from 1 (very hard) to 5 (great).";

    private static (string Wins, string Challenges, string Need) Texts(Rules rules, CheckInAnswers answers) => (
        rules.Text(nameof(answers.Wins), answers.Wins, TextRules.NoteLength, required: false, "Wins"),
        rules.Text(nameof(answers.Challenges), answers.Challenges, TextRules.NoteLength, required: false, "Challenges and blockers"),
        rules.Text(nameof(answers.Need), answers.Need, TextRules.NoteLength, required: false, "What you need"));

    private static string TitleFrom(string need)
    {
        var firstLine = need.Split('\n', 2)[0].Trim();
        var info = new System.Globalization.StringInfo(firstLine);
        return info.LengthInTextElements <= TextRules.TitleLength
            ? firstLine
            : info.SubstringByTextElements(0, TextRules.TitleLength - 1) + "…";
    }

    private async Task<(Team Team, CheckInPeriod Period)> MemberPeriodAsync(ServantLeaderDb db, Actor actor, int teamId, CancellationToken ct)
    {
        if (!await db.IsMemberOfTeamAsync(actor.PersonId, teamId, ct))
        {
            throw new RuleViolationException("TeamId", "You check in with a team you are a member of.");
        }
        var team = await db.Teams.AsNoTracking().SingleAsync(t => t.Id == teamId, ct);
        return (team, CheckInPeriod.Open(time.Today(), team.CheckInCadence, team.CheckInDueDay));
    }

    private async Task<CheckIn> CurrentForWritingAsync(ServantLeaderDb db, Actor actor, CheckInAnswers answers, CancellationToken ct)
    {
        var (_, period) = await MemberPeriodAsync(db, actor, answers.TeamId, ct);
        var checkIn = await db.CheckIns.SingleOrDefaultAsync(
            c => c.TeamId == answers.TeamId && c.MemberId == actor.PersonId && c.PeriodDue == period.Due, ct);
        if (checkIn is null)
        {
            checkIn = new CheckIn(answers.TeamId, actor.PersonId, period, time.GetUtcNow());
            db.CheckIns.Add(checkIn);
        }
        else if (checkIn.Version != answers.ExpectedVersion)
        {
            throw new ConcurrencyConflictException(
                "This check-in was changed in another window or by a leader's review. Reload to continue from the saved version.");
        }
        return checkIn;
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

    private static async Task SaveAsync(ServantLeaderDb db, CancellationToken ct)
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

    private static async Task<IReadOnlyList<PriorityItem>> PrioritiesAsync(ServantLeaderDb db, int teamId, int memberId,
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

    private static async Task<IReadOnlyList<CheckInCommentItem>> CommentsAsync(ServantLeaderDb db, int checkInId, int teamId, CancellationToken ct)
    {
        var leaders = db.Memberships.Where(m => m.TeamId == teamId && m.Role == TeamRole.Leader).Select(m => m.PersonId);
        return await db.CheckInComments
            .Where(c => c.CheckInId == checkInId)
            .OrderBy(c => c.At).ThenBy(c => c.Id)
            .Select(c => new CheckInCommentItem(c.Id, c.Author.DisplayName, leaders.Contains(c.AuthorId), c.Section, c.Text, c.At))
            .ToListAsync(ct);
    }
}
