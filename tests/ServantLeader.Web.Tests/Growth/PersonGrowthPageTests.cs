using Bunit;
using ServantLeader.Domain.Growth;
using ServantLeader.Web.Components.Pages.Growth;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Growth;

[Trait("Area", "Growth")]
public sealed class PersonGrowthPageTests : ComponentContext
{
    [Fact]
    public async Task The_leader_reads_the_plan_and_confirms_a_proposed_level()
    {
        await Get<GrowthPlans>().WriteAsync(Mia, new WritePlan { Ambition = "Own the release process" }, default);
        await Get<Skills>().AddAsync(Mia, new AddSkill { Name = "Kubernetes", Level = SkillLevel.Practising }, default);
        SignInAs(Lea, "Lea");

        var page = Render<PersonGrowthPage>(p => p.Add(x => x.PersonId, Mia.PersonId));
        page.WaitForAssertion(() => Assert.Contains("Own the release process", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("textarea"));
        page.FindAll("button").Single(b => b.TextContent.Contains("Confirm level", StringComparison.Ordinal)).Click();

        page.WaitForAssertion(() => Assert.Contains("by Lea", page.Markup, StringComparison.Ordinal));
        Assert.True(Assert.Single(await Get<Skills>().MineAsync(Mia, default)).IsConfirmed);
    }

    [Fact]
    public async Task HR_finds_nothing_and_reads_none_of_the_words()
    {
        await Get<GrowthPlans>().WriteAsync(Mia, new WritePlan { Ambition = "Private ambition of Mia" }, default);
        var hr = await HrAsync();
        SignInAs(hr, "Hana HR");
        // Interactive, as after the first HTTP render (which answers 404 itself; the HTTP tests check that).
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));

        var page = Render<PersonGrowthPage>(p => p.Add(x => x.PersonId, Mia.PersonId));

        page.WaitForAssertion(() => Assert.Contains("We couldn't find that", page.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("Private ambition", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_team_matrix_links_a_person_who_can_teach_to_one_who_is_learning()
    {
        await Get<Skills>().AddAsync(Mia, new AddSkill { Name = "SQL", Level = SkillLevel.CanTeach }, default);
        await Get<Skills>().AddAsync(Max, new AddSkill { Name = "sql", Level = SkillLevel.Learning }, default);
        SignInAs(Lea, "Lea");

        var page = Render<TeamSkillsPage>();
        page.WaitForElement("table.matrix");

        Assert.Equal("Member", page.Find("table.matrix thead th").TextContent);
        Assert.Equal("col", page.Find("table.matrix thead th").GetAttribute("scope"));
        Assert.Contains("Skills in Product", page.Find("table.matrix caption").TextContent, StringComparison.Ordinal);
        Assert.Contains("Can teach others", page.Markup, StringComparison.Ordinal);
        var pair = page.FindAll("a").First(a => a.TextContent.Contains("Pair with Mia", StringComparison.Ordinal));
        Assert.Equal($"/growth/mentoring?mentor={Mia.PersonId}&mentee={Max.PersonId}&focus=SQL", pair.GetAttribute("href"));
    }
}
