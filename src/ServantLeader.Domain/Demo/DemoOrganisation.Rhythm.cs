using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Credits;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.OneOnOnes;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Demo;

/// <summary>Twelve weeks of check-ins, 1:1s and credit for the demo organisation.</summary>
public sealed partial class DemoOrganisation
{
    private static readonly string[] DemoWins =
    [
        "Shipped the export feature to the first three customers.",
        "Paired with the new joiner all week; they merged their first change.",
        "Closed eleven support tickets, two of them escalations.",
        "Finally got the flaky test suite green.",
        "Customer interview gave us a clear answer on pricing.",
        "Ran the retro; people actually talked.",
    ];

    private static readonly string[] DemoChallenges =
    [
        "Waiting on legal to approve the data-processing terms.",
        "Too many meetings on Tuesday and Wednesday; no time to focus.",
        "The staging environment was down for two days.",
        "Not sure what the priority is between the two roadmap items.",
        "",
        "",
        "",
    ];

    private static readonly string[] DemoPriorities =
    [
        "Finish the migration guide", "Interview three customers", "Pair on the on-call runbook",
        "Prototype the new onboarding flow", "Clean up the alerting rules", "Write the quarterly summary",
    ];

    private static readonly string[] DemoThanks =
    [
        "Thank you for staying late to get the release out.",
        "Your write-up of the outage was the clearest I've read.",
        "Thanks for covering my on-call shift at short notice.",
        "The customer call went so well because of your preparation.",
        "Thank you for reviewing my design so carefully.",
    ];

    private async Task SeedRhythmAsync(ServantLeaderDb db, Random random, Team team, int leaderId, List<int> members,
        DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var open = CheckInPeriod.Open(today, team.CheckInCadence, team.CheckInDueDay);
        var periods = new List<CheckInPeriod>();
        for (var p = open; p.Due > today.AddDays(-84); p = p.Previous())
        {
            periods.Add(p);
        }
        periods.Reverse();

        foreach (var member in members)
        {
            var mood = random.Next(0, 2); // some people are having a harder quarter than others
            foreach (var period in periods)
            {
                // The open period is still being written unless its due date has passed.
                var inProgress = period == open && !period.IsLate(today);
                var recent = period.Due >= open.Previous().Due;
                var roll = random.Next(10);
                if (roll == 0 || (inProgress && roll < 4))
                {
                    continue; // missed, or not started yet
                }
                var due = new DateTimeOffset(period.Due.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero);
                var at = due < now ? due : now.AddHours(-1);
                var checkIn = new CheckIn(team.Id, member, period, at.AddHours(-3));
                checkIn.Write(Math.Clamp(random.Next(2, 6) - mood + random.Next(0, 2), 1, 5), DemoWins[random.Next(DemoWins.Length)],
                    DemoChallenges[random.Next(DemoChallenges.Length)], random.Next(6) == 0 ? "Time with you to talk about my next step." : "",
                    at.AddHours(-3));
                db.CheckIns.Add(checkIn);
                if (inProgress && roll < 6)
                {
                    continue; // still a draft
                }
                checkIn.Submit(at);
                // Leaders review within a day or two; only the latest ones may still be waiting.
                if (!recent || (period != open && random.Next(3) > 0))
                {
                    checkIn.MarkReviewed(leaderId, at.AddDays(1) < now ? at.AddDays(1) : now);
                }
            }

            foreach (var text in DemoPriorities.OrderBy(_ => random.Next()).Take(random.Next(2, 4)))
            {
                var priority = new Priority(team.Id, member, text, now.AddDays(-random.Next(3, 40)));
                if (random.Next(3) == 0)
                {
                    priority.MarkDone(true, now.AddDays(-random.Next(0, 3)));
                }
                db.Priorities.Add(priority);
            }
        }
        await db.SaveChangesAsync(ct);

        // Comments from the leader on some reviewed check-ins.
        var reviewed = db.CheckIns.Local.Where(c => c.TeamId == team.Id && c.Status == CheckInStatus.Reviewed && c.HasBlocker).Take(6).ToList();
        foreach (var c in reviewed)
        {
            db.CheckInComments.Add(new CheckInComment(c.Id, leaderId, CheckInSection.Challenges,
                "I'll take this one. Let's look at it together on Monday.", c.ReviewedAt ?? now));
        }

        // A 1:1 every two weeks with each member, the latest one still to come.
        foreach (var member in members)
        {
            OneOnOne? previous = null;
            for (var weeksAgo = 11; weeksAgo >= 1; weeksAgo -= 2)
            {
                var heldAt = now.AddDays(-7 * weeksAgo + random.Next(0, 2));
                var meeting = new OneOnOne(leaderId, member, DateOnly.FromDateTime(heldAt.UtcDateTime), heldAt.AddDays(-14));
                meeting.WriteNotes("Talked through priorities and what's getting in the way. Agreed the next steps below.",
                    random.Next(2) == 0 ? "Energy seems lower than usual; keep an eye on workload." : "");
                meeting.MarkHeld(heldAt);
                db.OneOnOnes.Add(meeting);
                await db.SaveChangesAsync(ct);
                db.AgendaItems.Add(new AgendaItem(meeting.Id, member, "Career growth: what next?", null, heldAt.AddDays(-2)));
                var action = new ActionItem(leaderId, member, random.Next(2) == 0 ? leaderId : member,
                    random.Next(2) == 0 ? "Book the conference ticket" : "Share the draft with the team",
                    DateOnly.FromDateTime(heldAt.AddDays(10).UtcDateTime), meeting.Id, heldAt);
                if (weeksAgo > 3)
                {
                    action.MarkDone(true, heldAt.AddDays(5));
                }
                db.ActionItems.Add(action);
                previous = meeting;
            }
            var upcoming = new OneOnOne(leaderId, member, today.AddDays(random.Next(1, 6)), previous?.HeldAt ?? now);
            db.OneOnOnes.Add(upcoming);
            await db.SaveChangesAsync(ct);
            db.AgendaItems.Add(new AgendaItem(upcoming.Id, member, "Feedback on the last release", null, now.AddDays(-1)));
        }

        // Public credit between teammates.
        var everyone = members.Append(leaderId).ToList();
        for (var i = 0; i < 10; i++)
        {
            var giver = everyone[random.Next(everyone.Count)];
            var receiver = everyone[random.Next(everyone.Count)];
            if (giver != receiver)
            {
                db.Credits.Add(new Credit(team.Id, giver, receiver, DemoThanks[random.Next(DemoThanks.Length)], null, now.AddDays(-random.Next(0, 80))));
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
