using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.People;
using ServantLeader.Domain.Requests;
using ServantLeader.Domain.Support;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Demo;

public sealed record DemoSignIn(string Email, string Role);

/// <summary>
/// A small, believable organisation for Development: three teams, seventeen people and twelve weeks of asking
/// and serving, so every page has something to show on first run. Deterministic, so screenshots and
/// walkthroughs look the same on every machine.
/// </summary>
public sealed partial class DemoOrganisation(PeopleService people, IDbContextFactory<ServantLeaderDb> dbs, TimeProvider time)
{
    /// <summary>Every demo account uses this password. Demo data is only ever seeded in Development.</summary>
    public const string Password = "serve-the-team";

    private const string Domain = "demo.servantleader.local";

    private sealed record Seat(string Name, string Handle, string Team, TeamRole Role);

    private static readonly (string Name, string Purpose)[] TeamDefinitions =
    [
        ("Product", "We decide what to build next and why, so that every team spends its time on what customers need most."),
        ("Platform", "We keep the systems everyone builds on fast, safe and boring, so product teams can ship without waiting for us."),
        ("Customer Care", "We make sure no customer is left stuck, and we bring what they tell us back to the people who can fix it."),
    ];

    private static readonly Seat[] Seats =
    [
        new("Amara Okafor", "amara", "Product", TeamRole.Leader),
        new("Ben Carter", "ben", "Product", TeamRole.Member),
        new("Chloé Martin", "chloe", "Product", TeamRole.Member),
        new("Dev Patel", "dev", "Product", TeamRole.Member),
        new("Lena Schmidt", "lena", "Product", TeamRole.Member),
        new("Marcus Reed", "marcus", "Platform", TeamRole.Leader),
        new("Eva Lindqvist", "eva", "Platform", TeamRole.Member),
        new("Farid Haddad", "farid", "Platform", TeamRole.Member),
        new("Grace Kim", "grace", "Platform", TeamRole.Member),
        new("Hugo Silva", "hugo", "Platform", TeamRole.Member),
        new("Priya Nair", "priya", "Customer Care", TeamRole.Leader),
        new("Isla Murphy", "isla", "Customer Care", TeamRole.Member),
        new("Jonas Weber", "jonas", "Customer Care", TeamRole.Member),
        new("Keiko Tanaka", "keiko", "Customer Care", TeamRole.Member),
        new("Luis Romero", "luis", "Customer Care", TeamRole.Member),
    ];

    private static readonly (SupportCategory Category, string Title, string Details)[] Asks =
    [
        (SupportCategory.RemovingObstacle, "Waiting on access to the staging database", "I've been blocked for two days waiting for the access request. Could you nudge the owners?"),
        (SupportCategory.Coaching, "Feedback on my design review", "I'd like your honest view on how I ran Tuesday's design review, and what I could do better."),
        (SupportCategory.Training, "Course on incident management", "There's a two-day course next month. It would help me lead on-call better. Can we fund it?"),
        (SupportCategory.Resources, "A second monitor", "Reviewing logs and code side by side on a laptop screen is slowing me down."),
        (SupportCategory.Information, "Why was the Q3 roadmap changed?", "The team is unsure why the billing work moved. Can you share the reason so we can explain it to customers?"),
        (SupportCategory.Encouragement, "Rough week after the outage", "I feel responsible for Monday's outage. I could use a conversation about it."),
        (SupportCategory.PersonalSupport, "Flexible hours for a few weeks", "My father is in hospital. Could I shift my hours for the next month?"),
        (SupportCategory.RemovingObstacle, "Two teams are asking me for the same report", "I'm getting conflicting requests. Can you agree a priority with the other lead?"),
        (SupportCategory.Coaching, "Preparing for my first conference talk", "Could you help me structure the talk and do a dry run?"),
        (SupportCategory.Resources, "Licence for the profiling tool", "Our trial ended and I need it to finish the performance work."),
        (SupportCategory.Information, "What does the reorganisation mean for us?", "People are worried. Anything you can share would help."),
        (SupportCategory.Training, "Pairing on the new deployment pipeline", "I'd like an hour with someone who knows it before I'm on call."),
        (SupportCategory.Other, "Space for a team retrospective", "Could we book a room and an afternoon for a proper retro?"),
    ];

