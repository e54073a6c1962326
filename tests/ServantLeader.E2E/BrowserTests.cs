using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ServantLeader.E2E;

/// <summary>
/// A signed-in browser tab per person. Every console error and every failed page is recorded, and a test ends by
/// asserting there were none.
/// </summary>
public abstract class BrowserTests(E2EApp app) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<string> _consoleErrors = [];

    protected E2EApp App => app;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
    }

    protected async Task<IPage> SignInAsync(string handle, int width = 1280, int height = 900)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });
        Readiness.ApplyTo(context);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_consoleErrors)
                {
                    _consoleErrors.Add($"{handle} on {page.Url}: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_consoleErrors)
            {
                _consoleErrors.Add($"{handle} on {page.Url}: uncaught {error}");
            }
        };
        await page.GotoAsync("/account/login", Readiness.Answered);
        await page.GetByLabel("Email").FillAsync(E2EApp.Email(handle));
        await page.GetByLabel("Password").FillAsync(E2EApp.Newcomers.Contains(handle) ? E2EApp.NewcomerPassword : E2EApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), Readiness.Arrived);
        await InteractiveAsync(page);
        return page;
    }

    /// <summary>
    /// Opens a page and waits until its circuit is connected, so clicks reach the server, and its data is on screen.
    /// The account pages are plain server-rendered forms (they set cookies) and never connect.
    /// </summary>
    protected static async Task<IResponse?> OpenAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path, Readiness.Answered);
        if (!path.StartsWith("/account/", StringComparison.Ordinal))
        {
            await InteractiveAsync(page);
            await Readiness.LoadedAsync(page);
        }
        return response;
    }

    protected static Task InteractiveAsync(IPage page) => Readiness.InteractiveAsync(page);

    protected void AssertNoConsoleErrors()
    {
        lock (_consoleErrors)
        {
            Assert.True(_consoleErrors.Count == 0, "Console errors:\n" + string.Join('\n', _consoleErrors));
        }
    }

    /// <summary>Drops errors a test provoked on purpose (a 404 for a URL it may not open).</summary>
    protected void ForgetConsoleErrors(Func<string, bool> expected)
    {
        lock (_consoleErrors)
        {
            _consoleErrors.RemoveAll(e => expected(e));
        }
    }

    /// <summary>axe on the page as it is now (a form opened, a preview shown): no serious or critical violation.</summary>
    protected static async Task AssertAccessibleAsync(IPage page, string state)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{state}: {v.Impact} {v.Id}: {v.Help} " + string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(",", n.Target))))
            .ToList();
        Assert.True(serious.Count == 0, string.Join('\n', serious));
    }

    /// <summary>Text of the value shown for a dashboard figure.</summary>
    protected static Task<string> FigureAsync(IPage page, string measure) =>
        page.Locator($"[data-measure={measure}] .sl-figure-value").InnerTextAsync();
}
