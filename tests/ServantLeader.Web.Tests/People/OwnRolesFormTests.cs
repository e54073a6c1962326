using Bunit;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.People;
using ServantLeader.Web.Components.Pages.People;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.People;

[Trait("Area", "Trust")]
[Trait("Area", "Security")]
public sealed class OwnRolesFormTests : ComponentContext
{
    [Fact]
    public async Task An_admin_ticking_their_own_HR_box_is_told_beside_it_keeps_the_form_and_nothing_is_saved()
    {
        SignInAs(Admin, "Adam Admin", Actor.AdminRole);
        var page = Render<PeoplePage>();
        var edit = page.WaitForElement("button[aria-label='Edit Adam Admin']");

        await edit.ClickAsync(new());
        page.Find("input#IsHr").Change(true);
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains(page.FindAll(".validation-message"),
            m => m.TextContent.StartsWith("Nobody changes their own teams or roles", StringComparison.Ordinal)));
        Assert.True(page.Find("input#IsHr").HasAttribute("checked"));
        var me = (await Get<PeopleService>().ListAsync(Admin, default)).Single(p => p.Id == Admin.PersonId);
        Assert.False(me.IsHr);
    }
}
