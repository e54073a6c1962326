using Microsoft.Playwright;

namespace ServantLeader.E2E;

/// <summary>
/// How the browser tests wait: on the app's own signals, never on the clock. A page is ready when its circuit is
/// interactive (the layout marks <c>main[data-interactive=true]</c> once the interactive renderer has drawn it, so events
/// reach the server) and its loading spinner has gone; a navigation counts once the server has answered (commit), not at the load event, which on a
/// loaded machine can come long after the page is usable; a draft is saved when its status line says so; the
/// connection is down or back when the reconnect banner opens or closes.
/// On two busy cores any of these can take many seconds, so no wait has its own deadline. The one number here only
/// stops a test that would otherwise hang for ever (an app that never answers); no test is meant to come near it.
/// </summary>
public static class Readiness
{
    public const float HangGuardMilliseconds = 180_000;

    /// <summary>Every wait of Playwright's: actions, navigations and web-first assertions.</summary>
    public static void ApplyTo(IBrowserContext context)
    {
        context.SetDefaultTimeout(HangGuardMilliseconds);
        context.SetDefaultNavigationTimeout(HangGuardMilliseconds);
    }

    /// <summary>Web-first assertions (<c>Assertions.Expect</c>) have one default for the whole process.</summary>
    public static void ApplyToAssertions() => Assertions.SetDefaultExpectTimeout(HangGuardMilliseconds);

    /// <summary>The server has started answering: the page may still load, but locators wait for what they need.</summary>
    public static readonly PageGotoOptions Answered = new() { WaitUntil = WaitUntilState.Commit };

    public static readonly PageWaitForURLOptions Arrived = new() { WaitUntil = WaitUntilState.Commit };

    /// <summary>The page's circuit is connected and its interactive render is on screen.</summary>
    public static Task InteractiveAsync(IPage page) => page.Locator("main[data-interactive=true]").WaitForAsync();

    /// <summary>
    /// The page's data is on screen: pages show a Radzen spinner while they load, drawn again when the interactive render
    /// starts, and take it away once their data is there.
    /// </summary>
    public static Task LoadedAsync(IPage page) =>
        Assertions.Expect(page.Locator(".rz-progressbar-circular")).ToHaveCountAsync(0);

    /// <summary>The reconnect banner (Components/Layout/ReconnectBanner.razor) is up: the live connection is down.</summary>
    public static Task DisconnectedAsync(IPage page) =>
        Assertions.Expect(page.Locator("#components-reconnect-modal")).ToBeVisibleAsync();

    /// <summary>The reconnect banner has gone: the live connection is back.</summary>
    public static Task ReconnectedAsync(IPage page) =>
        Assertions.Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync();
}
