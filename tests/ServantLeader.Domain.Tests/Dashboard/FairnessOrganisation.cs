using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.OneOnOnes;
using ServantLeader.Domain.Requests;
using ServantLeader.Domain.Support;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Tests.Dashboard;

/// <summary>
/// The standard organisation plus what the fairness and follow-through figures read: Product grows to five members
/// (Noah, Ava, and Ida who joins on 4 November), support spread unevenly, 1:1s and action items, and check-ins that raise
/// and clear blockers. The period is 19 October – 15 November 2026, four whole weeks (W0–W3) that are over on the test
/// clock (Wednesday 18 November 2026, UTC). The values worked out by hand are in the test that uses them.
/// </summary>
internal sealed class FairnessOrganisation
{
    public static readonly DateOnly From = new(2026, 10, 19);
    public static readonly DateOnly To = new(2026, 11, 15);

    public required Actor Noah { get; init; }
    public required Actor Ida { get; init; }
    public required Actor Ava { get; init; }

    private static DateTimeOffset At(int month, int day, int hour = 9, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    public static async Task<FairnessOrganisation> CreateAsync(Organisation org)
    {
        var db = org.Db;
        var noah = await db.PersonAsync("Noah Newer");
        var ida = await db.PersonAsync("Ida Incoming");
        var ava = await db.PersonAsync("Ava Also");
        var teams = db.Get<TeamService>();
        foreach (var person in new[] { noah, ida, ava })
        {
            await teams.SetMembershipAsync(org.Admin, org.Product, person.PersonId, TeamRole.Member, CancellationToken.None);
        }
        var (lea, colin, mia, max) = (org.Lea.PersonId, org.Colin.PersonId, org.Mia.PersonId, org.Max.PersonId);
        await using var context = db.NewDb();
        // Everyone joined long ago, except Ida, who joined in W2.
        await context.Memberships.ExecuteUpdateAsync(s => s.SetProperty(m => m.Since, At(1, 1)));
        await context.Memberships.Where(m => m.PersonId == ida.PersonId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Since, At(11, 4, 12)));

        // Support in Product by Lea: Mia 150 min in 4 entries, Max 30 in 3, Noah 45 in 1, Ida 5 in 1, Ava none.
        SupportEntry Support(int member, int minutes, int month, int day) =>
            new(lea, member, org.Product, null, SupportCategory.Encouragement, minutes, new DateOnly(2026, month, day), "", false, At(month, day));
        context.SupportEntries.AddRange(
            Support(mia, 60, 10, 20), Support(mia, 30, 10, 27), Support(mia, 30, 11, 3), Support(mia, 30, 11, 10),
            Support(max, 10, 10, 21), Support(max, 10, 11, 4), Support(max, 10, 11, 12),
            Support(noah.PersonId, 45, 10, 28),
            Support(ida.PersonId, 5, 11, 11),
            // Outside the period, and in the other team.
            Support(mia, 300, 10, 18),
            new SupportEntry(org.Otto.PersonId, org.Pia.PersonId, org.Platform, null, SupportCategory.Encouragement, 20, new(2026, 11, 2), "", false, At(11, 2)));

        // 1:1s: Mia with Lea recently, Max long ago, Noah only with Otto (not a Product leader), Ava with Colin.
        OneOnOne Meeting(int leader, int member, DateTimeOffset? held)
        {
            var meeting = new OneOnOne(leader, member, null, At(8, 1));
            if (held is { } h)
            {
                meeting.MarkHeld(h);
            }
            return meeting;
        }
        var miaMeeting = Meeting(lea, mia, At(10, 22));
        var maxMeeting = Meeting(lea, max, At(9, 1));
        var noahMeeting = Meeting(lea, noah.PersonId, null);
        var noahWithOtto = Meeting(org.Otto.PersonId, noah.PersonId, At(11, 1));
        var idaMeeting = Meeting(lea, ida.PersonId, null);
        var avaMeeting = Meeting(colin, ava.PersonId, At(10, 10));
        var piaMeeting = Meeting(org.Otto.PersonId, org.Pia.PersonId, At(10, 30));
        context.OneOnOnes.AddRange(miaMeeting, maxMeeting, noahMeeting, noahWithOtto, idaMeeting, avaMeeting, piaMeeting);
        await context.SaveChangesAsync();

        // Action items: Mia's on time, Max's a day late, Noah's not done and overdue, Ava's done early (Colin's);
        // not counted: Mia's own, one due after the period, one without a due date; Max's due today (not late yet); Ida's
        // due on 2 November, before she joined (the team as it was on the due day).
        ActionItem Item(OneOnOne meeting, int owner, DateOnly? due, DateTimeOffset? done)
        {
            var item = new ActionItem(meeting.LeaderId, meeting.MemberId, owner, "Follow up", due, meeting.Id, At(8, 1));
            if (done is { } d)
            {
                item.MarkDone(true, d);
            }
            return item;
        }
        context.ActionItems.AddRange(
            Item(miaMeeting, lea, new(2026, 10, 22), At(10, 22, 23, 30)),
            Item(maxMeeting, lea, new(2026, 10, 29), At(10, 30, 8)),
            Item(noahMeeting, lea, new(2026, 11, 5), null),
            Item(avaMeeting, colin, new(2026, 11, 12), At(11, 1)),
            Item(miaMeeting, mia, new(2026, 11, 5), null),
            Item(idaMeeting, lea, new(2026, 11, 20), null),
            Item(idaMeeting, lea, new(2026, 11, 2), At(11, 2)),
            Item(miaMeeting, lea, null, null),
            Item(maxMeeting, lea, new(2026, 11, 18), null),
            Item(piaMeeting, org.Otto.PersonId, new(2026, 11, 10), At(11, 9)));

        // Check-ins: Mia raises a blocker on 19 Oct, still has it on 26 Oct, clears it on 2 Nov (14 days); Max's request
        // made from his blocker is resolved after 2 days; Noah's is not cleared; Ava's earlier blocker was raised before
        // the period, her new one on 3 Nov clears on 9 Nov at 21:00 (6.5 days); Ida's is a draft.
        void CheckIn(int member, DateOnly due, DateTimeOffset? submitted, bool blocker, ServiceRequest? request = null)
        {
            var checkIn = new CheckIn(org.Product, member, new CheckInPeriod(due.AddDays(-6), due), At(8, 1));
            checkIn.Write(4, "A win", blocker ? "Blocked on access" : "", "", At(8, 1));
            if (request is not null)
            {
                checkIn.LinkRequest(request);
            }
            if (submitted is { } s)
            {
                checkIn.Submit(s);
            }
            context.CheckIns.Add(checkIn);
        }
        CheckIn(mia, new(2026, 10, 18), At(10, 19), blocker: true);
        CheckIn(mia, new(2026, 10, 25), At(10, 26), blocker: true);
        CheckIn(mia, new(2026, 11, 1), At(11, 2), blocker: false);
        var request = new ServiceRequest(org.Product, max, SupportCategory.RemovingObstacle, "Access", "Need access", Urgency.High, null, At(10, 27, 12));
        request.Resolve(lea, "Granted", At(10, 29, 12));
        context.ServiceRequests.Add(request);
        CheckIn(max, new(2026, 10, 25), At(10, 27, 12), blocker: true, request);
        CheckIn(max, new(2026, 11, 1), At(11, 2), blocker: true);
        CheckIn(noah.PersonId, new(2026, 11, 8), At(11, 9), blocker: true);
        CheckIn(ava.PersonId, new(2026, 10, 11), At(10, 12), blocker: true);
        CheckIn(ava.PersonId, new(2026, 10, 18), At(10, 20), blocker: false);
        CheckIn(ava.PersonId, new(2026, 11, 1), At(11, 3), blocker: true);
        CheckIn(ava.PersonId, new(2026, 11, 8), At(11, 9, 21), blocker: false);
        CheckIn(ida.PersonId, new(2026, 11, 8), null, blocker: true);
        await context.SaveChangesAsync();
        return new FairnessOrganisation { Noah = noah, Ida = ida, Ava = ava };
    }
}
