using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ServantLeader.E2E;

/// <summary>
/// Every main page, for each kind of person: axe finds nothing serious or critical, and at a phone's 390 px and a
/// desktop's 1440 px nothing makes the page scroll sideways.
/// </summary>
[Collection(E2ECollection.Name)]
[Trait("Area", "E2E")]
public sealed class AccessibilityTests(E2EApp app) : BrowserTests(app)
{
    public static TheoryData<string> Roles => new(MainPages.Roles);

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Main_pages_have_no_serious_or_critical_accessibility_violations(string role)
    {
        var page = await SignInAsync(MainPages.Handle(role));
        var problems = new List<string>();
        foreach (var (name, path) in await MainPages.ForAsync(role, page, App.ProductTeam))
        {
            await OpenAsync(page, path);
            var result = await page.RunAxe();
            foreach (var violation in result.Violations)
            {
                var line = $"{role} {name} ({path}): {violation.Impact} {violation.Id}: {violation.Help} [{violation.Nodes.Length}]";
                Console.WriteLine(line);
                if (violation.Impact is "serious" or "critical")
                {
                    problems.Add(line + " " + string.Join(" | ", violation.Nodes.Take(3).Select(n => string.Join(",", n.Target) + " " + n.Html)));
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task The_sign_in_page_has_no_serious_or_critical_accessibility_violations()
    {
        var context = await App.Browser.NewContextAsync(new() { BaseURL = App.BaseAddress.ToString() });
        Readiness.ApplyTo(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        var result = await page.RunAxe();
        Assert.DoesNotContain(result.Violations, v => v.Impact is "serious" or "critical");
        await context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Nothing_scrolls_sideways_on_a_phone_or_a_desktop(string role)
    {
        var problems = new List<string>();
        foreach (var width in new[] { 390, 1440 })
        {
            var page = await SignInAsync(MainPages.Handle(role), width, width == 390 ? 844 : 900);
            foreach (var (name, path) in await MainPages.ForAsync(role, page, App.ProductTeam))
            {
                await OpenAsync(page, path);
                var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
                // Wide tables scroll inside their own box, which is fine; the page itself must not, and nothing may
                // stick out past the screen's edge where it can't be scrolled to.
                var overflowing = await page.EvaluateAsync<string[]>("""
                    (() => {
                      const inScrollBox = e => {
                        for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                          if (getComputedStyle(p).overflowX !== 'visible') return true;
                        }
                        return false;
                      };
                      return [...document.querySelectorAll('main *')]
                        .filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden'
                                     && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !inScrollBox(e))
                        .slice(0, 3).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.'));
                    })()
                    """);
                if (overflow > 0 || overflowing.Length > 0)
                {
                    problems.Add($"{role} {name} at {width}px: page {overflow}px wider; sticking out: {string.Join(", ", overflowing)}");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
