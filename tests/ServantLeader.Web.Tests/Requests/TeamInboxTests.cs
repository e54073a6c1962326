using Bunit;
using ServantLeader.Web.Components.Pages.Requests;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Requests;

[Trait("Area", "Requests")]
public sealed class TeamInboxTests : ComponentContext
{
    [Fact]
    public async Task Shows_open_requests_from_the_leaders_members_oldest_first()
    {
        await AskAsync(Mia, "First: access to staging");
        await AskAsync(Max, "Second: a training budget");
        SignInAs(Lea, "Lea");

        var inbox = Render<InboxPage>();

        inbox.WaitForAssertion(() => Assert.Equal(2, inbox.FindAll("a[href^='/requests/']").Count));
        var titles = inbox.FindAll("a[href^='/requests/']").Select(a => a.TextContent).ToList();
        Assert.Equal(["First: access to staging", "Second: a training budget"], titles);
        Assert.Contains("Mia", inbox.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_who_leads_no_team_sees_an_empty_inbox_not_someone_elses()
    {
        await AskAsync(Mia, "Mia's private request");
        SignInAs(Max, "Max");

        var inbox = Render<InboxPage>();

        inbox.WaitForAssertion(() => Assert.Contains("Nobody is waiting on you", inbox.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("Mia's private request", inbox.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acknowledging_from_the_inbox_updates_the_row()
    {
        await AskAsync(Mia, "Access to staging");
        SignInAs(Lea, "Lea");
        var inbox = Render<InboxPage>();
        inbox.WaitForElement("button[aria-label='Acknowledge Access to staging']");

        inbox.Find("button[aria-label='Acknowledge Access to staging']").Click();

        inbox.WaitForAssertion(() => Assert.Contains(inbox.FindAll(".rz-badge"), b => b.TextContent == "Acknowledged"));
        Assert.Empty(inbox.FindAll("button[aria-label='Acknowledge Access to staging']"));
    }
}
