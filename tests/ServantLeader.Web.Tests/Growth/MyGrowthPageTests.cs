using AngleSharp.Dom;
using Bunit;
using ServantLeader.Domain.Growth;
using ServantLeader.Web.Components.Pages.Growth;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Growth;

[Trait("Area", "Growth")]
public sealed class MyGrowthPageTests : ComponentContext
{
    private GrowthPlans Plans => Get<GrowthPlans>();

    private IRenderedComponent<MyGrowthPage> Open()
    {
        SignInAs(Mia, "Mia");
        var page = Render<MyGrowthPage>();
        page.WaitForElement("textarea[name=Ambition]");
        return page;
    }

    /// <summary>
    /// Mia's plan once the save the page started has landed. Read with await, never with .Result inside a bunit wait:
    /// blocking there on a PostgreSQL read deadlocks bunit's renderer (it hung a test run).
    /// </summary>
    private async Task<PlanView> SavedPlanAsync(Func<PlanView, bool> saved)
    {
        var deadline = DateTime.UtcNow + DefaultWaitTimeout;
        while (true)
        {
            var plan = await Plans.MineAsync(Mia, default);
            if (saved(plan) || DateTime.UtcNow > deadline)
            {
                return plan;
            }
            await Task.Delay(20);
        }
    }

    private static IElement FormOf(IRenderedComponent<MyGrowthPage> page, string field) =>
        page.WaitForElement($"[name={field}]").Closest("form")!;

    [Fact]
    public async Task The_member_writes_an_ambition_and_it_is_saved_in_their_plan()
    {
        var page = Open();

        page.Find("textarea[name=Ambition]").Change("Lead a product team in three years");
        page.Find("textarea[name=Strengths]").Change("Calm in incidents");
        await FormOf(page, "Ambition").SubmitAsync();

        Assert.Equal("Lead a product team in three years", (await SavedPlanAsync(p => p.Ambition == "Lead a product team in three years")).Ambition);
        Assert.Equal("Calm in incidents", (await Plans.MineAsync(Mia, default)).Strengths);
        // Saved again after the reload: the form carries the new version, so a second save is no conflict.
        page.Find("textarea[name=Ambition]").Change("Lead a product team in two years");
        await FormOf(page, "Ambition").SubmitAsync();
        Assert.Equal("Lead a product team in two years", (await SavedPlanAsync(p => p.Ambition == "Lead a product team in two years")).Ambition);
    }

    [Fact]
    public async Task The_member_adds_a_goal_and_it_shows_among_the_active_goals()
    {
        var page = Open();

        page.FindAll("button").Single(b => b.TextContent.Contains("Add a goal", StringComparison.Ordinal)).Click();
        page.WaitForElement("input[name=What]").Change("Run a design review on my own");
        page.Find("textarea[name=Why]").Change("Design is where I want to lead");
        page.Find("textarea[name=Evidence]").Change("Two reviews run by March");
        await FormOf(page, "What").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("Run a design review on my own", page.Find("article.goal h3").TextContent, StringComparison.Ordinal));
        var goal = Assert.Single((await Plans.MineAsync(Mia, default)).Goals);
        Assert.Equal(("Run a design review on my own", "Two reviews run by March", GoalState.Active), (goal.What, goal.Evidence, goal.State));
    }

    [Fact]
    public async Task Bad_input_gets_its_message_at_the_field_keeps_what_was_typed_and_saves_nothing()
    {
        var page = Open();

        page.FindAll("button").Single(b => b.TextContent.Contains("Add a goal", StringComparison.Ordinal)).Click();
        page.WaitForElement("input[name=What]").Change(new string('w', GrowthGoal.WhatLength + 1));
        page.Find("textarea[name=Why]").Change("Because it matters to me");
        await FormOf(page, "What").SubmitAsync();

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".validation-message")));
        Assert.Contains("at most 200 characters", page.Find(".validation-message").TextContent, StringComparison.Ordinal);
        Assert.Equal(new string('w', GrowthGoal.WhatLength + 1), page.Find("input[name=What]").GetAttribute("value"));
        Assert.Equal("Because it matters to me", page.Find("textarea[name=Why]").GetAttribute("value") ?? page.Find("textarea[name=Why]").TextContent);
        Assert.False((await Plans.MineAsync(Mia, default)).Exists);
    }

    [Fact]
    public async Task Setting_a_goal_aside_asks_what_you_learned_and_never_why_it_failed()
    {
        await Plans.AddGoalAsync(Mia, new GoalDraft { What = "Speak at the meetup" }, default);
        var page = Open();
        page.WaitForElement("article.goal");

        page.FindAll("button").Single(b => b.TextContent.Contains("Set aside", StringComparison.Ordinal)).Click();

        Assert.Contains("What did you learn?", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("fail", page.Markup, StringComparison.OrdinalIgnoreCase);
        await FormOf(page, "Learned").SubmitAsync();
        page.WaitForAssertion(() => Assert.Contains("What you learned", page.Find(".validation-message").TextContent, StringComparison.Ordinal));
        Assert.Equal(GoalState.Active, Assert.Single((await Plans.MineAsync(Mia, default)).Goals).State);

        page.Find("textarea[name=Learned]").Change("I prefer writing to speaking, for now");
        await FormOf(page, "Learned").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("What I learned:", page.Markup, StringComparison.Ordinal));
        var goal = Assert.Single((await Plans.MineAsync(Mia, default)).Goals);
        Assert.Equal((GoalState.SetAside, "I prefer writing to speaking, for now"), (goal.State, goal.Learned));
    }

    [Fact]
    public async Task An_achieved_goal_can_be_shared_with_the_members_team()
    {
        var id = await Plans.AddGoalAsync(Mia, new GoalDraft { What = "Give the tech talk" }, default);
        await Plans.AchieveAsync(Mia, id, 0, default);
        var page = Open();
        page.WaitForElement("article.goal");

        page.FindAll("button").Single(b => b.TextContent.Contains("Share with a team", StringComparison.Ordinal)).Click();
        await FormOf(page, "TeamId").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("Shared with Product", page.Markup, StringComparison.Ordinal));
        Assert.Equal("Give the tech talk", Assert.Single(await Plans.AchievementsForTeamAsync(Product, 10, default)).What);
    }

    [Fact]
    public async Task A_skill_is_added_at_a_proposed_level_and_shows_as_not_yet_confirmed()
    {
        var page = Open();

        page.Find("input[name=Name]").Change("Facilitation");
        await FormOf(page, "Name").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("not yet confirmed", page.Markup, StringComparison.Ordinal));
        Assert.Equal(("Facilitation", SkillLevel.Learning), (await Get<Skills>().MineAsync(Mia, default)).Select(s => (s.Name, s.ProposedLevel)).Single());
    }
}
