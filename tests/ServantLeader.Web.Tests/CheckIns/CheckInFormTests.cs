using Bunit;
using ServantLeader.Domain.CheckIns;
using ServantLeader.Web.Components.Pages.CheckIns;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.CheckIns;

[Trait("Area", "CheckIns")]
public sealed class CheckInFormTests : ComponentContext
{
    public CheckInFormTests()
    {
        CheckInPage.SaveDelay = TimeSpan.FromMilliseconds(20);
    }

    [Fact]
    public async Task What_the_member_typed_is_kept_as_a_draft_and_restored_on_the_next_visit()
    {
        SignInAs(Mia, "Mia");
        var first = Render<CheckInPage>();
        first.WaitForElement("textarea[name=Challenges]");

        first.Find("textarea[name=Wins]").Input("Fixed the flaky build");
        first.Find("textarea[name=Challenges]").Input("Waiting on legal");
        first.WaitForAssertion(() => Assert.Contains("Draft saved", first.Markup, StringComparison.Ordinal));
        await DisposeComponentsAsync();

        var second = Render<CheckInPage>();
        second.WaitForElement("textarea[name=Challenges]");

        Assert.Equal("Fixed the flaky build", second.Find("textarea[name=Wins]").GetAttribute("value") ?? second.Find("textarea[name=Wins]").TextContent);
        Assert.Equal("Waiting on legal", second.Find("textarea[name=Challenges]").GetAttribute("value") ?? second.Find("textarea[name=Challenges]").TextContent);
        var form = await Get<CheckInWriting>().OpenAsync(Mia, Product, default);
        Assert.Equal(CheckInStatus.Draft, form.Status);
    }

    [Fact]
    public async Task Leaving_the_page_right_after_typing_still_saves_the_draft()
    {
        CheckInPage.SaveDelay = TimeSpan.FromMinutes(5);
        SignInAs(Mia, "Mia");
        var page = Render<CheckInPage>();
        page.WaitForElement("textarea[name=Need]");

        page.Find("textarea[name=Need]").Input("An hour with you on Friday");
        await DisposeComponentsAsync();

        var form = await Get<CheckInWriting>().OpenAsync(Mia, Product, default);
        Assert.Equal("An hour with you on Friday", form.Need);
    }

    [Fact]
    public async Task Submitting_without_a_pulse_shows_the_message_by_the_field_and_keeps_the_answers()
    {
        SignInAs(Mia, "Mia");
        var page = Render<CheckInPage>();
        page.WaitForElement("textarea[name=Wins]");
        page.Find("textarea[name=Wins]").Input("Shipped it");

        await page.Find("form").SubmitAsync();

        Assert.Equal("Choose how work felt, from 1 (very hard) to 5 (great).", page.Find(".sl-pulse .validation-message").TextContent);
        Assert.Null((await Get<CheckInWriting>().OpenAsync(Mia, Product, default)).SubmittedAtOrNull());

        // The text is still there (the browser owns the field's text; the server kept what was typed): choosing a
        // pulse and submitting again stores it.
        page.Find("#Pulse-4").Change(true);
        await page.Find("form").SubmitAsync();
        var stored = await Get<CheckInWriting>().OpenAsync(Mia, Product, default);
        Assert.Equal(("Shipped it", 4), (stored.Wins, stored.Pulse!.Value));
    }

    [Fact]
    public void A_leader_who_is_in_no_team_as_a_member_is_told_check_ins_are_for_members()
    {
        SignInAs(Lea, "Lea");
        var page = Render<CheckInPage>();
        page.WaitForAssertion(() => Assert.Contains("Check-ins are for team members", page.Markup, StringComparison.Ordinal));
    }
}

internal static class CheckInFormExtensions
{
    public static CheckInStatus? SubmittedAtOrNull(this CheckInForm form) =>
        form.Status is CheckInStatus.Submitted or CheckInStatus.Reviewed ? form.Status : null;
}
