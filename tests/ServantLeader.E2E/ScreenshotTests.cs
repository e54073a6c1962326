using Microsoft.Playwright;

namespace ServantLeader.E2E;

/// <summary>
/// Pictures of the main pages for each kind of person, from the demo organisation. In CI they go to a temporary
/// folder and are only checked; with SERVANTLEADER_SCREENSHOTS set to a folder (the README uses docs/screenshots)
/// they are kept there.
/// </summary>
[Collection(E2ECollection.Name)]
[Trait("Area", "E2E")]
[Trait("Area", "Screenshots")]
public sealed class ScreenshotTests(E2EApp app) : BrowserTests(app)
{
    public static TheoryData<string> Roles => new(MainPages.Roles);

    private static string Folder
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("SERVANTLEADER_SCREENSHOTS");
            var folder = string.IsNullOrWhiteSpace(configured)
                ? Path.Combine(Path.GetTempPath(), "servantleader-screenshots")
                : Path.IsPathRooted(configured) ? configured : Path.Combine(E2EApp.RepositoryRoot, configured);
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_main_page_is_pictured_for_each_role(string role)
    {
        var page = await SignInAsync(MainPages.Handle(role), 1440, 900);
        foreach (var (name, path) in await MainPages.ForAsync(role, page, App.ProductTeam))
        {
            await OpenAsync(page, path);
            var file = Path.Combine(Folder, $"{role}-{name}.png");
            await CaptureAsync(page, file);
            Assert.True(new FileInfo(file).Length > 10_000, $"{file} looks empty");
        }
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task The_member_and_leader_pages_are_pictured_on_a_phone()
    {
        foreach (var (role, name, path) in new[]
        {
            ("member", "check-in", "/check-ins/new"), ("member", "ask-for-help", "/requests/new"),
            ("leader", "inbox", "/requests/inbox"), ("leader", "dashboard", $"/dashboard/teams/{App.ProductTeam}?weeks=12"),
        })
        {
            var page = await SignInAsync(MainPages.Handle(role), 390, 844);
            await OpenAsync(page, path);
            var file = Path.Combine(Folder, $"phone-{role}-{name}.png");
            await CaptureAsync(page, file);
            Assert.True(new FileInfo(file).Length > 10_000, $"{file} looks empty");
        }
        AssertNoConsoleErrors();
    }

    /// <summary>
    /// Chromium now and then refuses one capture ("Unable to capture screenshot", most often the first after a cold
    /// start) and takes the same picture when asked again: its refusal is the signal to ask again, a few times at most.
    /// Any other error, or a third refusal, fails the test.
    /// </summary>
    private static async Task CaptureAsync(IPage page, string file)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await page.ScreenshotAsync(Finished(file));
                return;
            }
            catch (PlaywrightException e) when (attempt < 3 && e.Message.Contains("Unable to capture screenshot", StringComparison.Ordinal))
            {
                // Asked again at once: the refusal is not a matter of time.
            }
        }
    }

    /// <summary>
    /// A picture of the page as it settles: the charts' entry animations are run to their end rather than waited for.
    /// </summary>
    private static PageScreenshotOptions Finished(string file) => new() { Path = file, Animations = ScreenshotAnimations.Disabled };
}
