using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ServantLeader.E2E;

/// <summary>
/// Growth, the way people live it: a member writes an ambition and a goal, their leader serves it, the check-in reports
/// it moving, it is achieved, a teammate's help is confirmed, and the dashboard and the picture show it. HR sees the
/// aggregates and never the plan.
/// </summary>
[Collection(E2ECollection.Name)]
[Trait("Area", "E2E")]
[Trait("Area", "Growth")]
public sealed partial class GrowthJourneyTests(E2EApp app) : BrowserTests(app)
{
    [Fact]
    public async Task A_goal_is_written_served_reported_and_achieved_a_teammate_helps_and_the_figures_and_picture_follow()
    {
        var goal = "Run the sprint review on my own " + Guid.NewGuid().ToString("N")[..6];
        var today = DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var dashboard = $"/dashboard/teams/{App.ProductTeam}?from={today}&to={today}";

        var amara = await SignInAsync("amara");
        await OpenAsync(amara, dashboard);
        var achievedBefore = Count(await GrowthFigureAsync(amara, "GoalsAchieved"));
        var servantsBefore = Percent(await GrowthFigureAsync(amara, "ServantsGrown"));
        var solId = await PersonIdAsync(amara, "Sol Newcomer");

        // Sol writes an ambition and a goal.
        var sol = await SignInAsync("sol");
        await OpenAsync(sol, "/growth");
        await sol.Locator("[name=Ambition]").FillAsync("Lead the team's delivery rhythm within two years.");
        await sol.Locator("[name=Strengths]").FillAsync("Keeping people informed.");
        await sol.GetByRole(AriaRole.Button, new() { Name = "Save ambition and strengths" }).ClickAsync();
        await Assertions.Expect(sol.GetByText("Saved", new() { Exact = false }).First).ToBeVisibleAsync();
        await sol.GetByRole(AriaRole.Button, new() { Name = "Add a goal" }).ClickAsync();
        await sol.Locator("[name=What]").FillAsync(goal);
        await sol.Locator("[name=Why]").FillAsync("Leading the rhythm starts with running one meeting well.");
        await sol.Locator("[name=Evidence]").FillAsync("I run the review and the team says it was useful.");
        await sol.GetByRole(AriaRole.Button, new() { Name = "Add goal" }).ClickAsync();
        await Assertions.Expect(sol.GetByRole(AriaRole.Heading, new() { Name = goal })).ToBeVisibleAsync();

        // Amara ties support to the goal.
        await OpenAsync(amara, $"/support/new?member={solId}");
        await amara.Locator(".rz-dropdown:has([name=GoalId])").ClickAsync();
        await amara.GetByRole(AriaRole.Option, new() { Name = goal }).ClickAsync();
        await amara.Locator("[name=Note]").FillAsync("Walked through last sprint's review together and agreed the agenda.");
        await amara.GetByRole(AriaRole.Button, new() { Name = "Log support" }).ClickAsync();
        await amara.WaitForURLAsync(new Regex("/support$"));

        // Sol has never had a growth conversation: This week says so, and Amara plans one with a point about the goal.
        await OpenAsync(amara, "/check-ins/this-week");
        await amara.GetByRole(AriaRole.Button, new() { Name = "Plan a 1:1 with Sol Newcomer" }).ClickAsync();
        await amara.WaitForURLAsync(new Regex("/one-on-ones/\\d+$"));
        await InteractiveAsync(amara);
        await amara.Locator("label[for='GrowthConversation']").ClickAsync();
        await Assertions.Expect(amara.GetByText(goal).First).ToBeVisibleAsync();   // the plan beside the notes
        await amara.Locator("[name=NewAgendaItem]").FillAsync("What would make the review feel safe to run?");
        await amara.Locator(".rz-dropdown:has([name=AgendaGoal])").ClickAsync();
        await amara.GetByRole(AriaRole.Option, new() { Name = goal }).ClickAsync();
        await amara.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Assertions.Expect(amara.GetByText("What would make the review feel safe to run?")).ToBeVisibleAsync();

        // Sol's check-in reports the goal moving forward.
        await OpenAsync(sol, "/check-ins/new");
        await sol.Locator("label[for='Pulse-4']").ClickAsync();
        var question = sol.Locator("fieldset", new() { HasText = goal });
        await question.GetByText("Moved forward", new() { Exact = true }).ClickAsync();
        await sol.Locator("[name=HelpToGrow]").FillAsync("Watching Amara run one review first.");
        await sol.GetByRole(AriaRole.Button, new() { Name = "Submit check-in" }).ClickAsync();
        await sol.WaitForURLAsync(new Regex("/check-ins/\\d+$"));
        await Assertions.Expect(sol.GetByText("Watching Amara run one review first.")).ToBeVisibleAsync();

        // The goal is achieved.
        await OpenAsync(sol, "/growth");
        var card = sol.Locator("article.goal", new() { Has = sol.GetByRole(AriaRole.Heading, new() { Name = goal }) });
        await card.GetByRole(AriaRole.Button, new() { Name = "Mark achieved" }).ClickAsync();
        await Assertions.Expect(card.GetByText("Achieved", new() { Exact = false }).First).ToBeVisibleAsync();

        // Tia logs help she gave Sol, and Sol confirms it.
        var tia = await SignInAsync("tia");
        await OpenAsync(tia, "/growth/peers");
        await tia.Locator(".rz-dropdown:has([name=ReceiverId])").ClickAsync();
        await tia.GetByRole(AriaRole.Option, new() { Name = "Sol Newcomer", Exact = false }).First.ClickAsync();
        await tia.Locator("[name=Note]").FillAsync("Rehearsed the sprint review with Sol.");
        await tia.GetByRole(AriaRole.Button, new() { Name = "Log help" }).ClickAsync();
        // Saved once it is listed under the help she gave, with its note, waiting for Sol.
        await Assertions.Expect(tia.Locator(".sl-prewrap", new() { HasText = "Rehearsed the sprint review with Sol." })).ToBeVisibleAsync();
        await OpenAsync(sol, "/growth/peers");
        await sol.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Confirm the help Tia Newcomer gave") }).First.ClickAsync();
        await Assertions.Expect(sol.GetByText("Confirmed", new() { Exact = false }).First).ToBeVisibleAsync();

        // The dashboard's growth figures and the picture follow.
        await OpenAsync(amara, dashboard);
        Assert.Equal(achievedBefore + 1, Count(await GrowthFigureAsync(amara, "GoalsAchieved")));
        var servantsAfter = Percent(await GrowthFigureAsync(amara, "ServantsGrown"));
        Assert.True(servantsAfter > servantsBefore, $"servants grown should rise, was {servantsBefore}% and is {servantsAfter}%");
        await OpenAsync(amara, $"/growth/picture?team={App.ProductTeam}&weeks=1");
        await amara.GetByText("Show as a table").ClickAsync();
        var peerLine = amara.Locator("[data-picture-table=edges] tr", new() { HasText = "Tia Newcomer" }).Filter(new() { HasText = "Sol Newcomer" });
        await Assertions.Expect(peerLine.GetByText("peer support, confirmed")).ToBeVisibleAsync();
        // The picture itself draws the peer line (one drawing for a phone and one for a desktop; one of them shows).
        var drawing = amara.Locator("svg.sl-picture-svg:visible");
        await Assertions.Expect(drawing).ToHaveCountAsync(1);
        Assert.True(await drawing.Locator("path.sl-edge-peersupport").CountAsync() >= 1, "the picture draws peer support");

        // HR sees the team's growth in aggregate, never a person's conversations or plan.
        var hr = await SignInAsync("hr");
        await OpenAsync(hr, $"/dashboard/teams/{App.ProductTeam}?weeks=4");
        await Assertions.Expect(hr.Locator("#growth-heading")).ToBeVisibleAsync();
        await Assertions.Expect(hr.GetByText("Last growth conversation")).ToHaveCountAsync(0);
        await Assertions.Expect(hr.GetByText("Sol Newcomer")).ToHaveCountAsync(0);
        var path = $"/growth/people/{solId}";
        var response = await hr.GotoAsync(path);
        Assert.Equal(404, response!.Status);
        Assert.DoesNotContain("delivery rhythm", await hr.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        ForgetConsoleErrors(e => e.Contains(path, StringComparison.Ordinal) && e.Contains("404", StringComparison.Ordinal));
        AssertNoConsoleErrors();
    }

    private static Task<string> GrowthFigureAsync(IPage page, string measure) =>
        page.Locator($"[data-growth-measure={measure}] .sl-figure-value").InnerTextAsync();

    /// <summary>A person's id, read off the "log support" link in the leader's coverage table.</summary>
    private static async Task<int> PersonIdAsync(IPage leader, string name)
    {
        var link = leader.Locator("tr", new() { Has = leader.GetByText(name, new() { Exact = true }) }).GetByRole(AriaRole.Link, new() { Name = "log support" });
        var href = await link.First.GetAttributeAsync("href") ?? "";
        return int.Parse(MemberId().Match(href).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static int Count(string text) => int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static double Percent(string text) =>
        double.TryParse(text.Trim().TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var p) ? p : -1;

    [GeneratedRegex(@"member=(\d+)")]
    private static partial Regex MemberId();
}
