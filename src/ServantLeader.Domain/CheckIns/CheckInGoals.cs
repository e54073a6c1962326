using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Growth;
using ServantLeader.Domain.Requests;
using ServantLeader.Domain.Support;

namespace ServantLeader.Domain.CheckIns;

/// <summary>
/// The growth part of a check-in: how each active goal went this period, and a stuck goal turned into a request for
/// help when the member consents. Progress rows are part of the check-in, so they are as private as it is.
/// </summary>
internal static class CheckInGoals
{
    /// <summary>A stuck goal asks for coaching: the member wants a way forward, not a thing removed.</summary>
    internal const SupportCategory StuckCategory = SupportCategory.Coaching;

    /// <summary>
    /// Checks the answers against the member's own active goals (whatever the form sent) and returns those goals'
    /// words by id, for the requests a stuck goal may become.
    /// </summary>
    internal static async Task<IReadOnlyDictionary<int, string>> CheckAsync(ServantLeaderDb db, int memberId,
        IReadOnlyList<GoalAnswer> answers, Rules rules, CancellationToken ct)
    {
        var ids = answers.Select(a => a.GoalId).Distinct().ToList();
        var goals = ids.Count == 0
            ? new Dictionary<int, string>()
            : await GoalChoices.ActiveGoals(db, memberId).Where(g => ids.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.What, ct);
        rules.Check(ids.Count == answers.Count, nameof(CheckInAnswers.Goals), "Each goal is answered once.");
        foreach (var answer in answers)
        {
            var field = GoalAnswer.Field(answer.GoalId);
            if (!goals.ContainsKey(answer.GoalId))
            {
                // Another person's goal and one no longer active get the same answer: nothing about a plan leaks.
                rules.Add(field, "This is not one of your active goals. Reload to see your goals as they are now.");
                continue;
            }
            if (answer.Movement is { } movement)
            {
                rules.Check(Enum.IsDefined(movement), field, "Choose whether the goal moved forward, got stuck, or had no time.");
            }
            rules.Check(!answer.AskLeaderForHelp || answer.Movement == GoalMovement.Stuck, field,
                "Only a stuck goal can become a request for help. Mark it stuck, or untick the box.");
        }
        return goals;
    }

    /// <summary>Writes the answers as progress rows of <paramref name="checkIn"/>; returns the rows by goal.</summary>
    internal static async Task<Dictionary<int, GoalProgress>> ApplyAsync(ServantLeaderDb db, CheckIn checkIn,
        IReadOnlyList<GoalAnswer> answers, CancellationToken ct)
    {
        var rows = checkIn.Id == 0
            ? new Dictionary<int, GoalProgress>()
            : await db.GoalProgress.Where(p => p.CheckInId == checkIn.Id).ToDictionaryAsync(p => p.GoalId, ct);
        foreach (var answer in answers)
        {
            rows.TryGetValue(answer.GoalId, out var row);
            if (answer.Movement is not { } movement)
            {
                // Unanswered again; a row that already became a request stays, so the request keeps its reason.
                if (row is not null && row.RequestId is null)
                {
                    db.GoalProgress.Remove(row);
                    rows.Remove(answer.GoalId);
                }
                continue;
            }
            if (row is null)
            {
                row = new GoalProgress(checkIn, answer.GoalId, movement);
                db.GoalProgress.Add(row);
                rows[answer.GoalId] = row;
            }
            else
            {
                row.Report(movement);
            }
        }
        return rows;
    }

    /// <summary>
    /// Adds a request for help for each stuck goal the member consented to send, through the same path as asking
    /// directly. The caller saves, then links each row to its request's id.
    /// </summary>
    internal static async Task<List<(GoalProgress Row, ServiceRequest Request)>> AskForHelpAsync(ServantLeaderDb db, Actor actor,
        CheckIn checkIn, IReadOnlyList<GoalAnswer> answers, IReadOnlyDictionary<int, GoalProgress> rows,
        IReadOnlyDictionary<int, string> goals, TimeProvider time, CancellationToken ct)
    {
        var asked = new List<(GoalProgress, ServiceRequest)>();
        foreach (var answer in answers.Where(a => a.AskLeaderForHelp && a.Movement == GoalMovement.Stuck))
        {
            var row = rows[answer.GoalId];
            if (row.RequestId is not null)
            {
                continue;
            }
            var what = goals[answer.GoalId];
            var ask = new AskForHelp
            {
                TeamId = checkIn.TeamId, Category = StuckCategory, Title = CheckInWriting.TitleFrom("Stuck on my goal: " + what),
                Details = $"My growth goal \"{what}\" got stuck this period."
                          + (checkIn.HelpToGrow.Length > 0 ? $"\n\nWhat would help me grow: {checkIn.HelpToGrow}" : ""),
            };
            asked.Add((row, await RequestService.AddAsync(db, actor, ask, GoalAnswer.Field(answer.GoalId), time, ct)));
        }
        return asked;
    }

    /// <summary>The member's active goals, each with this check-in's answer, for the member's form.</summary>
    internal static async Task<IReadOnlyList<CheckInGoal>> ForFormAsync(ServantLeaderDb db, int memberId, int? checkInId,
        CancellationToken ct) =>
        await GoalChoices.ActiveGoals(db, memberId)
            .OrderBy(g => g.CreatedAt).ThenBy(g => g.Id)
            .Select(g => new
            {
                g.Id, g.What,
                Progress = db.GoalProgress.Where(p => p.CheckInId == checkInId && p.GoalId == g.Id)
                    .Select(p => new { p.Movement, p.RequestId }).FirstOrDefault(),
            })
            .Select(g => new CheckInGoal(g.Id, g.What, g.Progress == null ? null : g.Progress.Movement,
                g.Progress == null ? null : g.Progress.RequestId))
            .ToListAsync(ct);

    /// <summary>
    /// The goals this check-in reported on, for a reader of the check-in. A goal's words are plan words, so a reader
    /// who may no longer read the plan (a former leader) sees none.
    /// </summary>
    internal static async Task<IReadOnlyList<CheckInGoal>> ReportedAsync(ServantLeaderDb db, int readerId, CheckIn checkIn,
        CancellationToken ct)
    {
        if (!await db.CanReadPlanAsync(readerId, checkIn.MemberId, ct))
        {
            return [];
        }
        return await db.GoalProgress.Where(p => p.CheckInId == checkIn.Id)
            .OrderBy(p => p.Goal.CreatedAt).ThenBy(p => p.GoalId)
            .Select(p => new CheckInGoal(p.GoalId, p.Goal.What, p.Movement, p.RequestId))
            .ToListAsync(ct);
    }
}
