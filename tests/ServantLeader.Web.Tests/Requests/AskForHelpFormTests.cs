using Bunit;
using Microsoft.AspNetCore.Components;
using ServantLeader.Web.Components.Pages.Requests;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Requests;

[Trait("Area", "Requests")]
public sealed class AskForHelpFormTests : ComponentContext
{
    [Fact]
    public async Task Bad_input_shows_messages_next_to_the_fields_keeps_what_was_typed_and_saves_nothing()
    {
        SignInAs(Mia, "Mia");
        var page = Render<AskForHelpPage>();
        page.WaitForElement("textarea[name=Details]");

        page.Find("textarea[name=Details]").Change("I can't deploy: the pipeline rejects my key.");
        page.Find("input[name=Title]").Change(new string('t', 121));
        await page.Find("form").SubmitAsync();

        var messages = page.FindAll(".validation-message").Select(m => m.TextContent).ToList();
        Assert.Equal(["A title can be at most 120 characters (it has 121)."], messages);
        Assert.Equal("I can't deploy: the pipeline rejects my key.", page.Find("textarea[name=Details]").GetAttribute("value") ?? page.Find("textarea[name=Details]").TextContent);
        Assert.Equal(new string('t', 121), page.Find("input[name=Title]").GetAttribute("value"));
        Assert.Equal(0, await CountRequestsAsync());
    }

    [Fact]
    public async Task A_valid_request_is_saved_and_the_member_is_taken_to_it()
    {
        SignInAs(Mia, "Mia");
        var page = Render<AskForHelpPage>();
        page.WaitForElement("textarea[name=Details]");

        Assert.Contains("Goes to: Lea", page.Markup, StringComparison.Ordinal);
        page.Find("input[name=Title]").Change("Pipeline rejects my key");
        page.Find("textarea[name=Details]").Change("Since Monday.");
        await page.Find("form").SubmitAsync();

        Assert.Equal(1, await CountRequestsAsync());
        var navigation = Get<NavigationManager>();
        Assert.Matches(@"/requests/\d+\?sent=true$", navigation.Uri);
    }

    [Fact]
    public void Someone_in_no_team_is_told_there_is_no_one_to_ask()
    {
        SignInAs(Admin, "Adam Admin");
        var page = Render<AskForHelpPage>();

        page.WaitForAssertion(() => Assert.Contains("You are not a member of any team yet", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("form"));
    }
}
