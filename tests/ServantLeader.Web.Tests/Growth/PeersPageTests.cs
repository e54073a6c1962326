using Bunit;
using ServantLeader.Domain.Growth;
using ServantLeader.Domain.Support;
using ServantLeader.Web.Components.Pages.Growth;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Growth;

[Trait("Area", "Growth")]
public sealed class PeersPageTests : ComponentContext
{
    [Fact]
    public async Task Logging_help_with_bad_input_shows_each_message_at_its_field_keeps_the_note_and_saves_nothing()
    {
        SignInAs(Mia, "Mia");
        var page = Render<PeersPage>();
        page.WaitForElement("textarea[name=Note]");

        page.Find("textarea[name=Note]").Change("Showed Max the release checklist.");
        page.Find("input[name=Minutes]").Change("0");
        await page.Find("form.sl-form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("Choose the teammate you helped.", page.Markup, StringComparison.Ordinal));
        var messages = page.FindAll(".validation-message").Select(m => m.TextContent).ToList();
        Assert.Contains("Choose the teammate you helped.", messages);
        Assert.Contains("Minutes must be between 1 and 1440 (one day).", messages);
        Assert.Contains("Showed Max the release checklist.", page.Find("textarea[name=Note]").OuterHtml, StringComparison.Ordinal);
        Assert.Empty(await Get<PeerSupportLog>().GivenAsync(Mia, default));
    }

    [Fact]
    public async Task The_receiver_confirms_help_from_the_page_and_a_private_note_never_shows()
    {
        await Get<PeerSupportLog>().LogAsync(Mia, new LogPeerSupport
        {
            ReceiverId = Max.PersonId, TeamId = Product, Category = SupportCategory.Training, Minutes = 30,
            Date = new DateOnly(2026, 11, 17), Note = "Private: Max looked lost in the deploy.",
        }, default);
        SignInAs(Max, "Max");
        var page = Render<PeersPage>();
        page.WaitForAssertion(() => Assert.Contains("unconfirmed", page.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("looked lost", page.Markup, StringComparison.Ordinal);

        page.FindAll("button").First(b => b.TextContent.Contains("Confirm", StringComparison.Ordinal)).Click();

        // Waits on the page (blocking on the database inside the wait would deadlock bunit's renderer on PostgreSQL).
        page.WaitForAssertion(() => Assert.DoesNotContain("unconfirmed", page.Markup, StringComparison.Ordinal));
        Assert.True(Assert.Single(await Get<PeerSupportLog>().ReceivedAsync(Max, default)).Confirmed);
    }
}
