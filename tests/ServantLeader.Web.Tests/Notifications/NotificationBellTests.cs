using Bunit;
using ServantLeader.Domain.Notifications;
using ServantLeader.Web.Components.Layout;
using ServantLeader.Web.Components.Pages.Notifications;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Notifications;

/// <summary>The unread count and the list change while they are on screen, and only for the person notified.</summary>
[Trait("Area", "Integrations")]
public sealed class NotificationBellTests : ComponentContext
{
    [Fact]
    public async Task The_leaders_count_rises_when_a_member_asks_and_falls_when_read()
    {
        SignInAs(Lea, "Lea");
        var bell = Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("Notifications, none unread", bell.Find("a").GetAttribute("aria-label")));

        await AskAsync(Mia, "Asked while Lea's page was open");
        await AskAsync(Max, "And another");

        bell.WaitForAssertion(() =>
        {
            Assert.Equal("Notifications, 2 unread", bell.Find("a").GetAttribute("aria-label"));
            Assert.Equal("2", bell.Find(".sl-bell-count").TextContent);
        }, TimeSpan.FromSeconds(1));

        await Get<NotificationFeed>().MarkAllReadAsync(Lea, default);
        bell.WaitForAssertion(() => Assert.Empty(bell.FindAll(".sl-bell-count")), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task The_list_shows_new_items_live_and_opening_one_goes_to_it()
    {
        SignInAs(Lea, "Lea");
        var page = Render<NotificationsPage>();
        page.WaitForAssertion(() => Assert.Contains("Nothing yet", page.Markup, StringComparison.Ordinal));

        var id = await AskAsync(Mia, "Title the list must not show");

        page.WaitForAssertion(() => Assert.Contains("Mia asked for help", page.Find(".unread").TextContent, StringComparison.Ordinal),
            TimeSpan.FromSeconds(1));
        Assert.DoesNotContain("Title the list must not show", page.Markup, StringComparison.Ordinal);

        page.Find(".sl-notification").Click();
        var navigation = Get<Microsoft.AspNetCore.Components.NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith($"/requests/{id}", navigation.Uri, StringComparison.Ordinal));
        Assert.Equal(0, await Get<NotificationFeed>().UnreadCountAsync(Lea, default));
    }

    [Fact]
    public async Task A_member_is_not_re_rendered_by_someone_elses_notification()
    {
        SignInAs(Max, "Max");
        var bell = Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("Notifications, none unread", bell.Find("a").GetAttribute("aria-label")));
        var renders = await SettledRenderCountAsync(bell);

        await AskAsync(Mia, "Only for the leaders");
        await Task.Delay(300);

        Assert.Equal(renders, bell.RenderCount);
    }
}
