using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Growth;
using ServantLeader.Domain.OneOnOnes;
using ServantLeader.Domain.Support;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Tests.Growth;

/// <summary>
/// A seeded organisation for the growth figures, with every row also kept as a plain record, so that the reference
/// (<see cref="GrowthReference"/>) computes each figure from these lists alone. Clock: Wednesday 18 November 2026, UTC.
/// The period is 5 October – 1 November 2026 (four whole weeks that are over). Product has Mia, Max, Noah and (from
/// 20 October) Ida as members, Lars, who left on 21 October, and Dora, deactivated on 1 October; Platform has Pia and
/// Mia (Mia is in both teams).
/// </summary>
internal sealed class GrowthOrganisation
{
    public static readonly DateOnly From = new(2026, 10, 5);
    public static readonly DateOnly To = new(2026, 11, 1);

    public required Organisation Org { get; init; }
    public required Actor Noah { get; init; }
    public required Actor Ida { get; init; }
    public required Actor Dora { get; init; }
    public required Actor Lars { get; init; }

    /// <summary>Memberships of role Member, ended ones included: from Since up to Until (null while it lasts).</summary>
    public List<(int Team, int Person, DateTimeOffset Since, DateTimeOffset? Until)> Members { get; } = [];
    public List<(int Person, DateTimeOffset At)> Edits { get; } = [];
    public List<(int Person, DateTimeOffset At, bool Achieved)> GoalEnds { get; } = [];
    public List<(int Team, int Person, DateOnly Due, bool Submitted, GoalMovement Movement)> Moves { get; } = [];
    public List<(int Person, DateTimeOffset At, int? From, int To)> SkillChanges { get; } = [];
    public List<(int Team, int Member, DateOnly Date, SupportCategory Kind, bool Goal, int Minutes)> Support { get; } = [];
    public List<(int Giver, DateOnly Date, bool Confirmed)> PeerSupport { get; } = [];
    public List<(int Mentor, DateTimeOffset? Started, DateTimeOffset? Ended, MentoringStatus Status)> Pairs { get; } = [];

    private static DateTimeOffset At(int month, int day, int hour = 12, int minute = 0, int second = 0) =>
        new(2026, month, day, hour, minute, second, TimeSpan.Zero);

    public static async Task<GrowthOrganisation> CreateAsync(Organisation org)
    {
        var db = org.Db;
        var noah = await db.PersonAsync("Noah Newer");
        var ida = await db.PersonAsync("Ida Incoming");
        var dora = await db.PersonAsync("Dora Departed");
        var lars = await db.PersonAsync("Lars Leaving");
        var teams = db.Get<TeamService>();
        var admin = new Actor(0, IsAdmin: true);
        foreach (var person in new[] { noah, ida, dora, lars })
        {
            await teams.SetMembershipAsync(admin, org.Product, person.PersonId, TeamRole.Member, CancellationToken.None);
        }
        await teams.SetMembershipAsync(admin, org.Platform, org.Mia.PersonId, TeamRole.Member, CancellationToken.None);
        var g = new GrowthOrganisation { Org = org, Noah = noah, Ida = ida, Dora = dora, Lars = lars };
        await g.SeedAsync();
        return g;
    }

