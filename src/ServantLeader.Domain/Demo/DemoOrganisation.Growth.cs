using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Growth;
using ServantLeader.Domain.OneOnOnes;
using ServantLeader.Domain.Support;

namespace ServantLeader.Domain.Demo;

/// <summary>
/// Growth for the demo organisation: plans with goals at every state, skills at every level, growth tied to support
/// and check-ins, growth conversations, teammates helping teammates and a mentoring pair across teams, so the growth
/// pages and the upside-down picture are alive on first start.
/// </summary>
public sealed partial class DemoOrganisation
{
    private sealed record DemoGoal(string What, string Why, string Evidence, GoalState State, string Learned = "");

    private sealed record DemoPlan(string Handle, string Ambition, string Strengths, DemoGoal[] Goals, (string Skill, SkillLevel Level)[] Skills);

    private static readonly DemoPlan[] Plans =
    [
        new("ben", "In two years I want to lead product discovery for a whole area, not just run the backlog.",
            "Talking with customers; turning messy notes into a clear problem statement.",
            [
                new("Run a discovery sprint end to end", "Leading discovery is the heart of where I want to be.",
                    "A sprint with five interviews, a synthesis and a decision the team stands behind.", GoalState.Active),
                new("Present the roadmap at the all-hands", "Leaders of an area explain the why to everyone.",
                    "I present without notes and answer questions.", GoalState.Achieved),
                new("Learn SQL well enough to answer my own questions", "I want to check numbers without waiting.",
                    "I write the weekly funnel query myself.", GoalState.SetAside,
                    "The analytics team's dashboards already answer most of it; I learned to ask better questions instead."),
            ],
            [("Customer interviews", SkillLevel.CanTeach), ("Facilitation", SkillLevel.Practising), ("SQL", SkillLevel.Learning)]),
        new("chloe", "Become a staff designer who shapes how the whole company designs.",
            "Visual design, prototyping, patience with feedback.",
            [
                new("Write our first design principles", "Staff designers set direction, not only screens.",
                    "Three principles the teams quote in reviews.", GoalState.Active),
                new("Mentor a junior designer", "Growing others is part of the role I want.",
                    "Weekly sessions for a quarter.", GoalState.Active),
            ],
            [("Prototyping", SkillLevel.CanTeach), ("Accessibility", SkillLevel.Practising), ("Facilitation", SkillLevel.Learning)]),
        new("dev", "Grow into an engineering manager for a small team within three years.",
            "Calm under pressure; explaining systems simply.",
            [
                new("Lead the on-call rotation for a quarter", "Managers keep a team's load fair.",
                    "A rota the team agreed and no missed handovers.", GoalState.Active),
            ],
            [("Incident management", SkillLevel.Practising), ("SQL", SkillLevel.CanTeach)]),
        new("lena", "Own the analytics of the product, and teach the teams to use it.",
            "Statistics, clear charts.",
            [
                new("Publish a metrics guide for product teams", "Teaching others is how analytics spreads.",
                    "Two teams use the guide for their quarterly goals.", GoalState.Achieved),
            ],
            [("SQL", SkillLevel.CanTeach), ("Data visualisation", SkillLevel.CanTeach)]),
        new("eva", "Become the platform's principal engineer and grow more people who can carry it.",
            "Deep Kubernetes knowledge, patient teaching.",
            [
                new("Run an internal course on our deployment pipeline", "More people who can teach it means fewer bottlenecks.",
                    "Six people complete it and deploy on their own.", GoalState.Active),
            ],
            [("Kubernetes", SkillLevel.CanTeach), ("Incident management", SkillLevel.CanTeach), ("Public speaking", SkillLevel.Learning)]),
        new("farid", "Move from operations into site reliability engineering.",
            "Automation, careful change management.",
            [
                new("Automate the certificate renewals", "Reliability work is automation first.",
                    "No manual renewal for three months.", GoalState.Active),
                new("Get the cloud architecture certificate", "It gives me the vocabulary of SRE.",
                    "Pass the exam.", GoalState.SetAside,
                    "Studying alone at night did not stick. Pairing on real designs taught me more; I will try that first."),
            ],
            [("Kubernetes", SkillLevel.Learning), ("Terraform", SkillLevel.Practising)]),
        new("grace", "Lead the platform's security work.",
            "Threat modelling, writing clear runbooks.",
            [
                new("Threat-model the three most used services", "Security leads know where the risks are.",
                    "Three models reviewed with the owners.", GoalState.Active),
            ],
            [("Threat modelling", SkillLevel.CanTeach), ("Terraform", SkillLevel.CanTeach)]),
        new("hugo", "Become a strong backend engineer who is trusted with the core services.",
            "Curiosity, quick learner.",
            [
                new("Ship a change to the core billing service", "Being trusted with the core is the goal.",
                    "A reviewed and released change.", GoalState.Active),
            ],
            [("Kubernetes", SkillLevel.Learning), ("Go", SkillLevel.Practising)]),
        new("isla", "Lead a customer care team of my own.",
            "Empathy, keeping calm with upset customers.",
            [
                new("Coach two new joiners through their first month", "Leading starts with helping others succeed.",
                    "Both handle escalations alone by week four.", GoalState.Achieved),
                new("Run the weekly care review", "Leads run the rhythm of the team.",
                    "Eight reviews in a row with actions followed up.", GoalState.Active),
            ],
            [("De-escalation", SkillLevel.CanTeach), ("Coaching", SkillLevel.Practising)]),
        new("jonas", "Move into product management, bringing the customer's voice with me.",
            "Knowing our customers' problems first-hand.",
            [
                new("Write the case for the self-service refunds", "Product managers make the case for change.",
                    "A one-pager the product team takes into planning.", GoalState.Active),
            ],
            [("Customer interviews", SkillLevel.Learning), ("De-escalation", SkillLevel.Practising)]),
        new("keiko", "Become the go-to person for our enterprise customers.",
            "Patience, detailed product knowledge.",
            [
                new("Learn the enterprise admin features inside out", "Enterprise customers ask the hardest questions.",
                    "I answer every enterprise ticket in a week without escalating.", GoalState.Active),
            ],
            [("Product knowledge", SkillLevel.Practising), ("Writing help articles", SkillLevel.CanTeach)]),
    ];

