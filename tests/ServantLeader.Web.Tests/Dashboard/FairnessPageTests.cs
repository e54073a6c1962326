using Bunit;
using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.OneOnOnes;
using ServantLeader.Domain.Support;
using ServantLeader.Web.Components.Pages.Dashboard;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Dashboard;

/// <summary>
/// The team dashboard's "Fairness" and "Follow-through" blocks as the leader and HR see them, rendered from the dashboard
/// the page gets (the page's other charts need a browser, so the blocks are rendered on their own). Mia and Max have been members
/// since January; Lea gave Mia 45 minutes today and held a 1:1 with her; Max has had neither.
/// </summary>
[Trait("Area", "Dashboard")]
public sealed class FairnessPageTests : ComponentContext
{
    private async Task SeedAsync()
    {
        await using (var db = await Get<IDbContextFactory<ServantLeaderDb>>().CreateDbContextAsync())
        {
            await db.Memberships.ExecuteUpdateAsync(s => s.SetProperty(m => m.Since, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        }
        await Get<SupportService>().LogAsync(Lea, new LogSupport
        {
            TeamId = Product, MemberId = Mia.PersonId, Category = SupportCategory.Coaching, Minutes = 45, Date = new DateOnly(2026, 11, 18), Note = "Talked it through.",
        }, default);
        var meetings = Get<OneOnOneService>();
        var meeting = await meetings.OpenCurrentAsync(Lea, Lea.PersonId, Mia.PersonId, default);
        await meetings.MarkHeldAsync(Lea, meeting, null, default);
    }

    /// <summary>The main figures, then the two blocks, as <see cref="TeamDashboardPage"/> lays them out.</summary>
    private async Task<IRenderedComponent<Microsoft.AspNetCore.Components.IComponent>> RenderBlocksAsync(ServantLeader.Domain.Common.Actor actor)
    {
        var dashboards = Get<ServantLeader.Domain.Dashboard.DashboardService>();
        var dashboard = await dashboards.TeamAsync(actor, Product, dashboards.LastWeeks(12), 4, default);
        var medians = await dashboards.OrganisationMediansAsync(actor, dashboard.Period, default);
        return Render(builder =>
        {
            builder.OpenComponent<FigureCards>(0);
            builder.AddAttribute(1, nameof(FigureCards.Figures), dashboard.Figures.Where(f => ServantLeader.Domain.Dashboard.DashboardBlocks.InMainBlock(f.Measure)).ToList());
            builder.AddAttribute(2, nameof(FigureCards.Medians), medians);
            builder.CloseComponent();
            builder.OpenComponent<FairnessSection>(3);
            builder.AddAttribute(4, nameof(FairnessSection.Dashboard), dashboard);
            builder.AddAttribute(5, nameof(FairnessSection.Medians), medians);
            builder.CloseComponent();
            builder.OpenComponent<FollowThroughSection>(6);
            builder.AddAttribute(7, nameof(FollowThroughSection.Dashboard), dashboard);
            builder.AddAttribute(8, nameof(FollowThroughSection.Medians), medians);
            builder.CloseComponent();
        });
    }

    [Fact]
    public async Task The_leader_sees_both_blocks_the_spread_without_names_and_who_has_had_no_recent_one_to_one()
    {
        await SeedAsync();
        var page = await RenderBlocksAsync(Lea);

        Assert.Equal("Fairness", page.Find("#figures-fairness-heading").TextContent.Trim());
        var fairness = page.Find("section[aria-labelledby=figures-fairness-heading]");
        // Mia 45 minutes (deep), Max none: half the members in depth; minutes (0, 45) give a Gini of 0.5.
        Assert.Equal("50%", fairness.QuerySelector("[data-measure=CoverageDepth] .sl-figure-value")!.TextContent.Trim());
        Assert.Equal("0.5", fairness.QuerySelector("[data-measure=SupportGini] .sl-figure-value")!.TextContent.Trim());
        Assert.Equal("100%", fairness.QuerySelector("[data-measure=TopFifthShare] .sl-figure-value")!.TextContent.Trim());
        Assert.NotNull(fairness.QuerySelector("[data-measure=HoursPerMemberWeek]"));
        // The main block keeps the raw counts, with no organisation median beside them.
        var main = page.Find("section[aria-labelledby=figures-heading]");
        Assert.Null(main.QuerySelector("[data-measure=ActionItemsOnTime]"));
        Assert.Null(main.QuerySelector("[data-measure=SupportGini]"));
        Assert.Contains(FigureFormat.NotCompared, main.QuerySelector("[data-measure=SupportHours]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(FigureFormat.NotCompared, fairness.QuerySelector("[data-measure=HoursPerMemberWeek]")!.TextContent, StringComparison.Ordinal);

        var spread = page.Find(".sl-spread");
        Assert.Equal("2", spread.GetAttribute("data-spread-members"));
        Assert.DoesNotContain("Mia", spread.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Max", spread.TextContent, StringComparison.Ordinal);
        Assert.Equal(["0 h", "0.8 h"], spread.QuerySelectorAll("tbody tr td:last-child").Select(td => td.TextContent.Trim()));
        // The Lorenz curve: Max's share 0 after half the members, all of it after both.
        Assert.Equal("0,100 50,100 100,0", spread.QuerySelector("polyline")!.GetAttribute("points"));

        var followThrough = page.Find("section[aria-labelledby=figures-follow-through-heading]");
        Assert.Equal("1", followThrough.QuerySelector("[data-measure=MembersWithoutOneOnOne] .sl-figure-value")!.TextContent.Trim());
        var gaps = page.FindAll(".sl-gaps li");
        Assert.Equal(Max.PersonId.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(gaps).GetAttribute("data-person"));
        Assert.Contains("Max: last 1:1 never", gaps[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HR_sees_the_figures_under_the_small_group_rule_and_no_shape_or_names()
    {
        await SeedAsync();
        var page = await RenderBlocksAsync(await HrAsync());

        Assert.NotNull(page.Find("[data-measure=SupportGini]"));
        Assert.Empty(page.FindAll(".sl-spread"));
        Assert.Empty(page.FindAll(".sl-gaps"));
        Assert.DoesNotContain("Max", page.Markup, StringComparison.Ordinal);
        // One member without a recent 1:1: fewer than three people, withheld.
        Assert.Equal(FigureFormat.Withheld, page.Find("[data-measure=MembersWithoutOneOnOne] .sl-figure-value").TextContent.Trim());
    }
}
