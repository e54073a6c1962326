using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Growth;
using ServantLeader.Domain.Notifications;
using ServantLeader.Domain.Webhooks;
using ServantLeader.TestData;

namespace ServantLeader.Domain.Tests.Growth;

[Trait("Area", "Growth")]
public sealed class GrowthPlanTests : OrganisationTests
{
    private GrowthPlans Plans => Db.Get<GrowthPlans>();

    private static readonly DateOnly Today = new(2026, 11, 18);

    private Task<int> AddGoalAsync(Actor who, string what = "Run a design review on my own") =>
        Plans.AddGoalAsync(who, new GoalDraft { What = what, Why = "Lead the design of the billing rewrite", Evidence = "Two reviews run", TargetDate = Today.AddMonths(3) }, default);

    private async Task<GoalView> GoalAsync(Actor who, int id) => (await Plans.MineAsync(who, default)).Goals.Single(g => g.Id == id);

    [Fact]
    public async Task The_plan_is_made_on_the_first_save_and_each_save_records_an_edit()
    {
        var before = await Plans.MineAsync(Org.Mia, default);
        Assert.False(before.Exists);
        Assert.Equal(0, before.Version);

        await Plans.WriteAsync(Org.Mia, new WritePlan { Ambition = "Lead a product team in three years", Strengths = "Calm in incidents", ExpectedVersion = 0 }, default);
        Db.Clock.Advance(TimeSpan.FromDays(1));
        var goal = await AddGoalAsync(Org.Mia);

        var plan = await Plans.MineAsync(Org.Mia, default);
        Assert.True(plan.Exists);
        Assert.Equal("Lead a product team in three years", plan.Ambition);
        Assert.Equal(Db.Clock.Now, plan.UpdatedAt);
        Assert.Equal(goal, Assert.Single(plan.Goals).Id);
        await using var db = Db.NewDb();
        Assert.Equal(2, await db.GrowthPlanEdits.CountAsync(e => e.PersonId == Org.Mia.PersonId));
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_nothing_is_overwritten()
    {
        await Plans.WriteAsync(Org.Mia, new WritePlan { Ambition = "First window", ExpectedVersion = 0 }, default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Plans.WriteAsync(Org.Mia, new WritePlan { Ambition = "Second window", ExpectedVersion = 0 }, default));
        var goal = await AddGoalAsync(Org.Mia);
        var read = await GoalAsync(Org.Mia, goal);
        await Plans.EditGoalAsync(Org.Mia, goal, new GoalDraft { What = "Edited", ExpectedVersion = read.Version }, default);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Plans.EditGoalAsync(Org.Mia, goal, new GoalDraft { What = "Edited twice", ExpectedVersion = read.Version }, default));

        var plan = await Plans.MineAsync(Org.Mia, default);
        Assert.Equal("First window", plan.Ambition);
        Assert.Equal("Edited", Assert.Single(plan.Goals).What);
    }

    [Fact]
    public async Task A_goal_needs_its_what_and_a_target_date_from_today_on_and_bad_input_writes_nothing()
    {
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => Plans.AddGoalAsync(Org.Mia,
            new GoalDraft { What = "  ", Why = "x\u202Ey", TargetDate = Today.AddDays(-1) }, default));

        Assert.Equal(["TargetDate", "What", "Why"], error.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Choose a target date from today on.", Assert.Single(error.Errors["TargetDate"]));
        Assert.False((await Plans.MineAsync(Org.Mia, default)).Exists);
        await using var db = Db.NewDb();
        Assert.Equal(0, await db.GrowthPlanEdits.CountAsync());
    }

    [Fact]
    public async Task Setting_a_goal_aside_asks_what_you_learned()
    {
        var goal = await AddGoalAsync(Org.Mia);
        var version = (await GoalAsync(Org.Mia, goal)).Version;

        var error = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Plans.SetAsideAsync(Org.Mia, goal, new SetGoalAside { Learned = " ", ExpectedVersion = version }, default));
        Assert.Contains("What you learned", Assert.Single(error.Errors["Learned"]), StringComparison.Ordinal);
        Assert.Equal(GoalState.Active, (await GoalAsync(Org.Mia, goal)).State);

        await Plans.SetAsideAsync(Org.Mia, goal, new SetGoalAside { Learned = "Reviews need a clear owner first", ExpectedVersion = version }, default);
        var aside = await GoalAsync(Org.Mia, goal);
        Assert.Equal(GoalState.SetAside, aside.State);
        Assert.Equal("Reviews need a clear owner first", aside.Learned);

