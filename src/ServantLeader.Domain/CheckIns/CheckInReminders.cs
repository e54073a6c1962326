using ServantLeader.Domain.Common;

namespace ServantLeader.Domain.CheckIns;

/// <summary>The in-app notices about check-ins, for both sides: what a member owes and what waits for a leader.</summary>
public sealed class CheckInReminders(CheckInWriting writing, CheckInReview review, TimeProvider time)
{
    /// <summary>In-app notices: a member's check-in due or overdue; a leader's check-ins waiting for review.</summary>
    public async Task<IReadOnlyList<Reminder>> RemindersAsync(Actor actor, CancellationToken ct)
    {
        var today = time.Today();
        var reminders = new List<Reminder>();
        foreach (var team in await writing.MyTeamsAsync(actor, ct))
        {
            if (team.Status is null or CheckInStatus.Draft)
            {
                var late = team.Period.IsLate(today);
                reminders.Add(new Reminder(late ? ReminderKind.CheckInOverdue : ReminderKind.CheckInDue, team.TeamId, team.TeamName,
                    team.Period.Due, 1, null));
            }
        }
        foreach (var group in (await review.UnreviewedAsync(actor, ct)).GroupBy(u => (u.TeamId, u.TeamName)))
        {
            reminders.Add(new Reminder(ReminderKind.ReviewsWaiting, group.Key.TeamId, group.Key.TeamName, null, group.Count(),
                group.Min(u => u.SubmittedAt)));
        }
        return reminders;
    }
}
