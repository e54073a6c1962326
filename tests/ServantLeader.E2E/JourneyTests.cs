using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ServantLeader.E2E;

/// <summary>The main jobs, done the way people do them: in Chromium, through the pages only, as the right person.</summary>
[Collection(E2ECollection.Name)]
[Trait("Area", "E2E")]
public sealed partial class JourneyTests(E2EApp app) : BrowserTests(app)
{
    [Fact]
    public async Task A_request_for_help_is_acknowledged_served_resolved_and_rated_and_the_dashboard_counts_it()
    {
        var title = "Nia needs a code review buddy " + Guid.NewGuid().ToString("N")[..6];
        var amara = await SignInAsync("amara");
        var dashboard = $"/dashboard/teams/{App.ProductTeam}?weeks=4";
        await OpenAsync(amara, dashboard);
        var requestsBefore = int.Parse(await FigureAsync(amara, "RequestsReceived"), CultureInfo.InvariantCulture);
        var entriesBefore = int.Parse(await FigureAsync(amara, "SupportEntries"), CultureInfo.InvariantCulture);

        // Nia asks.
        var nia = await SignInAsync("nia");
        await OpenAsync(nia, "/requests/new");
        await nia.Locator("[name=Title]").FillAsync(title);
        await nia.Locator("[name=Details]").FillAsync("My first pull request is ready and I don't know who should review it.");
        await nia.GetByRole(AriaRole.Button, new() { Name = "Send to my leaders" }).ClickAsync();
        await nia.WaitForURLAsync(RequestUrl());
        var requestPath = new Uri(nia.Url).AbsolutePath;

        // Amara finds it in the inbox, acknowledges it, logs the support and resolves it.
        await OpenAsync(amara, "/requests/inbox");
        await amara.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(amara.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        await amara.GetByRole(AriaRole.Button, new() { Name = "Acknowledge", Exact = true }).ClickAsync();
        await amara.Locator("[name=Note]").FillAsync("I'll pair you with Dev this afternoon.");
        await amara.Locator("form").GetByRole(AriaRole.Button, new() { Name = "Acknowledge", Exact = true }).ClickAsync();
        await Assertions.Expect(amara.GetByText("Acknowledged").First).ToBeVisibleAsync();

        await amara.GetByRole(AriaRole.Button, new() { Name = "Log support for this request" }).ClickAsync();
        await Assertions.Expect(amara.GetByRole(AriaRole.Heading, new() { Name = "Log support" })).ToBeVisibleAsync();
        await amara.Locator("[name=Note]").FillAsync("Introduced Nia to Dev and walked through the review checklist.");
        await amara.GetByRole(AriaRole.Button, new() { Name = "Log support" }).ClickAsync();
        await Assertions.Expect(amara.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();

        await amara.GetByRole(AriaRole.Button, new() { Name = "Resolve", Exact = true }).ClickAsync();
        await amara.Locator("[name=Note]").FillAsync("Dev reviewed it; merged.");
        await amara.Locator("form").GetByRole(AriaRole.Button, new() { Name = "Resolve", Exact = true }).ClickAsync();
        await Assertions.Expect(amara.GetByText("Resolved").First).ToBeVisibleAsync();

        // Nia sees it resolved and rates it.
        await OpenAsync(nia, requestPath);
        await nia.GetByRole(AriaRole.Button, new() { Name = "Confirm and rate" }).ClickAsync();
        await nia.GetByRole(AriaRole.Radio, new() { Name = "Rate 4" }).ClickAsync();
        await nia.Locator("form").GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(nia.GetByText("confirmed", new() { Exact = false }).First).ToBeVisibleAsync();
        await Assertions.Expect(nia.GetByRole(AriaRole.Radio, new() { Name = "Rate 4", Checked = true })).ToBeVisibleAsync();
        await Assertions.Expect(nia.GetByRole(AriaRole.Radio, new() { Name = "Rate 5", Checked = true })).ToHaveCountAsync(0);

        // The dashboard counts the request and the support.
        await OpenAsync(amara, dashboard);
        Assert.Equal(requestsBefore + 1, int.Parse(await FigureAsync(amara, "RequestsReceived"), CultureInfo.InvariantCulture));
        Assert.Equal(entriesBefore + 1, int.Parse(await FigureAsync(amara, "SupportEntries"), CultureInfo.InvariantCulture));
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_check_in_with_a_blocker_gets_a_review_a_comment_and_a_point_for_the_next_one_on_one()
    {
        var blocker = "Waiting three days for staging access " + Guid.NewGuid().ToString("N")[..6];
        var omar = await SignInAsync("omar");
        await OpenAsync(omar, "/check-ins/new");
        await omar.Locator("label[for='Pulse-3']").ClickAsync();
        await omar.Locator("[name=Wins]").FillAsync("Finished the onboarding guide.");
        await omar.Locator("[name=Challenges]").FillAsync(blocker);
        await omar.Locator("[name=Need]").FillAsync("Someone to approve my staging access.");
        await omar.Locator("label[for='AskLeaderForHelp']").ClickAsync();
        await omar.GetByRole(AriaRole.Button, new() { Name = "Submit check-in" }).ClickAsync();
        await omar.WaitForURLAsync(new Regex("/check-ins/\\d+$"));
        var checkInPath = new Uri(omar.Url).AbsolutePath;

        var amara = await SignInAsync("amara");
        await OpenAsync(amara, "/check-ins/this-week");
        await amara.GetByRole(AriaRole.Link, new() { Name = "Omar Newcomer" }).ClickAsync();
        await Assertions.Expect(amara.GetByText(blocker)).ToBeVisibleAsync();
        Assert.EndsWith(checkInPath, new Uri(amara.Url).AbsolutePath, StringComparison.Ordinal);

        await amara.Locator("[name=Comment]").FillAsync("I've asked IT to fast-track it; you'll have it tomorrow.");
        await amara.GetByRole(AriaRole.Button, new() { Name = "Add comment" }).ClickAsync();
        await Assertions.Expect(amara.GetByText("you'll have it tomorrow").First).ToBeVisibleAsync();
        await amara.GetByLabel("Point for the next 1:1").FillAsync("How onboarding access could be faster");
        await amara.GetByRole(AriaRole.Button, new() { Name = "Send to next 1:1" }).ClickAsync();
        await Assertions.Expect(amara.GetByText("Added to your next 1:1")).ToBeVisibleAsync();
        await amara.GetByRole(AriaRole.Button, new() { Name = "Mark reviewed" }).ClickAsync();
        await Assertions.Expect(amara.GetByText("Reviewed").First).ToBeVisibleAsync();

        // Omar sees the comment, and the point is on their next 1:1's agenda.
        await OpenAsync(omar, checkInPath);
        await Assertions.Expect(omar.GetByText("you'll have it tomorrow").First).ToBeVisibleAsync();
        await OpenAsync(omar, "/one-on-ones");
        await omar.GetByRole(AriaRole.Button, new() { Name = "Open the next 1:1 with Amara Okafor" }).ClickAsync();
        await Assertions.Expect(omar.GetByText("How onboarding access could be faster")).ToBeVisibleAsync();
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Proactive_support_for_someone_who_asked_for_nothing_raises_coverage()
    {
        var today = DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var amara = await SignInAsync("amara");
        var dashboard = $"/dashboard/teams/{App.ProductTeam}?from={today}&to={today}";
        await OpenAsync(amara, dashboard);
        var before = Percent(await FigureAsync(amara, "Coverage"));
        var row = amara.Locator("tr", new() { Has = amara.GetByText("Pat Newcomer") });
        await Assertions.Expect(row.GetByText("none since joining", new() { Exact = false })).ToBeVisibleAsync();

        await row.GetByRole(AriaRole.Link, new() { Name = "log support" }).ClickAsync();
        await amara.WaitForURLAsync(new Regex("/support/new\\?member="));
        await InteractiveAsync(amara);
        await amara.Locator("[name=Note]").FillAsync("Noticed Pat was quiet in stand-up; had a coffee and walked through the codebase map.");
        await amara.GetByRole(AriaRole.Button, new() { Name = "Log support" }).ClickAsync();
        await amara.WaitForURLAsync(new Regex("/support$"));

        await OpenAsync(amara, dashboard);
        var after = Percent(await FigureAsync(amara, "Coverage"));
        Assert.True(after > before, $"coverage should rise, was {before}% and is {after}%");
        await Assertions.Expect(amara.Locator("tr", new() { Has = amara.GetByText("Pat Newcomer") }).GetByText("none since joining", new() { Exact = false })).ToHaveCountAsync(0);
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task HR_sorts_the_overview_drills_into_a_team_exports_CSV_and_cannot_open_anyones_request_or_check_in()
    {
        // Something private to try to reach: a request and a check-in of Quinn's.
        var quinn = await SignInAsync("quinn");
        await OpenAsync(quinn, "/requests/new");
        await quinn.Locator("[name=Title]").FillAsync("Private: struggling with the workload");
        await quinn.Locator("[name=Details]").FillAsync("Only my leaders should read this.");
        await quinn.GetByRole(AriaRole.Button, new() { Name = "Send to my leaders" }).ClickAsync();
        await quinn.WaitForURLAsync(RequestUrl());
        var requestPath = new Uri(quinn.Url).AbsolutePath;
        await OpenAsync(quinn, "/check-ins/new");
        await quinn.Locator("label[for='Pulse-2']").ClickAsync();
        await quinn.Locator("[name=Challenges]").FillAsync("Private blocker text");
        await quinn.GetByRole(AriaRole.Button, new() { Name = "Submit check-in" }).ClickAsync();
        await quinn.WaitForURLAsync(new Regex("/check-ins/\\d+$"));
        var checkInPath = new Uri(quinn.Url).AbsolutePath;

        var hr = await SignInAsync("hr");
        await OpenAsync(hr, "/dashboard/overview?weeks=12");
        await hr.GetByRole(AriaRole.Link, new() { Name = "Coverage", Exact = true }).ClickAsync();
        await hr.WaitForURLAsync(new Regex("sort=coverage"));
        await InteractiveAsync(hr);
        await Assertions.Expect(hr.Locator("th[aria-sort=ascending]", new() { HasText = "Coverage" })).ToBeVisibleAsync();

        var download = await hr.RunAndWaitForDownloadAsync(() => hr.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }).ClickAsync());
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));   // a BOM, so that spreadsheets read the names as UTF-8
        var csv = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("Team,Leaders,Members,Coverage", csv, StringComparison.Ordinal);
        Assert.Contains("Product", csv, StringComparison.Ordinal);
        Assert.Contains("service-overview", download.SuggestedFilename, StringComparison.Ordinal);

        await hr.GetByRole(AriaRole.Link, new() { Name = "Product", Exact = true }).ClickAsync();
        // Said for the service figures and again for the growth section.
        await Assertions.Expect(hr.GetByText("You see aggregates only")).ToHaveCountAsync(2);
        await Assertions.Expect(hr.GetByText("Who you served")).ToHaveCountAsync(0);

        foreach (var path in new[] { requestPath, checkInPath })
        {
            var response = await hr.GotoAsync(path);
            Assert.Equal(404, response!.Status);
            Assert.DoesNotContain("Private", await hr.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            // The browser reports the 404 this test asked for; nothing else may appear.
            ForgetConsoleErrors(e => e.Contains(path, StringComparison.Ordinal) && e.Contains("404", StringComparison.Ordinal));
        }
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Asking_for_help_works_with_the_keyboard_alone()
    {
        var title = "Keyboard only " + Guid.NewGuid().ToString("N")[..6];
        var ben = await SignInAsync("ben");
        await OpenAsync(ben, "/requests/new");

        // From the address bar onward: Tab to each field, type, and press Enter on the button.
        await ben.GetByLabel("In a few words").FocusAsync();
        await ben.Keyboard.TypeAsync(title);
        await ben.Keyboard.PressAsync("Tab");
        Assert.Equal("Details", await ben.EvaluateAsync<string>("document.activeElement.name"));
        await ben.Keyboard.TypeAsync("Typed without touching the mouse.");
        string? focused = null;
        for (var i = 0; i < 12 && focused != "Send to my leaders"; i++)
        {
            await ben.Keyboard.PressAsync("Tab");
            focused = (await ben.EvaluateAsync<string>("document.activeElement.innerText || ''")).Trim();
            focused = focused.Contains("Send to my leaders", StringComparison.OrdinalIgnoreCase) ? "Send to my leaders" : focused;
        }
        Assert.Equal("Send to my leaders", focused);
        await ben.Keyboard.PressAsync("Enter");
        await ben.WaitForURLAsync(RequestUrl());
        await Assertions.Expect(ben.GetByText(title)).ToBeVisibleAsync();
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Nothing_typed_into_a_check_in_is_lost_when_the_connection_drops_for_a_moment()
    {
        var pat = await SignInAsync("pat");
        // The app's live connection goes through this route, so the test can cut it like a dropped network would.
        var sockets = new List<IWebSocketRoute>();
        await pat.RouteWebSocketAsync(new Regex("/_blazor"), socket =>
        {
            socket.ConnectToServer();
            lock (sockets)
            {
                sockets.Add(socket);
            }
        });
        await OpenAsync(pat, "/check-ins/new");
        var wins = pat.Locator("[name=Wins]");
        await wins.ClickAsync();
        await pat.Keyboard.TypeAsync("Shipped the export. ");
        // The draft saves itself 1.5 s after typing stops, and its status line says so.
        var saveState = pat.Locator("span[role=status]");
        await Assertions.Expect(saveState).ToHaveTextAsync(new Regex("^Draft saved"));

        await pat.Context.SetOfflineAsync(true);
        IWebSocketRoute[] open;
        lock (sockets)
        {
            open = [.. sockets];
        }
        foreach (var socket in open)
        {
            await socket.CloseAsync();
        }
        // The reconnect banner is up: what is typed now cannot reach the server yet.
        await Readiness.DisconnectedAsync(pat);
        await pat.Keyboard.TypeAsync("Typed while offline.");
        await Assertions.Expect(wins).ToHaveValueAsync("Shipped the export. Typed while offline.");
        await pat.Context.SetOfflineAsync(false);

        // Reconnected: the text typed offline reaches the server, which saves the draft again.
        await Readiness.ReconnectedAsync(pat);
        await Assertions.Expect(saveState).ToHaveTextAsync("Saving…");
        await Assertions.Expect(saveState).ToHaveTextAsync(new Regex("^Draft saved"));
        await OpenAsync(pat, "/check-ins/new");
        await Assertions.Expect(pat.Locator("[name=Wins]")).ToHaveValueAsync("Shipped the export. Typed while offline.");
        // While offline the browser logs each failed attempt to reconnect; those, and only those, are expected.
        ForgetConsoleErrors(e => e.Contains("net::ERR_INTERNET_DISCONNECTED", StringComparison.Ordinal)
            || e.Contains("Failed to complete negotiation with the server: TypeError: Failed to fetch", StringComparison.Ordinal)
            || e.Contains("WebSocket closed", StringComparison.Ordinal) || e.Contains("Connection disconnected", StringComparison.Ordinal));
        AssertNoConsoleErrors();
    }

    [GeneratedRegex(@"/requests/\d+")]
    private static partial Regex RequestUrl();

    private static int Percent(string text) => text.EndsWith('%')
        ? int.Parse(text.TrimEnd('%'), CultureInfo.InvariantCulture)
        : 0;
}