    private static readonly (string Giver, string Receiver, SupportCategory Kind, int Minutes, int DaysAgo, bool Confirmed, string Note)[] PeerHelp =
    [
        ("lena", "ben", SupportCategory.Training, 60, 10, true, "Walked through the funnel query step by step."),
        ("ben", "chloe", SupportCategory.Coaching, 30, 6, true, "Practised the interview questions together."),
        ("eva", "hugo", SupportCategory.Training, 90, 12, true, "Paired on the deployment pipeline."),
        ("grace", "farid", SupportCategory.Coaching, 45, 4, false, "Reviewed the Terraform change for the renewals."),
        ("isla", "jonas", SupportCategory.Encouragement, 20, 3, true, "Talked through the angry customer call."),
        ("keiko", "luis", SupportCategory.Information, 30, 9, false, "Shared the enterprise admin cheat sheet."),
    ];

    private async Task SeedGrowthAsync(ServantLeaderDb db, Dictionary<string, int> ids,
        List<(int TeamId, int Leader, List<int> Members)> crews, DateTimeOffset now, CancellationToken ct)
    {
        var random = new Random(20261202);
        var goals = new Dictionary<string, List<GrowthGoal>>(StringComparer.Ordinal);
        foreach (var demo in Plans)
        {
            var personId = ids[demo.Handle];
            var leaderId = crews.First(c => c.Members.Contains(personId)).Leader;
            var written = now.AddDays(-random.Next(50, 80));
            var plan = new GrowthPlan(personId, written);
            plan.Write(demo.Ambition, demo.Strengths, written);
            db.GrowthPlans.Add(plan);
            db.GrowthPlanEdits.Add(new GrowthPlanEdit(plan, written));
            var list = new List<GrowthGoal>();
            foreach (var g in demo.Goals)
            {
                var goal = new GrowthGoal(plan, g.What, g.Why, g.Evidence,
                    DateOnly.FromDateTime(now.AddDays(random.Next(30, 150)).UtcDateTime), written);
                var changed = now.AddDays(-random.Next(2, 40));
                if (g.State == GoalState.Achieved)
                {
                    goal.Achieve(changed);
                }
                else if (g.State == GoalState.SetAside)
                {
                    goal.SetAside(g.Learned, changed);
                }
                db.GrowthGoals.Add(goal);
                if (g.State != GoalState.Active)
                {
                    plan.Touch(changed);
                    db.GrowthPlanEdits.Add(new GrowthPlanEdit(plan, changed));
                }
                list.Add(goal);
            }
            goals[demo.Handle] = list;

            foreach (var (name, level) in demo.Skills)
            {
                // Levels were confirmed on the way up, so "skills moved up a level" has a history to show.
                var skill = new Skill(personId, name, level == SkillLevel.Learning ? SkillLevel.Learning : level - 1, written);
                db.Skills.Add(skill);
                if (level > SkillLevel.Learning || random.Next(2) == 0)
                {
                    db.SkillLevelChanges.Add(skill.Confirm(leaderId, written.AddDays(3)));
                }
                if (level > SkillLevel.Learning)
                {
                    var proposedAt = now.AddDays(-random.Next(5, 40));
                    skill.Propose(level, proposedAt);
                    // A few proposals still wait for the leader, so the confirm button has work to do.
                    if (random.Next(4) > 0)
                    {
                        db.SkillLevelChanges.Add(skill.Confirm(leaderId, proposedAt.AddDays(2)));
                    }
                }
            }
        }
        // Ben's achievement was shared with his team; the others stay private, as they are by default.
        var product = crews.First(c => c.Members.Contains(ids["ben"])).TeamId;
        goals["ben"][1].MakePublic(product, now.AddDays(-2));
        db.GrowthPlanEdits.Add(new GrowthPlanEdit(goals["ben"][1].Plan, now.AddDays(-2)));
        await db.SaveChangesAsync(ct);

        // Leaders tie their support to goals: training, mentoring and a stretch opportunity.
        foreach (var (handle, list) in goals)
        {
            var personId = ids[handle];
            var (teamId, leaderId, _) = crews.First(c => c.Members.Contains(personId));
            var kinds = new[] { SupportCategory.Training, SupportCategory.Mentoring, SupportCategory.StretchOpportunity, SupportCategory.Coaching };
            foreach (var goal in list.Where(g => g.State != GoalState.SetAside))
            {
                var date = now.AddDays(-random.Next(1, 35));
                var entry = new SupportEntry(leaderId, personId, teamId, null, kinds[random.Next(kinds.Length)],
                    random.Next(2, 7) * 15, DateOnly.FromDateTime(date.UtcDateTime),
                    "Worked on the goal together and agreed the next small step.", random.Next(2) == 0, date);
                entry.TieToGoal(goal.Id);
                db.SupportEntries.Add(entry);
            }
        }

        // Check-ins report how active goals moved, and what would help the person grow.
        var planned = goals.ToDictionary(g => ids[g.Key], g => g.Value.Where(x => x.State == GoalState.Active).ToList());
        var movements = new[] { GoalMovement.MovedForward, GoalMovement.MovedForward, GoalMovement.Stuck, GoalMovement.NoTime };
        var planners = planned.Keys.ToList();
        var checkIns = await db.CheckIns.Where(c => c.Status != CheckInStatus.Draft && planners.Contains(c.MemberId)).ToListAsync(ct);
        foreach (var checkIn in checkIns.Where(c => c.SubmittedAt > now.AddDays(-45)))
        {
            foreach (var goal in planned[checkIn.MemberId])
            {
                db.GoalProgress.Add(new GoalProgress(checkIn.Id, goal.Id, movements[random.Next(movements.Length)]));
            }
        }

        // Every member's latest held 1:1 but a few was a growth conversation; the rest show on This week.
        var held = await db.OneOnOnes.Where(m => m.Status == MeetingStatus.Held).ToListAsync(ct);
        foreach (var meeting in held.GroupBy(m => m.MemberId).Select(g => g.OrderByDescending(m => m.HeldAt).Skip(random.Next(0, 3)).First()))
        {
            if (random.Next(5) > 0)
            {
                meeting.MarkGrowthConversation(true);
            }
        }

        foreach (var (giver, receiver, kind, minutes, daysAgo, confirmed, note) in PeerHelp)
        {
            var teamId = crews.First(c => c.Members.Contains(ids[giver]) && c.Members.Contains(ids[receiver])).TeamId;
            var at = now.AddDays(-daysAgo);
            var help = new PeerSupport(ids[giver], ids[receiver], teamId, kind, minutes, DateOnly.FromDateTime(at.UtcDateTime),
                note, sharedWithReceiver: true, at);
            if (confirmed)
            {
                help.Confirm(null, at.AddDays(1));
            }
            db.PeerSupport.Add(help);
        }

        // Eva, who can teach Kubernetes, mentors Hugo in her team. Ben, who can teach customer interviews, mentors
        // Jonas from Customer Care, who wants to move into product and shares his plan with him. Luis has asked Isla.
        var hugo = new MentoringPair(ids["eva"], ids["hugo"], ids["hugo"], "Kubernetes", now.AddDays(-40));
        hugo.Accept(now.AddDays(-39));
        var jonas = new MentoringPair(ids["ben"], ids["jonas"], ids["jonas"], "Customer interviews", now.AddDays(-30));
        jonas.Accept(now.AddDays(-29));
        jonas.SharePlan(true);
        var invitation = new MentoringPair(ids["isla"], ids["luis"], ids["luis"], "De-escalation", now.AddDays(-1));
        db.MentoringPairs.AddRange(hugo, jonas, invitation);

        var asked = new PeerRequest(ids["farid"], ids["grace"], null, goals["farid"][0].Id,
            "Could you look over how I plan to roll out the renewals? An hour would help.", now.AddDays(-3));
        db.PeerRequests.Add(asked);
        await db.SaveChangesAsync(ct);
    }
}
