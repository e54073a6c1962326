using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Notifications;
using ServantLeader.Domain.Webhooks;

namespace ServantLeader.Domain.CheckIns;

/// <summary>Who hears about a check-in. Names and the fact of a blocker only; the answers stay on the check-in page.</summary>
internal static class CheckInAnnouncements
{
    public static async Task SubmittedAsync(ServantLeaderDb db, CheckIn checkIn, bool firstTime, DateTimeOffset at, CancellationToken ct)
    {
        var names = await db.CheckIns.Where(c => c.Id == checkIn.Id)
            .Select(c => new { Member = c.Member.DisplayName, Team = c.Team.Name })
            .SingleAsync(ct);
        if (firstTime)
        {
            await Notify.LeadersAsync(db, checkIn.TeamId, checkIn.MemberId, NotificationKind.CheckInSubmitted,
                checkIn.HasBlocker ? $"{names.Member} submitted a check-in with a blocker." : $"{names.Member} submitted a check-in.",
                $"/check-ins/{checkIn.Id}", at, ct);
        }
        if (checkIn.HasBlocker)
        {
            // Once per check-in: an edit that keeps the blocker does not announce it again.
            await WebhookQueue.AddAsync(db, WebhookEvents.CheckInBlocker,
                WebhookMessages.CheckInBlocker(checkIn.Id, checkIn.TeamId, names.Team, at), at, ct);
        }
    }

    public static async Task ReviewedAsync(ServantLeaderDb db, CheckIn checkIn, int leaderId, DateTimeOffset at, CancellationToken ct)
    {
        var leader = await db.People.Where(p => p.Id == leaderId).Select(p => p.DisplayName).SingleAsync(ct);
        Notify.Person(db, checkIn.MemberId, NotificationKind.CheckInReviewed, $"{leader} reviewed your check-in.",
            $"/check-ins/{checkIn.Id}", at);
    }

    /// <summary>A comment tells the other side: a leader's goes to the member, the member's to the team's leaders.</summary>
    public static async Task CommentedAsync(ServantLeaderDb db, CheckIn checkIn, int authorId, DateTimeOffset at, CancellationToken ct)
    {
        var author = await db.People.Where(p => p.Id == authorId).Select(p => p.DisplayName).SingleAsync(ct);
        var link = $"/check-ins/{checkIn.Id}";
        if (authorId == checkIn.MemberId)
        {
            await Notify.LeadersAsync(db, checkIn.TeamId, authorId, NotificationKind.CheckInComment,
                $"{author} replied on their check-in.", link, at, ct);
        }
        else
        {
            Notify.Person(db, checkIn.MemberId, NotificationKind.CheckInComment, $"{author} commented on your check-in.", link, at);
        }
    }
}
