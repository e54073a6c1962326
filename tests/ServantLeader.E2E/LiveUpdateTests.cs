using System.Diagnostics;
using Microsoft.Playwright;

namespace ServantLeader.E2E;

/// <summary>Pages that change while someone looks at them: no reload, the circuit pushes the new state.</summary>
[Collection(E2ECollection.Name)]
[Trait("Area", "E2E")]
[Trait("Area", "Integrations")]
public sealed class LiveUpdateTests(E2EApp app) : BrowserTests(app)
{
    [Fact]
    public async Task A_new_request_appears_in_the_leaders_inbox_within_a_second_and_the_member_sees_it_acknowledged_live()
    {
        var title = "Live: need a second pair of eyes " + Guid.NewGuid().ToString("N")[..6];
        var amara = await SignInAsync("amara");
        await OpenAsync(amara, "/requests/inbox");
        await Assertions.Expect(amara.GetByText(title)).ToHaveCountAsync(0);
        var inboxUrl = amara.Url;

        var ben = await SignInAsync("ben");
        await OpenAsync(ben, "/requests/new");
        await ben.Locator("[name=Title]").FillAsync(title);
        await ben.Locator("[name=Details]").FillAsync("Could someone look at my migration plan before Thursday?");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Send to my leaders" }).ClickAsync();
        await Assertions.Expect(ben.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();

        // The request is saved before Ben's page moves on; from then, Amara's open inbox has a second to show it.
        var clock = Stopwatch.StartNew();
        await Assertions.Expect(amara.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync(new() { Timeout = 1_000 });
        Console.WriteLine($"inbox showed the new request {clock.ElapsedMilliseconds} ms after Ben's page confirmed it");
        Assert.Equal(inboxUrl, amara.Url);

        // Amara acknowledges from the inbox card; Ben's open request page changes state by itself.
        await amara.GetByRole(AriaRole.Button, new() { Name = "Acknowledge " + title }).ClickAsync();
        await Assertions.Expect(ben.Locator(".rz-badge", new() { HasText = "Acknowledged" }).First).ToBeVisibleAsync(new() { Timeout = 2_000 });
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_submitted_check_in_shows_up_in_the_leaders_week_view_within_a_second()
    {
        var amara = await SignInAsync("amara");
        await OpenAsync(amara, "/check-ins/this-week");
        var rae = amara.GetByRole(AriaRole.Link, new() { Name = "Rae Newcomer" });
        // Rae's row in the week (the growth list below it names Rae too).
        await Assertions.Expect(amara.Locator(".sl-week-name", new() { HasText = "Rae Newcomer" })).ToBeVisibleAsync();
        await Assertions.Expect(rae).ToHaveCountAsync(0);   // nothing to open yet: Rae has not checked in

        var member = await SignInAsync("rae");
        await OpenAsync(member, "/check-ins/new");
        await member.Locator("label[for='Pulse-4']").ClickAsync();
        await member.Locator("[name=Wins]").FillAsync("Set up my laptop and shipped a typo fix.");
        await member.GetByRole(AriaRole.Button, new() { Name = "Submit check-in" }).ClickAsync();
        await member.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/check-ins/\\d+$"));

        await Assertions.Expect(rae).ToBeVisibleAsync(new() { Timeout = 1_000 });
        Assert.EndsWith("/check-ins/this-week", amara.Url, StringComparison.Ordinal);
        AssertNoConsoleErrors();
    }
}
