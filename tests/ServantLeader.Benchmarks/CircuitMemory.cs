using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace ServantLeader.Benchmarks;

/// <summary>
/// The app's memory per open interactive circuit. Usage, with the app running and its process id known:
///   dotnet run -c Release --project tests/ServantLeader.Benchmarks -- circuits --url http://127.0.0.1:5081 --pid 1234 [--circuits 200]
/// Signs in once in Chromium, opens the team inbox in N tabs (each tab is one circuit on the server), waits until
/// every one is connected, and reads the server's resident memory (VmRSS) before and after.
/// </summary>
internal static class CircuitMemory
{
    public static async Task RunAsync(Uri url, int pid, int circuits)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("SERVANTLEADER_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-renderer-backgrounding", "--disable-background-timer-throttling"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = url.ToString() });
        var first = await context.NewPageAsync();
        await first.GotoAsync("/account/login");
        await first.GetByLabel("Email").FillAsync("amara@demo.servantleader.local");
        await first.GetByLabel("Password").FillAsync("serve-the-team");
        await first.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await first.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal));
        await first.GotoAsync("/requests/inbox");
        await first.Locator("main[data-interactive=true]").WaitForAsync();
        await Task.Delay(2000);
        var before = Rss(pid);

        var pages = new List<IPage> { first };
        for (var i = 1; i < circuits; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/requests/inbox");
            await page.Locator("main[data-interactive=true]").WaitForAsync(new() { Timeout = 60_000 });
            pages.Add(page);
            if (i % 50 == 0)
            {
                Console.WriteLine($"{i} circuits open, server at {Rss(pid) / 1024.0:0} MB");
            }
        }
        await Task.Delay(5000);
        var after = Rss(pid);
        var perCircuit = (after - before) / (double)(circuits - 1);
        Console.WriteLine(FormattableString.Invariant(
            $"server memory: {before / 1024.0:0} MB with 1 circuit, {after / 1024.0:0} MB with {circuits}: {perCircuit:0} KB per circuit"));
        Console.WriteLine(JsonSerializer.Serialize(new { circuits, rss_before_mb = Math.Round(before / 1024.0), rss_after_mb = Math.Round(after / 1024.0), kb_per_circuit = Math.Round(perCircuit) }));
        await browser.CloseAsync();
    }

    private static long Rss(int pid) =>
        long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
