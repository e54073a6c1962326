using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Live;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Notifications;
using ServantLeader.Domain.Requests;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.CheckIns;

/// <summary>
/// The member writing their check-in: the open period's form, drafts kept as they type, submitting (with the need
/// turned into a request for help when they consent), their priorities, and their own past check-ins.
/// </summary>
public sealed class CheckInWriting(IDbContextFactory<ServantLeaderDb> dbs, TimeProvider time, TeamActivity activity,
    NotificationSignal signal)
{
    public async Task<IReadOnlyList<CheckInTeam>> MyTeamsAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var result = new List<CheckInTeam>();
        foreach (var (team, period) in await CheckInQueries.OpenPeriodsAsync(db, actor, time, TeamRole.Member, ct))
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
        var priorities = await CheckInQueries.PrioritiesAsync(db, teamId, actor.PersonId, period, ct);
        var comments = checkIn is null ? [] : await CheckInQueries.CommentsAsync(db, checkIn.Id, checkIn.TeamId, ct);
        var goals = await CheckInGoals.ForFormAsync(db, actor.PersonId, checkIn?.Id, ct);
        return new CheckInForm(teamId, team.Name, period, period.IsLate(time.Today()), checkIn?.Id, checkIn?.Status,
            checkIn?.Version ?? 0, checkIn?.Pulse, checkIn?.Wins ?? "", checkIn?.Challenges ?? "", checkIn?.Need ?? "",
            checkIn?.RequestId, checkIn?.UpdatedAt, priorities, comments, checkIn?.HelpToGrow ?? "", goals);
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
        var helpToGrow = HelpToGrowText(rules, answers);
        if (answers.Pulse is { } pulse)
        {
            rules.Check(pulse is >= CheckIn.MinPulse and <= CheckIn.MaxPulse, nameof(answers.Pulse), PulseMessage);
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        await CheckInGoals.CheckAsync(db, actor.PersonId, answers.Goals, rules, ct);
        rules.ThrowIfAny();
        var checkIn = await CurrentForWritingAsync(db, actor, answers, ct);
        if (checkIn.Status != CheckInStatus.Draft)
        {
            // A submitted check-in changes only through SubmitAsync, which validates it whole.
            return checkIn.Version;
        }
        var now = time.GetUtcNow();
        checkIn.Write(answers.Pulse, wins, challenges, need, now);
        WriteHelpToGrow(checkIn, helpToGrow, now);
        await CheckInGoals.ApplyAsync(db, checkIn, answers.Goals, ct);
        await CheckInQueries.SaveAsync(db, ct);
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
        var helpToGrow = HelpToGrowText(rules, answers);

        await using var db = await dbs.CreateDbContextAsync(ct);
        var goals = await CheckInGoals.CheckAsync(db, actor.PersonId, answers.Goals, rules, ct);
        rules.ThrowIfAny();
        var checkIn = await CurrentForWritingAsync(db, actor, answers, ct);
        var now = time.GetUtcNow();
        var firstTime = checkIn.Status == CheckInStatus.Draft;
        checkIn.Write(answers.Pulse, wins, challenges, need, now);
        WriteHelpToGrow(checkIn, helpToGrow, now);
        checkIn.Submit(now);
        var progress = await CheckInGoals.ApplyAsync(db, checkIn, answers.Goals, ct);
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
        var stuck = await CheckInGoals.AskForHelpAsync(db, actor, checkIn, answers.Goals, progress, goals, time, ct);
        // Notices link to the check-in and the request, so those are saved first, inside the same transaction.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await CheckInQueries.SaveAsync(db, ct);
        await CheckInAnnouncements.SubmittedAsync(db, checkIn, firstTime, now, ct);
        if (request is not null)
        {
            await RequestAnnouncements.CreatedAsync(db, request, ct);
        }
        foreach (var (row, asked) in stuck)
        {
            row.LinkRequest(asked.Id);
            await RequestAnnouncements.CreatedAsync(db, asked, ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        activity.Publish(new TeamChange(checkIn.TeamId, TeamChangeKind.CheckIn, checkIn.RequestId, checkIn.Id));
        foreach (var (_, asked) in stuck)
        {
            activity.Publish(new TeamChange(checkIn.TeamId, TeamChangeKind.Request, asked.Id));
        }
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

    private const string PulseMessage = "Choose how work felt, from 1 (very hard) to 5 (great).";

    private static (string Wins, string Challenges, string Need) Texts(Rules rules, CheckInAnswers answers) => (
        rules.Text(nameof(answers.Wins), answers.Wins, TextRules.NoteLength, required: false, "Wins"),
        rules.Text(nameof(answers.Challenges), answers.Challenges, TextRules.NoteLength, required: false, "Challenges and blockers"),
        rules.Text(nameof(answers.Need), answers.Need, TextRules.NoteLength, required: false, "What you need"));

    private static string HelpToGrowText(Rules rules, CheckInAnswers answers) =>
        rules.Text(nameof(answers.HelpToGrow), answers.HelpToGrow, TextRules.NoteLength, required: false, "What would help you grow");

    /// <summary>Only a change is written, so a save that leaves the answer alone moves the version once, not twice.</summary>
    private static void WriteHelpToGrow(CheckIn checkIn, string helpToGrow, DateTimeOffset now)
    {
        if (checkIn.HelpToGrow != helpToGrow)
        {
            checkIn.WriteHelpToGrow(helpToGrow, now);
        }
    }

    internal static string TitleFrom(string need)
    {
        var firstLine = need.Split('\n', 2)[0].Trim();
        var info = new System.Globalization.StringInfo(firstLine);
        return info.LengthInTextElements <= TextRules.TitleLength
            ? firstLine
            : info.SubstringByTextElements(0, TextRules.TitleLength - 1) + "…";
    }

    private async Task<(Team Team, CheckInPeriod Period)> MemberPeriodAsync(ServantLeaderDb db, Actor actor, int teamId, CancellationToken ct)
    {
        // The membership answers both questions: whether they may check in here, and from which period.
        var since = await db.Memberships
            .Where(m => m.PersonId == actor.PersonId && m.TeamId == teamId && m.Role == TeamRole.Member && m.Person.IsActive)
            .Select(m => (DateTimeOffset?)m.Since)
            .FirstOrDefaultAsync(ct)
            ?? throw new RuleViolationException("TeamId", "You check in with a team you are a member of.");
        var team = await db.Teams.AsNoTracking().SingleAsync(t => t.Id == teamId, ct);
        return (team, CheckInPeriod.Open(time.Today(), team.CheckInCadence, team.CheckInDueDay).NotBefore(CheckInQueries.JoinedDay(since, time)));
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
}
