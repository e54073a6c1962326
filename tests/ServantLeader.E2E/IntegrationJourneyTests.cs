using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Playwright;
using ServantLeader.Domain.Webhooks;
using ServantLeader.TestData;

namespace ServantLeader.E2E;

/// <summary>The integration features through the real UI in Chromium, and the API and webhooks over real sockets.</summary>
[Collection(E2ECollection.Name)]
[Trait("Area", "E2E")]
[Trait("Area", "Integrations")]
public sealed class IntegrationJourneyTests(E2EApp app) : BrowserTests(app)
{
    [Fact]
    public async Task HR_previews_a_bad_file_then_imports_a_good_one_and_a_second_upload_changes_nothing()
    {
        var hr = await SignInAsync("hr");
        await OpenAsync(hr, "/people/import");
        var folder = Directory.CreateTempSubdirectory("servantleader-import-").FullName;

        var bad = Path.Combine(folder, "bad.csv");
        await File.WriteAllTextAsync(bad, "employee id,name,email,team,role\n" +
            "F1,Iris Import,iris@example.org,Field Sales,member\n" +
            "F2,=HYPERLINK(\"http://evil\"),jon@example.org,Field Sales,member\n" +
            "F3,Kai Import,kai@example.org,Nowhere,member\n", new UTF8Encoding(false));
        await hr.Locator("#org-chart-file").SetInputFilesAsync(bad);
        var problems = hr.GetByRole(AriaRole.Table, new() { Name = "Problems in the file" });
        await Assertions.Expect(problems).ToBeVisibleAsync();
        await Assertions.Expect(problems.Locator("tr", new() { HasText = "formula" }).Locator("td").First).ToHaveTextAsync("3");
        await Assertions.Expect(problems.Locator("tr", new() { HasText = "Nowhere" }).Locator("td").First).ToHaveTextAsync("4");
        await Assertions.Expect(hr.GetByRole(AriaRole.Button, new() { Name = "Import these changes" })).ToHaveCountAsync(0);
        await AssertAccessibleAsync(hr, "import with problems");

        var good = Path.Combine(folder, "good.csv");
        await File.WriteAllTextAsync(good, "employee id,name,email,team,role,manager employee id\n" +
            "F1,Iris Import,iris@example.org,Field Sales,leader,\n" +
            "F2,Jon Import,jon@example.org,Field Sales,member,F1\n" +
            "F3,Kai Import,kai@example.org,Field Sales,member,F1\n", new UTF8Encoding(false));
        await hr.Locator("#org-chart-file").SetInputFilesAsync(good);
        var summary = hr.GetByRole(AriaRole.List, new() { Name = "Summary" });
        await Assertions.Expect(summary).ToContainTextAsync("3 to add");
        await Assertions.Expect(hr.GetByRole(AriaRole.Table, new() { Name = "Team changes" })).ToContainTextAsync("joins as leader");
        await AssertAccessibleAsync(hr, "import preview");
        await hr.GetByRole(AriaRole.Button, new() { Name = "Import these changes" }).ClickAsync();
        await Assertions.Expect(hr.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Imported good.csv" }))
            .ToContainTextAsync("3 added");

        await hr.Locator("#org-chart-file").SetInputFilesAsync(good);
        await Assertions.Expect(hr.GetByText("There is nothing to import.")).ToBeVisibleAsync();

        var admin = await SignInAsync("admin");
        await OpenAsync(admin, "/teams/manage");
        await admin.GetByRole(AriaRole.Link, new() { Name = E2EApp.ImportTeam }).ClickAsync();
        await Assertions.Expect(admin.GetByText("Iris Import")).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByText("Kai Import")).ToBeVisibleAsync();
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_token_made_in_the_ui_works_once_shown_its_use_rings_the_leaders_bell_and_revoking_it_stops_it()
    {
        var ben = await SignInAsync("ben");
        var bensToken = await NewTokenAsync(ben, "Ben's script");
        var amara = await SignInAsync("amara");
        await OpenAsync(amara, "/");
        var bell = amara.Locator("a.sl-bell");
        var before = await UnreadAsync(bell);

        using var http = new HttpClient { BaseAddress = App.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bensToken);
        var created = await http.PostAsJsonAsync("/api/v1/requests", new
        {
            teamId = App.ProductTeam, category = "Information", title = "Asked from a script", details = "Which release has the fix?",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var clock = Stopwatch.StartNew();
        await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", $"Notifications, {before + 1} unread", new() { Timeout = 1_000 });
        Console.WriteLine($"the bell counted the new request {clock.ElapsedMilliseconds} ms after the API answered");

        await bell.ClickAsync();
        await Assertions.Expect(amara.Locator(".unread").First).ToContainTextAsync("Ben");

        // Shown once: the list after a reload has only the prefix.
        await OpenAsync(ben, "/api-tokens");
        Assert.DoesNotContain(bensToken, await ben.ContentAsync(), StringComparison.Ordinal);
        await Assertions.Expect(ben.GetByRole(AriaRole.Cell, new() { Name = bensToken[..11] + "…" })).ToBeVisibleAsync();

        await ben.GetByRole(AriaRole.Button, new() { Name = "Revoke Ben's script" }).ClickAsync();
        await ben.GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();
        await Assertions.Expect(ben.GetByText("revoked", new() { Exact = false }).First).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/v1/me")).StatusCode);
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task An_admin_registers_a_webhook_and_a_signed_message_arrives_when_someone_is_credited()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await SignInAsync("admin");
        await OpenAsync(admin, "/webhooks");
        await admin.GetByRole(AriaRole.Button, new() { Name = "New webhook" }).ClickAsync();
        await admin.Locator("[name=Description]").FillAsync("#kudos channel");
        await admin.Locator("[name=Url]").FillAsync(receiver.Url.ToString());
        await AssertAccessibleAsync(admin, "new webhook form");
        await admin.Locator("label[for='event-RequestCreated']").ClickAsync();   // ticked by default: untick
        await admin.Locator("label[for='event-CreditGiven']").ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Register webhook" }).ClickAsync();
        var secretBox = admin.Locator("[data-webhook-secret]");
        await Assertions.Expect(secretBox).ToBeVisibleAsync();
        var secret = await secretBox.InputValueAsync();
        await AssertAccessibleAsync(admin, "webhook registered, secret shown");

        var ben = await SignInAsync("ben");
        await OpenAsync(ben, $"/teams/{App.ProductTeam}");
        await ben.Locator(".rz-dropdown:has([name=ReceiverId])").ClickAsync();
        await ben.GetByRole(AriaRole.Option).First.ClickAsync();
        await ben.Locator("[name=Message]").FillAsync("Thanks for untangling the release notes!");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Give credit" }).ClickAsync();

        await receiver.FirstRequest.WaitAsync(TimeSpan.FromMilliseconds(Readiness.HangGuardMilliseconds));
        var received = Assert.Single(receiver.Requests);
        Assert.True(WebhookSignature.Verify(secret, received.Headers[WebhookSignature.TimestampHeader],
            received.Headers[WebhookSignature.SignatureHeader], received.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.Contains("untangling the release notes", Encoding.UTF8.GetString(received.Body), StringComparison.Ordinal);

        await OpenAsync(admin, "/webhooks");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Deliveries of #kudos channel" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Table, new() { Name = "Deliveries" })).ToContainTextAsync("delivered");
        await AssertAccessibleAsync(admin, "delivery history");
        Assert.DoesNotContain(secret, await admin.ContentAsync(), StringComparison.Ordinal);
        AssertNoConsoleErrors();
    }

    private static async Task<string> NewTokenAsync(IPage page, string name)
    {
        await OpenAsync(page, "/api-tokens");
        await page.Locator("[name=Name]").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        var box = page.Locator("[data-new-token]");
        await Assertions.Expect(box).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "new token shown");
        return await box.InputValueAsync();
    }

    private static async Task<int> UnreadAsync(ILocator bell)
    {
        var label = await bell.GetAttributeAsync("aria-label") ?? "";
        var digits = new string(label.Where(char.IsDigit).ToArray());
        return digits.Length == 0 ? 0 : int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
    }
}