    private async Task SeedAsync()
    {
        var (mia, max, pia, lea) = (Org.Mia.PersonId, Org.Max.PersonId, Org.Pia.PersonId, Org.Lea.PersonId);
        var (noah, ida, dora, lars) = (Noah.PersonId, Ida.PersonId, Dora.PersonId, Lars.PersonId);
        var (product, platform) = (Org.Product, Org.Platform);
        await using var db = Org.Db.NewDb();

        var longAgo = At(1, 1);
        await db.Memberships.ExecuteUpdateAsync(s => s.SetProperty(m => m.Since, longAgo));
        await db.Memberships.Where(m => m.PersonId == ida).ExecuteUpdateAsync(s => s.SetProperty(m => m.Since, At(10, 20, 9)));
        // Dora was deactivated before the period (her membership ended then, as deactivation does); Lars left in week 3.
        await db.People.Where(p => p.Id == dora).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsActive, false));
        await db.Memberships.Where(m => m.PersonId == dora).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Until, At(10, 1)).SetProperty(m => m.EndedBecause, MembershipEnd.Deactivated));
        await db.Memberships.Where(m => m.PersonId == lars).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Until, At(10, 21, 12)).SetProperty(m => m.EndedBecause, MembershipEnd.Left));
        foreach (var m in await db.Memberships.IgnoreQueryFilters().Where(m => m.Role == TeamRole.Member)
                     .Select(m => new { m.TeamId, m.PersonId, m.Since, m.Until }).ToListAsync())
        {
            Members.Add((m.TeamId, m.PersonId, m.Since, m.Until));
        }

        var plans = new[] { mia, max, noah, ida, dora, pia, lars }.ToDictionary(p => p, p => new GrowthPlan(p, At(1, 2)));
        db.GrowthPlans.AddRange(plans.Values);
        await db.SaveChangesAsync();

        // Plan edits: the 90 days up to 1 November start at midnight on 4 August.
        void Edit(int person, DateTimeOffset at)
        {
            db.GrowthPlanEdits.Add(new GrowthPlanEdit(plans[person], at));
            Edits.Add((person, at));
        }
        Edit(mia, At(8, 4, 0));            // the first instant of the 90 days
        Edit(max, At(8, 3, 23, 59, 59));   // one second too early
        Edit(noah, At(10, 20));
        Edit(dora, At(10, 10));            // deactivated before the period: never counts
        Edit(lars, At(10, 10));            // counts in the weekly points of weeks 1 and 2, not at the period's end
        Edit(pia, At(10, 6));

        // Goals: achieved and set aside at the period's edges.
        GrowthGoal Goal(int person) => new(plans[person], "Lead a retrospective", "", "", null, At(1, 3));
        var goals = new List<(GrowthGoal Goal, DateTimeOffset At, bool Achieved)>
        {
            (Goal(mia), At(10, 11, 23, 59, 59), true),   // the last second of week 1
            (Goal(max), At(11, 1, 23, 59, 59), false),   // the last second of the period
            (Goal(max), At(11, 2, 0), true),             // the first second after it
            (Goal(noah), At(10, 4, 23, 59, 59), true),   // before it
            (Goal(dora), At(10, 15), true),              // deactivated
            (Goal(ida), At(10, 13), true),               // before Ida joined: counts in the whole period, not in week 2
            (Goal(noah), At(10, 27), false),
        };
        foreach (var (goal, at, achieved) in goals)
        {
            if (achieved) { goal.Achieve(at); } else { goal.SetAside("That I need a mentor first.", at); }
            GoalEnds.Add((goal.PersonId, at, achieved));
        }
        var resumed = Goal(mia);
        resumed.Achieve(At(10, 20));
        resumed.Resume(At(10, 21));   // taken up again: no longer achieved
        var open = Goal(max);
        db.GrowthGoals.AddRange(goals.Select(x => x.Goal).Append(resumed).Append(open));
        await db.SaveChangesAsync();
        var goalOf = goals.GroupBy(x => x.Goal.PersonId).ToDictionary(x => x.Key, x => x.First().Goal.Id);

        // Goal progress in check-ins: drafts and "stuck" never count; Mia's Platform check-in counts for Platform.
        async Task Move(int team, int person, DateOnly due, bool submit, GoalMovement movement)
        {
            var checkIn = new CheckIn(team, person, new CheckInPeriod(due.AddDays(-6), due), At(9, 1));
            if (submit)
            {
                checkIn.Submit(due.ToDateTime(new TimeOnly(9, 0)));
            }
            db.CheckIns.Add(checkIn);
            await db.SaveChangesAsync();
            db.GoalProgress.Add(new GoalProgress(checkIn.Id, goalOf.GetValueOrDefault(person, goalOf[mia]), movement));
            Moves.Add((team, person, due, submit, movement));
        }
        await Move(product, mia, new(2026, 10, 11), true, GoalMovement.MovedForward);
        await Move(product, max, new(2026, 10, 18), true, GoalMovement.MovedForward);
        await Move(product, noah, new(2026, 10, 25), false, GoalMovement.MovedForward);
        await Move(product, ida, new(2026, 11, 1), true, GoalMovement.Stuck);
        await Move(product, mia, new(2026, 11, 2), true, GoalMovement.MovedForward);
        await Move(platform, mia, new(2026, 10, 18), true, GoalMovement.MovedForward);

        // Skills: a first confirmation is not a move up, nor is a move down; two levels at once count once.
        async Task Skill(int person, params (SkillLevel Level, DateTimeOffset At)[] confirmations)
        {
            var skill = new Skill(person, "Facilitation", confirmations[0].Level, At(1, 3));
            db.Skills.Add(skill);
            foreach (var (level, at) in confirmations)
            {
                var before = skill.ConfirmedLevel;
                skill.Propose(level, at);
                db.SkillLevelChanges.Add(skill.Confirm(lea, at));
                SkillChanges.Add((person, at, (int?)before, (int)level));
            }
            await db.SaveChangesAsync();
        }
        await Skill(mia, (SkillLevel.Learning, At(9, 1)), (SkillLevel.Practising, At(10, 14)));
        await Skill(max, (SkillLevel.Learning, At(10, 14)));
        await Skill(noah, (SkillLevel.Practising, At(9, 1)), (SkillLevel.Learning, At(10, 20)));
        await Skill(ida, (SkillLevel.Learning, At(9, 1)), (SkillLevel.CanTeach, At(10, 27)));
        await Skill(dora, (SkillLevel.Learning, At(9, 1)), (SkillLevel.Practising, At(10, 14)));

        // Leaders' support: growth by kind, or by a goal behind it.
        void Support(int member, DateOnly date, SupportCategory kind, bool goal, int minutes)
        {
            db.SupportEntries.Add(new SupportEntry(lea, member, product, null, kind, minutes, date, "", false, At(1, 1)));
            this.Support.Add((product, member, date, kind, goal, minutes));
        }
        Support(mia, new(2026, 10, 6), SupportCategory.Coaching, goal: true, 60);
        Support(max, new(2026, 10, 7), SupportCategory.Training, goal: false, 30);
        Support(noah, new(2026, 10, 8), SupportCategory.Coaching, goal: false, 90);
        Support(ida, new(2026, 11, 1), SupportCategory.Mentoring, goal: false, 45);
        Support(ida, new(2026, 11, 2), SupportCategory.StretchOpportunity, goal: false, 15);
        Support(mia, new(2026, 10, 4), SupportCategory.RemovingObstacle, goal: false, 30);
        await db.SaveChangesAsync();
        await db.SupportEntries.Where(s => s.MemberId == mia && s.Category == SupportCategory.Coaching)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.GoalId, goalOf[mia]));

        // Peer support: only what the receiver confirmed.
        void Peer(int giver, int receiver, int team, DateOnly date, bool confirm)
        {
            var given = new PeerSupport(giver, receiver, team, SupportCategory.Coaching, 30, date, "", false, At(1, 1));
            if (confirm)
            {
                given.Confirm(null, At(11, 3));
            }
            db.PeerSupport.Add(given);
            PeerSupport.Add((giver, date, confirm));
        }
        Peer(mia, max, product, new(2026, 10, 9), confirm: true);
        Peer(max, noah, product, new(2026, 10, 9), confirm: false);
        Peer(pia, mia, platform, new(2026, 10, 20), confirm: true);
        Peer(dora, mia, product, new(2026, 10, 20), confirm: true);
        Peer(lars, noah, product, new(2026, 10, 13), confirm: true);   // in week 2, while Lars was a member

        // Mentoring: active and ended pairs that overlap the period count for the mentor; the rest do not.
        void Pair(int mentor, int mentee, DateTimeOffset? started, DateTimeOffset? ended, MentoringStatus status)
        {
            var pair = new MentoringPair(mentor, mentee, mentee, "Facilitation", At(8, 1));
            if (started is { } s) { pair.Accept(s); }
            if (ended is { } e) { pair.End(e); }
            db.MentoringPairs.Add(pair);
            Pairs.Add((mentor, started, ended, status));
        }
        Pair(noah, ida, At(9, 1), null, MentoringStatus.Active);
        Pair(ida, max, At(9, 1), At(10, 4, 23, 59, 59), MentoringStatus.Ended);
        Pair(ida, mia, null, null, MentoringStatus.Proposed);

        // A peer request answered: asking and answering never count.
        var request = new PeerRequest(max, ida, null, null, "Could you show me the facilitation deck?", At(10, 6));
        request.Accept("Yes, Thursday.", At(10, 7));
        request.MarkDone(At(10, 8));
        db.PeerRequests.Add(request);

        // Growth conversations: only held ones marked as growth.
        OneOnOne Meeting(int member, bool growth, DateTimeOffset? held)
        {
            var meeting = new OneOnOne(lea, member, null, At(9, 1));
            meeting.MarkGrowthConversation(growth);
            if (held is { } h) { meeting.MarkHeld(h); }
            return meeting;
        }
        db.OneOnOnes.AddRange(
            Meeting(mia, true, At(10, 2)), Meeting(mia, true, At(10, 30, 23)), Meeting(max, false, At(11, 10)), Meeting(noah, true, null));
        await db.SaveChangesAsync();
    }
}