        await Plans.ResumeAsync(Org.Mia, goal, aside.Version, default);
        Assert.Equal(GoalState.Active, (await GoalAsync(Org.Mia, goal)).State);
    }

    [Fact]
    public async Task A_plan_holds_at_most_twenty_active_goals()
    {
        for (var i = 0; i < GrowthPlans.MaxActiveGoals; i++)
        {
            await AddGoalAsync(Org.Mia, $"Goal {i}");
        }

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => AddGoalAsync(Org.Mia, "One too many"));
        Assert.Contains("at most 20 active goals", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Achieving_tells_the_leaders_who_achieved_a_goal_never_which_one()
    {
        var goal = await AddGoalAsync(Org.Mia, "Secret goal about my confidence");

        await Plans.AchieveAsync(Org.Mia, goal, (await GoalAsync(Org.Mia, goal)).Version, default);

        await using var db = Db.NewDb();
        var notes = await db.Notifications.Where(n => n.Kind == NotificationKind.GoalAchieved).ToListAsync();
        Assert.Equal(new[] { Org.Lea.PersonId, Org.Colin.PersonId }.Order(), notes.Select(n => n.RecipientId).Order());
        Assert.All(notes, n => Assert.Equal("Mia Member achieved a growth goal.", n.Text));
        Assert.All(notes, n => Assert.DoesNotContain("confidence", n.Text, StringComparison.Ordinal));
        Assert.Equal(GoalState.Achieved, (await GoalAsync(Org.Mia, goal)).State);
    }

    [Fact]
    public async Task The_webhook_is_queued_only_once_the_person_makes_the_achievement_public()
    {
        Db.Get<IOptions<WebhookOptions>>().Value.AllowedInternalHosts = ["127.0.0.1"];
        await using var receiver = await WebhookReceiver.StartAsync();
        await Db.Get<WebhookService>().CreateAsync(Org.Admin, new WebhookDraft
        {
            Url = receiver.Url.ToString(), Description = "Wins", Events = WebhookEvents.GoalAchieved,
        }, default);
        var goal = await AddGoalAsync(Org.Mia, "Give the tech talk");
        await Plans.AchieveAsync(Org.Mia, goal, (await GoalAsync(Org.Mia, goal)).Version, default);

        await using (var db = Db.NewDb())
        {
            Assert.Equal(0, await db.WebhookDeliveries.CountAsync());
        }
        Assert.Empty(await Plans.AchievementsForTeamAsync(Org.Product, 10, default));

        await Plans.MakePublicAsync(Org.Mia, goal, new MakeGoalPublic { TeamId = Org.Product, ExpectedVersion = (await GoalAsync(Org.Mia, goal)).Version }, default);

        await using (var db = Db.NewDb())
        {
            var delivery = Assert.Single(await db.WebhookDeliveries.ToListAsync());
            Assert.Equal(WebhookEvents.GoalAchieved, delivery.Event);
            Assert.Equal(goal, delivery.SubjectId);
        }
        var shared = Assert.Single(await Plans.AchievementsForTeamAsync(Org.Product, 10, default));
        Assert.Equal(("Mia Member", "Give the tech talk"), (shared.PersonName, shared.What));
        Assert.Equal("Product", (await GoalAsync(Org.Mia, goal)).PublicTeamName);
        var resume = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Plans.ResumeAsync(Org.Mia, goal, GoalAsync(Org.Mia, goal).Result.Version, default));
        Assert.Contains("stays achieved", resume.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_achieved_goal_goes_public_and_only_in_one_of_the_persons_teams()
    {
        var goal = await AddGoalAsync(Org.Mia);

        var active = await Assert.ThrowsAsync<RuleViolationException>(() => Plans.MakePublicAsync(Org.Mia, goal,
            new MakeGoalPublic { TeamId = Org.Product, ExpectedVersion = GoalAsync(Org.Mia, goal).Result.Version }, default));
        await Plans.AchieveAsync(Org.Mia, goal, (await GoalAsync(Org.Mia, goal)).Version, default);
        var otherTeam = await Assert.ThrowsAsync<RuleViolationException>(() => Plans.MakePublicAsync(Org.Mia, goal,
            new MakeGoalPublic { TeamId = Org.Platform, ExpectedVersion = GoalAsync(Org.Mia, goal).Result.Version }, default));

        Assert.Contains("Only an achieved goal", active.Message, StringComparison.Ordinal);
        Assert.Equal("Choose one of your teams.", Assert.Single(otherTeam.Errors["TeamId"]));
        Assert.Empty(await Plans.AchievementsForTeamAsync(Org.Platform, 10, default));
    }

    [Fact]
    public async Task The_person_and_their_leaders_read_the_plan_and_HR_Admins_and_other_leaders_find_nothing()
    {
        await Plans.WriteAsync(Org.Mia, new WritePlan { Ambition = "Become a staff engineer", ExpectedVersion = 0 }, default);

        Assert.Equal("Become a staff engineer", (await Plans.ForPersonAsync(Org.Mia, Org.Mia.PersonId, default)).Ambition);
        Assert.Equal("Become a staff engineer", (await Plans.ForPersonAsync(Org.Lea, Org.Mia.PersonId, default)).Ambition);
        Assert.Equal("Become a staff engineer", (await Plans.ForPersonAsync(Org.Colin, Org.Mia.PersonId, default)).Ambition);
        foreach (var stranger in new[] { Org.Hr, Org.Admin, Org.Otto, Org.Max, Org.Pia })
        {
            await Assert.ThrowsAsync<NotFoundException>(() => Plans.ForPersonAsync(stranger, Org.Mia.PersonId, default));
        }
        // A person with no plan yet, and one who does not exist, look the same to a stranger.
        await Assert.ThrowsAsync<NotFoundException>(() => Plans.ForPersonAsync(Org.Hr, Org.Max.PersonId, default));
        await Assert.ThrowsAsync<NotFoundException>(() => Plans.ForPersonAsync(Org.Hr, 999_999, default));
    }

    [Fact]
    public async Task A_mentor_reads_the_plan_only_while_the_mentee_shares_it()
    {
        await Plans.WriteAsync(Org.Pia, new WritePlan { Ambition = "Speak at a conference", ExpectedVersion = 0 }, default);
        await Db.MentorAsync(Org.Mia, Org.Pia, planShared: false);
        await Assert.ThrowsAsync<NotFoundException>(() => Plans.ForPersonAsync(Org.Mia, Org.Pia.PersonId, default));

        await Db.MentorAsync(Org.Max, Org.Pia, planShared: true);
        var asMentor = await Plans.ForPersonAsync(Org.Max, Org.Pia.PersonId, default);

        Assert.Equal("Speak at a conference", asMentor.Ambition);
        Assert.True(asMentor.ViewerCanConfirmSkills);
        Assert.Empty(asMentor.Teams);
    }

    [Fact]
    public async Task A_deactivated_leader_reads_nothing()
    {
        await Plans.WriteAsync(Org.Mia, new WritePlan { Ambition = "Own the release process", ExpectedVersion = 0 }, default);

        await Db.DeactivateAsync(Org.Lea);

        await Assert.ThrowsAsync<NotFoundException>(() => Plans.ForPersonAsync(Org.Lea, Org.Mia.PersonId, default));
    }

    [Fact]
    public async Task A_leader_may_read_a_goal_but_not_change_it_and_a_stranger_finds_nothing()
    {
        var goal = await AddGoalAsync(Org.Mia);
        var version = (await GoalAsync(Org.Mia, goal)).Version;

        await Assert.ThrowsAsync<ActionNotAllowedException>(() => Plans.AchieveAsync(Org.Lea, goal, version, default));
        await Assert.ThrowsAsync<NotFoundException>(() => Plans.AchieveAsync(Org.Otto, goal, version, default));
        await Assert.ThrowsAsync<NotFoundException>(() => Plans.AchieveAsync(Org.Hr, goal, version, default));
        await Assert.ThrowsAsync<NotFoundException>(() => Plans.EditGoalAsync(Org.Admin, goal, new GoalDraft { What = "x", ExpectedVersion = version }, default));
        Assert.Equal(GoalState.Active, (await GoalAsync(Org.Mia, goal)).State);
    }

    [Fact]
    public async Task An_old_target_date_may_stay_when_a_goal_is_edited_but_a_new_one_is_from_today_on()
    {
        var goal = await Plans.AddGoalAsync(Org.Mia, new GoalDraft { What = "Mentor a new joiner", TargetDate = Today }, default);
        Db.Clock.Advance(TimeSpan.FromDays(10));

        var read = await GoalAsync(Org.Mia, goal);
        await Plans.EditGoalAsync(Org.Mia, goal, new GoalDraft { What = "Mentor two new joiners", TargetDate = Today, ExpectedVersion = read.Version }, default);
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => Plans.EditGoalAsync(Org.Mia, goal,
            new GoalDraft { What = "Mentor two new joiners", TargetDate = Today.AddDays(1), ExpectedVersion = read.Version + 1 }, default));

        Assert.True(error.Errors.ContainsKey("TargetDate"));
        Assert.Equal("Mentor two new joiners", (await GoalAsync(Org.Mia, goal)).What);
    }
}
