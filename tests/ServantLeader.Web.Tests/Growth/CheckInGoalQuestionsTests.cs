using Bunit;
using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Growth;
using ServantLeader.Web.Components.Pages.CheckIns;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Growth;

[Trait("Area", "Growth")]
public sealed class CheckInGoalQuestionsTests : ComponentContext
{
    public CheckInGoalQuestionsTests()
    {
        CheckInPage.SaveDelay = TimeSpan.FromMilliseconds(20);
    }

    private Task<int> GoalAsync(string what) =>
        RhythmGoalRows.ActiveGoalAsync(Get<IDbContextFactory<ServantLeaderDb>>(), Mia.PersonId, what);

    [Fact]
    public async Task Each_active_goal_is_asked_about_and_the_answers_are_kept_in_the_draft()
    {
        var goal = await GoalAsync("Speak at a conference");
        SignInAs(Mia, "Mia");
        var first = Render<CheckInPage>();
        first.WaitForElement($"#Goal{goal}-{(int)GoalMovement.Stuck}");
        Assert.Contains("Did it move forward, get stuck, or was there no time this period?", first.Markup, StringComparison.Ordinal);
        Assert.Empty(first.FindAll($"#Goal{goal}-Ask"));

        first.Find($"#Goal{goal}-{(int)GoalMovement.Stuck}").Change(true);
        first.Find("textarea[name=HelpToGrow]").Input("A dry run with the team");
        first.WaitForAssertion(() => Assert.Contains("Draft saved", first.Markup, StringComparison.Ordinal));
        // Stuck offers the request for help, unticked: it is sent only with consent.
        Assert.False(first.WaitForElement($"#Goal{goal}-Ask").HasAttribute("checked"));
        await DisposeComponentsAsync();

        var second = Render<CheckInPage>();
        second.WaitForElement($"#Goal{goal}-{(int)GoalMovement.Stuck}");
        Assert.True(second.Find($"#Goal{goal}-{(int)GoalMovement.Stuck}").HasAttribute("checked"));
        Assert.False(second.Find($"#Goal{goal}-{(int)GoalMovement.MovedForward}").HasAttribute("checked"));
        var help = second.Find("textarea[name=HelpToGrow]");
        Assert.Equal("A dry run with the team", help.GetAttribute("value") ?? help.TextContent);
        var form = await Get<CheckInWriting>().OpenAsync(Mia, Product, default);
        Assert.Equal((CheckInStatus.Draft, (GoalMovement?)GoalMovement.Stuck), (form.Status!.Value, form.Goals.Single().Movement));
    }

    [Fact]
    public async Task A_stuck_goal_the_member_ticks_is_sent_to_the_leaders_as_a_request_on_submit()
    {
        var goal = await GoalAsync("Lead the design review");
        SignInAs(Mia, "Mia");
        var page = Render<CheckInPage>();
        page.WaitForElement($"#Goal{goal}-{(int)GoalMovement.Stuck}");

        page.Find("#Pulse-3").Change(true);
        page.Find($"#Goal{goal}-{(int)GoalMovement.Stuck}").Change(true);
        // The tick appears once the change has rendered, which over a slower database can come a moment later.
        page.WaitForElement($"#Goal{goal}-Ask").Change(true);
        await page.Find("form").SubmitAsync();

        Assert.Equal(1, await CountRequestsAsync());
        var inbox = Assert.Single(await Get<Domain.Requests.RequestService>().InboxAsync(Lea, default));
        Assert.Contains("Lead the design review", inbox.Title, StringComparison.Ordinal);
    }
}
