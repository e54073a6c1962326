using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ServantLeader.E2E;

/// <summary>
/// Measures a leader cannot game, as people meet them: a request that waits shows on the leader's dashboard until it is
/// answered, the spread of support is drawn for the leader without names, and HR sees the figures and never the shape or
/// who has gone without a 1:1.
/// </summary>
[Collection(E2ECollection.Name)]
[Trait("Area", "E2E")]
[Trait("Area", "Dashboard")]
public sealed partial class MeasuresJourneyTests(E2EApp app) : BrowserTests(app)
{
    [Fact]
    public async Task A_waiting_request_counts_until_it_is_answered_and_HR_sees_figures_without_the_shape()
    {
        var dashboard = $"/dashboard/teams/{App.ProductTeam}?weeks=4";
        var amara = await SignInAsync("amara");
        await OpenAsync(amara, dashboard);
        var waitingBefore = Count(await FigureAsync(amara, "WaitingNow"));
        Assert.True(waitingBefore >= 0, "the leader sees how many requests wait now");

        // Nia asks for help: one more request waits for a first response.
        var title = "Who signs off the release notes " + Guid.NewGuid().ToString("N")[..6];
        var nia = await SignInAsync("nia");
        await OpenAsync(nia, "/requests/new");
        await nia.Locator("[name=Title]").FillAsync(title);
        await nia.Locator("[name=Details]").FillAsync("The notes are written and nobody has said who approves them.");
        await nia.GetByRole(AriaRole.Button, new() { Name = "Send to my leaders" }).ClickAsync();
        await nia.WaitForURLAsync(new Regex("/requests/\\d+"));

        await OpenAsync(amara, dashboard);
        Assert.Equal(waitingBefore + 1, Count(await FigureAsync(amara, "WaitingNow")));
        // The longest wait is a figure of now, shown beside it; the durations say how many requests they leave out.
        await Assertions.Expect(amara.Locator("[data-measure=LongestWaitHours] .sl-figure-value")).ToBeVisibleAsync();
        await Assertions.Expect(amara.Locator("[data-measure=NotYetAcknowledged] .sl-figure-value")).ToBeVisibleAsync();

        // The leader sees how support is spread, as a curve and a table with ranks, never names.
        await Assertions.Expect(amara.Locator("svg.sl-lorenz")).ToBeVisibleAsync();
        var spreadTable = amara.Locator(".sl-spread table");
        Assert.DoesNotContain("Nia", await spreadTable.InnerTextAsync());

        // Amara acknowledges it: it no longer waits.
        await OpenAsync(amara, "/requests/inbox");
        await amara.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(amara.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        await amara.GetByRole(AriaRole.Button, new() { Name = "Acknowledge", Exact = true }).ClickAsync();
        await amara.Locator("[name=Note]").FillAsync("I'll ask the release owner today.");
        await amara.Locator("form").GetByRole(AriaRole.Button, new() { Name = "Acknowledge", Exact = true }).ClickAsync();
        await Assertions.Expect(amara.GetByText("Acknowledged").First).ToBeVisibleAsync();
        await OpenAsync(amara, dashboard);
        Assert.Equal(waitingBefore, Count(await FigureAsync(amara, "WaitingNow")));

        // HR opens the same team: the figures are there (whole weeks), the spread's shape and the names are not.
        var hr = await SignInAsync("hr");
        await OpenAsync(hr, dashboard);
        await Assertions.Expect(hr.Locator("[data-measure=SupportGini]")).ToBeVisibleAsync();
        await Assertions.Expect(hr.Locator("[data-measure=AcknowledgedWithinTarget]")).ToBeVisibleAsync();
        Assert.Equal(0, await hr.Locator("svg.sl-lorenz").CountAsync());
        Assert.Equal(0, await hr.Locator("[data-gaps]").CountAsync());
        Assert.DoesNotContain(title, await hr.Locator("main").InnerTextAsync());
    }

    private static int Count(string text) =>
        int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1;
}
