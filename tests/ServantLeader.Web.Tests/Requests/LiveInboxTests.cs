using Bunit;
using ServantLeader.Web.Components.Pages.Requests;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Requests;

/// <summary>The inbox on screen changes when a member asks, with no reload, and only for the teams the viewer leads.</summary>
[Trait("Area", "Integrations")]
public sealed class LiveInboxTests : ComponentContext
{
    [Fact]
    public async Task A_request_made_while_the_inbox_is_open_appears_in_it()
    {
        SignInAs(Lea, "Lea");
        var inbox = Render<InboxPage>();
        inbox.WaitForAssertion(() => Assert.Contains("Nobody is waiting on you", inbox.Markup, StringComparison.Ordinal));

        await AskAsync(Mia, "Asked while Lea was looking");

        inbox.WaitForAssertion(() => Assert.Equal(["Asked while Lea was looking"],
            inbox.FindAll("a[href^='/requests/']").Select(a => a.TextContent)), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_leader_of_another_team_is_not_told_and_sees_nothing_new()
    {
        SignInAs(Max, "Max");
        var inbox = Render<InboxPage>();
        inbox.WaitForAssertion(() => Assert.Contains("Nobody is waiting on you", inbox.Markup, StringComparison.Ordinal));
        var renders = await SettledRenderCountAsync(inbox);

        await AskAsync(Mia, "Not for Max");
        await Task.Delay(300);

        Assert.Equal(renders, inbox.RenderCount);
        Assert.DoesNotContain("Not for Max", inbox.Markup, StringComparison.Ordinal);
    }
}