    private static readonly (SupportCategory Category, string Note)[] Proactive =
    [
        (SupportCategory.Coaching, "Walked through how to break the epic into smaller slices."),
        (SupportCategory.Encouragement, "Thanked them for staying calm with a difficult customer."),
        (SupportCategory.Information, "Shared the reason behind the pricing change before the all-hands."),
        (SupportCategory.RemovingObstacle, "Cleared the purchase approval that had been stuck for a week."),
        (SupportCategory.Training, "Booked a seat on the accessibility workshop for them."),
        (SupportCategory.Coaching, "Career conversation: what they want to be doing in a year."),
        (SupportCategory.Resources, "Arranged a faster test machine."),
        (SupportCategory.Encouragement, "Called out their migration work in the team meeting."),
    ];

    public static IReadOnlyList<DemoSignIn> SignIns { get; } =
    [
        new($"admin@{Domain}", "Admin"),
        new($"hr@{Domain}", "HR"),
        .. Seats.Select(s => new DemoSignIn($"{s.Handle}@{Domain}", $"{(s.Role == TeamRole.Leader ? "Leader" : "Member")} of {s.Team}")),
        new($"amara@{Domain}", "also a Member of Platform"),
    ];

    /// <summary>Seeds the organisation unless anyone exists already. Returns whether it seeded.</summary>
    public async Task<bool> SeedAsync(CancellationToken ct)
    {
        await using (var check = await dbs.CreateDbContextAsync(ct))
        {
            if (await check.People.AnyAsync(ct))
            {
                return false;
            }
        }

        var ids = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["admin"] = await people.CreateCoreAsync(Draft("Ada Admin", "admin", isAdmin: true), ct),
            ["hr"] = await people.CreateCoreAsync(Draft("Hannah Reyes", "hr", isHr: true), ct),
        };
        foreach (var seat in Seats)
        {
            ids[seat.Handle] = await people.CreateCoreAsync(Draft(seat.Name, seat.Handle), ct);
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var start = now.AddDays(-7 * 12);
        var teams = TeamDefinitions.ToDictionary(t => t.Name, t => new Team(t.Name, t.Purpose, start.AddDays(-30)));
        db.Teams.AddRange(teams.Values);
        await db.SaveChangesAsync(ct);

        foreach (var seat in Seats)
        {
            db.Memberships.Add(new Membership(teams[seat.Team].Id, ids[seat.Handle], seat.Role, start.AddDays(-30)));
        }
        // One person can lead a team and be a member of another.
        db.Memberships.Add(new Membership(teams["Platform"].Id, ids["amara"], TeamRole.Member, start.AddDays(-30)));
        await db.SaveChangesAsync(ct);

        // Each team with its leader and members, Amara included in Platform as a member.
        var crews = Seats.GroupBy(s => s.Team).Select(g => (
            Team: teams[g.Key],
            Leader: ids[g.First(s => s.Role == TeamRole.Leader).Handle],
            Members: g.Where(s => s.Role == TeamRole.Member).Select(s => ids[s.Handle])
                .Concat(g.Key == "Platform" ? [ids["amara"]] : []).ToList())).ToList();

        var random = new Random(20261122);
        foreach (var (team, leader, members) in crews)
        {
            SeedTeamHistory(db, random, team.Id, leader, members, start, now);
        }
        await db.SaveChangesAsync(ct);

        teams["Platform"].ScheduleCheckIns(CheckInCadence.Fortnightly, DayOfWeek.Thursday);
        foreach (var (team, leader, members) in crews)
        {
            await SeedRhythmAsync(db, random, team, leader, members, now, ct);
        }
        await SeedFeedbackAsync(db, random, teams.Values.Select(t => t.Id).ToList(), now, ct);
        await SeedGrowthAsync(db, ids, crews.Select(c => (c.Team.Id, c.Leader, c.Members)).ToList(), now, ct);
        await SeedNotificationsAsync(db, ct);
        return true;
    }

