using Bunit;
using Microsoft.AspNetCore.Components;
using ServantLeader.Domain.Growth;
using ServantLeader.Web.Components.Pages.Growth;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Growth;

[Trait("Area", "Growth")]
public sealed class MentoringPageTests : ComponentContext
{
    [Fact]
    public async Task A_link_from_the_skills_matrix_prefills_the_proposal_for_one_of_the_two()
    {
        SignInAs(Mia, "Mia");
        Get<NavigationManager>().NavigateTo($"/growth/mentoring?mentor={Lea.PersonId}&mentee={Mia.PersonId}&focus=SQL");
        var page = Render<MentoringPage>();
        page.WaitForElement("input[name=Focus]");

        await page.Find("form.sl-form").SubmitAsync();

        page.WaitForAssertion(() => Assert.DoesNotContain("Nothing waiting.", page.Markup, StringComparison.Ordinal));
        var waiting = Assert.Single((await Get<ServantLeader.Domain.Growth.Mentoring>().OverviewAsync(Mia, default)).WaitingForOthers);
        Assert.Equal((Lea.PersonId, Mia.PersonId, "SQL"), (waiting.MentorId, waiting.MenteeId, waiting.Focus));
    }

    [Fact]
    public void A_leader_following_a_link_for_two_other_people_is_told_one_of_them_proposes()
    {
        SignInAs(Lea, "Lea");
        Get<NavigationManager>().NavigateTo($"/growth/mentoring?mentor={Max.PersonId}&mentee={Mia.PersonId}&focus=SQL");
        var page = Render<MentoringPage>();

        page.WaitForAssertion(() => Assert.Contains("proposed by one of the two", page.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_proposal_of_the_same_pair_gets_the_message_at_the_field_and_keeps_the_focus()
    {
        await Get<ServantLeader.Domain.Growth.Mentoring>().ProposeAsync(Mia, new ProposeMentoring { MentorId = Lea.PersonId, MenteeId = Mia.PersonId, Focus = "SQL" }, default);
        SignInAs(Mia, "Mia");
        Get<NavigationManager>().NavigateTo($"/growth/mentoring?mentor={Lea.PersonId}&mentee={Mia.PersonId}&focus=Facilitation");
        var page = Render<MentoringPage>();
        page.WaitForElement("input[name=Focus]");

        await page.Find("form.sl-form").SubmitAsync();

        page.WaitForAssertion(() => Assert.StartsWith("You two already have a mentoring pair",
            page.Find(".validation-message").TextContent, StringComparison.Ordinal));
        Assert.Contains("Facilitation", page.Find("input[name=Focus]").OuterHtml, StringComparison.Ordinal);
    }
}
