using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using ServantLeader.Domain.Support;
using ServantLeader.Web.Components.Pages.Growth;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Growth;

[Trait("Area", "Growth")]
public sealed class OrgPicturePageTests : ComponentContext
{
    private Task LogAsync(ServantLeader.Domain.Common.Actor member, int minutes) => Get<SupportService>().LogAsync(Lea, new LogSupport
    {
        MemberId = member.PersonId, TeamId = Product, Category = SupportCategory.Coaching, Minutes = minutes,
        Date = new DateOnly(2026, 11, 17), Note = "Private note the picture never shows.",
    }, default);

    private IRenderedComponent<OrgPicturePage> Open(string query = "")
    {
        Get<NavigationManager>().NavigateTo("/growth/picture" + query);
        var page = Render<OrgPicturePage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("svg[role=group]")));
        return page;
    }

    [Fact]
    public async Task The_picture_is_a_named_group_with_a_description_and_its_nodes_are_links()
    {
        await LogAsync(Mia, 30);
        SignInAs(Lea, "Lea");

        var page = Open();

        foreach (var svg in page.FindAll("svg[role=group]"))
        {
            Assert.Equal("Product: the organisation drawn upside down", page.Find($"#{svg.GetAttribute("aria-labelledby")}").TextContent);
            Assert.Contains("table after the picture", page.Find($"#{svg.GetAttribute("aria-describedby")}").TextContent, StringComparison.Ordinal);
            Assert.NotNull(svg.QuerySelector($"a[href='/growth/people/{Mia.PersonId}']"));
            Assert.NotNull(svg.QuerySelector($"a[href='/growth/people/{Max.PersonId}']"));
            Assert.Equal(3, svg.QuerySelectorAll("[data-node]").Length);
        }
        Assert.Equal(2, page.FindAll("svg[role=group]").Count);   // one laid out for a phone, one for a desktop
        Assert.DoesNotContain("Private note", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_table_holds_the_same_nodes_edges_and_numbers_as_the_picture()
    {
        await LogAsync(Mia, 30);
        await LogAsync(Mia, 60);
        await LogAsync(Max, 45);
        SignInAs(Lea, "Lea");

        var page = Open();

        var svg = page.FindAll("svg[role=group]")[1];
        var drawnNodes = svg.QuerySelectorAll("[data-node]").Select(n => n.GetAttribute("data-node")).Order().ToList();
        var tableNodes = page.FindAll("table[data-picture-table=nodes] tr[data-node]").Select(r => r.GetAttribute("data-node")).Order().ToList();
        Assert.Equal(drawnNodes, tableNodes);

        var drawnMinutes = svg.QuerySelectorAll("path.sl-edge").Select(p => p.GetAttribute("data-minutes")).Order().ToList();
        Assert.Equal(["45", "90"], drawnMinutes);
        var rows = page.FindAll("table[data-picture-table=edges] tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Contains(rows, r => r[0] == "Lea" && r[1] == "Mia" && r[2] == "support" && r[3] == "1.5 h" && r[4] == "2");
        Assert.Contains(rows, r => r[0] == "Lea" && r[1] == "Max" && r[3] == "45 min" && r[4] == "1");
        Assert.Contains("coverage 100%", page.Find($"table[data-picture-table=nodes] tr[data-node=p{Lea.PersonId}]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_legend_names_each_line_and_colour_in_words()
    {
        SignInAs(Lea, "Lea");

        var legend = Open().Find("section.sl-legend");

        foreach (var words in new[] { "wide line", "dashed: peer support not yet confirmed", "dotted: an active mentoring pair", "coverage 80% or more", "withheld" })
        {
            Assert.Contains(words, legend.TextContent, StringComparison.Ordinal);
        }
        Assert.All(legend.QuerySelectorAll("svg, .sl-swatch"), e => Assert.Equal("true", e.GetAttribute("aria-hidden")));
    }

    [Fact]
    public async Task A_member_sees_the_team_but_not_a_teammates_support()
    {
        await LogAsync(Max, 45);
        SignInAs(Mia, "Mia");

        var page = Open();

        Assert.Contains("Max", page.Find("table[data-picture-table=nodes]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("path.sl-edge"));
        Assert.Empty(page.FindAll($"a[href='/growth/people/{Max.PersonId}']"));
    }

    [Fact]
    public void Weeks_out_of_range_get_a_message_beside_the_picker_and_the_default_period()
    {
        SignInAs(Lea, "Lea");

        var page = Open("?weeks=99");

        Assert.Contains("between 1 and 52", page.Find("#picture-weeks-error").TextContent, StringComparison.Ordinal);
        Assert.Equal("4", page.Find("#picture-weeks option[selected]").GetAttribute("value"));
    }

    [Fact]
    public void Someone_in_no_team_gets_an_empty_state_and_another_teams_picture_is_not_found()
    {
        SignInAs(Admin, "Adam");
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));   // once interactive, the page shows its own message
        Get<NavigationManager>().NavigateTo("/growth/picture");
        var empty = Render<OrgPicturePage>();
        empty.WaitForAssertion(() => Assert.Contains("You are not in a team yet", empty.Markup, StringComparison.Ordinal));
        Assert.Empty(empty.FindAll("svg[role=group]"));

        Get<NavigationManager>().NavigateTo($"/growth/picture?team={Product}");
        var notFound = Render<OrgPicturePage>();
        notFound.WaitForAssertion(() => Assert.Contains("couldn't find that picture", notFound.Markup, StringComparison.Ordinal));
    }
}