    /// <summary>Leaders start with a notification for each request still waiting on them, as if they had been told.</summary>
    private static async Task SeedNotificationsAsync(ServantLeaderDb db, CancellationToken ct)
    {
        var waiting = await db.ServiceRequests.Where(r => r.Status == RequestStatus.Open)
            .Select(r => new { r.Id, r.TeamId, r.RequesterId, r.Category, r.Urgency, r.CreatedAt, Name = r.Requester.DisplayName })
            .ToListAsync(ct);
        foreach (var r in waiting)
        {
            await Notifications.Notify.LeadersAsync(db, r.TeamId, r.RequesterId, Notifications.NotificationKind.RequestCreated,
                RequestAnnouncements.CreatedText(r.Name, r.Category, r.Urgency), $"/requests/{r.Id}", r.CreatedAt, ct);
        }
        await db.SaveChangesAsync(ct);
    }

    private static PersonDraft Draft(string name, string handle, bool isHr = false, bool isAdmin = false) => new()
    {
        DisplayName = name,
        Email = $"{handle}@{Domain}",
        Password = Password,
        IsHr = isHr,
        IsAdmin = isAdmin,
    };

    private static void SeedTeamHistory(ServantLeaderDb db, Random random, int teamId, int leaderId,
        List<int> members, DateTimeOffset start, DateTimeOffset now)
    {
        // Every inbox starts with someone waiting, so a leader's first look shows the loop in action.
        var waiting = Asks[random.Next(Asks.Length)];
        db.ServiceRequests.Add(new ServiceRequest(teamId, members[random.Next(members.Count)], waiting.Category,
            waiting.Title, waiting.Details, Urgency.High, DateOnly.FromDateTime(now.AddDays(5).UtcDateTime),
            now.AddHours(-random.Next(20, 60))));

        for (var week = 0; week < 12; week++)
        {
            var weekStart = start.AddDays(7 * week);

            // One or two requests a week, answered at a pace that varies like real life.
            var asks = random.Next(1, 3);
            for (var i = 0; i < asks; i++)
            {
                var member = members[random.Next(members.Count)];
                var ask = Asks[random.Next(Asks.Length)];
                var created = weekStart.AddHours(random.Next(8, 24 * 5));
                if (created > now)
                {
                    continue;
                }
                var request = new ServiceRequest(teamId, member, ask.Category, ask.Title, ask.Details,
                    (Urgency)random.Next(0, 4), null, created);
                db.ServiceRequests.Add(request);

                // Leave some of the newest requests untouched, as a real inbox would be.
                if (now - created < TimeSpan.FromDays(4) && random.Next(2) == 0)
                {
                    continue;
                }
                var ackAt = created.AddHours(random.Next(1, 40));
                var resolveAt = ackAt.AddHours(random.Next(2, 24 * 6));
                if (ackAt > now)
                {
                    continue;
                }
                request.Acknowledge(leaderId, null, ackAt);
                if (random.Next(12) == 0)
                {
                    request.Decline(leaderId, "Not something we can fund this quarter; let's revisit in January.", ackAt.AddHours(2));
                    continue;
                }
                if (resolveAt > now)
                {
                    continue;
                }
                var minutes = random.Next(2, 13) * 10;
                var support = new SupportEntry(leaderId, member, teamId, null, ask.Category, minutes,
                    DateOnly.FromDateTime(resolveAt.UtcDateTime), "Worked through it together and agreed next steps.",
                    random.Next(3) == 0, resolveAt);
                support.AnswerTo(request);
                db.SupportEntries.Add(support);
                request.Resolve(leaderId, "Done: see the note in your support history.", resolveAt);
                var confirmAt = resolveAt.AddHours(random.Next(2, 48));
                if (confirmAt < now && random.Next(5) > 0)
                {
                    request.Confirm(member, random.Next(3, 6), random.Next(3) == 0 ? "Thank you, this really helped." : null, confirmAt);
                }
            }

            // Proactive support: most service is given before anyone asks.
            var proactive = random.Next(2, 5);
            for (var i = 0; i < proactive; i++)
            {
                var date = weekStart.AddDays(random.Next(0, 5));
                if (date > now)
                {
                    continue;
                }
                var (category, note) = Proactive[random.Next(Proactive.Length)];
                db.SupportEntries.Add(new SupportEntry(leaderId, members[random.Next(members.Count)], teamId, null,
                    category, random.Next(1, 7) * 15, DateOnly.FromDateTime(date.UtcDateTime), note,
                    random.Next(2) == 0, date));
            }
        }
    }
}
