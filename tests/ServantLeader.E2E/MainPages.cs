using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ServantLeader.E2E;

/// <summary>The main pages each kind of person uses, as seen with the demo organisation.</summary>
public static partial class MainPages
{
    public static readonly string[] Roles = ["member", "leader", "hr", "admin"];

    public static string Handle(string role) => role switch
    {
        "member" => "ben",
        "leader" => "amara",
        "hr" => "hr",
        _ => "admin",
    };

    /// <summary>Name (for files and messages) and path. Ids are read off the pages that link to them.</summary>
    public static async Task<IReadOnlyList<(string Name, string Path)>> ForAsync(string role, IPage page, int productTeam)
    {
        switch (role)
        {
            case "member":
                return
                [
                    ("home", "/"), ("check-in", "/check-ins/new"), ("my-check-ins", "/check-ins"), ("ask-for-help", "/requests/new"),
                    ("my-requests", "/requests"), ("request", await FirstLinkAsync(page, "/requests", RequestLink())),
                    ("support-received", "/support/received"), ("one-on-ones", "/one-on-ones"), ("feedback", "/feedback"),
                    ("team", $"/teams/{productTeam}"), ("password", "/account/password"), ("api-tokens", "/api-tokens"),
                    ("growth", "/growth"), ("growth-peers", "/growth/peers"), ("growth-mentoring", "/growth/mentoring"),
                    ("growth-picture", "/growth/picture"),
                ];
            case "leader":
                return
                [
                    ("home", "/"), ("inbox", "/requests/inbox"), ("this-week", "/check-ins/this-week"),
                    ("check-in-review", await FirstLinkAsync(page, "/check-ins/this-week", CheckInLink())),
                    ("log-support", "/support/new"), ("support-log", "/support"), ("dashboard", $"/dashboard/teams/{productTeam}?weeks=12"),
                    ("one-on-ones", "/one-on-ones"), ("feedback-results", "/feedback/results"), ("teams", "/teams"),
                    ("notifications", "/notifications"), ("growth-team-skills", "/growth/skills"),
                    ("growth-person", await FirstLinkAsync(page, "/growth/skills", PersonGrowthLink())),
                    ("growth-picture", $"/growth/picture?team={productTeam}"),
                ];
            case "hr":
                return
                [
                    ("home", "/"), ("service-overview", "/dashboard/overview?weeks=12"), ("team-dashboard", $"/dashboard/teams/{productTeam}?weeks=12"),
                    ("check-in-participation", "/check-ins/participation"), ("feedback-rounds", "/feedback/rounds"), ("instruments", "/feedback/instruments"),
                    ("org-chart-import", "/people/import"), ("growth-picture", "/growth/picture"),
                ];
            default:
                return [("people", "/people"), ("teams", "/teams/manage"), ("team-members", $"/teams/{productTeam}/manage"), ("webhooks", "/webhooks"), ("audit-log", "/audit")];
        }
    }

    private static async Task<string> FirstLinkAsync(IPage page, string listPath, Regex link)
    {
        await page.GotoAsync(listPath);
        await page.Locator("main[data-interactive=true]").WaitForAsync();
        foreach (var href in await page.Locator("main a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
        {
            if (link.IsMatch(href))
            {
                return href;
            }
        }
        throw new InvalidOperationException($"No link like {link} on {listPath}.");
    }

    [GeneratedRegex(@"^/requests/\d+$")]
    private static partial Regex RequestLink();

    [GeneratedRegex(@"^/growth/people/\d+$")]
    private static partial Regex PersonGrowthLink();

    [GeneratedRegex(@"^/check-ins/\d+$")]
    private static partial Regex CheckInLink();
}
