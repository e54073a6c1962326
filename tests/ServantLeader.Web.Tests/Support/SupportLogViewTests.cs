using Bunit;
using ServantLeader.Domain.Support;
using ServantLeader.Web.Components.Pages.Support;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Support;

[Trait("Area", "Requests")]
public sealed class SupportLogViewTests : ComponentContext
{
    private Task LogAsync(string note, int minutes) => Get<SupportService>().LogAsync(Lea, new LogSupport
    {
        MemberId = Mia.PersonId, TeamId = Product, Category = SupportCategory.Coaching, Minutes = minutes,
        Date = new DateOnly(2026, 11, 17), Note = note,
    }, default);

    [Fact]
    public async Task Shows_the_leaders_entries_with_totals_and_shares_a_note_on_request()
    {
        await LogAsync("Walked through the release plan.", 30);
        await LogAsync("Talked about the conference talk.", 90);
        SignInAs(Lea, "Lea");

        var log = Render<ServantLeader.Web.Components.Pages.Support.SupportLogPage>();
        log.WaitForAssertion(() => Assert.Contains("Walked through the release plan.", log.Markup, StringComparison.Ordinal));

        Assert.Contains("<strong>2</strong> entries", log.Markup, StringComparison.Ordinal);
        Assert.Contains("<strong>2 h</strong> in all", log.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(await Get<SupportService>().ReceivedAsync(Mia, default), r => r.Note is not null);

        log.FindAll("button").First(b => b.TextContent.Contains("Share with member", StringComparison.Ordinal)).Click();

        log.WaitForAssertion(() => Assert.Contains("Make private", log.Markup, StringComparison.Ordinal));
        Assert.Single(await Get<SupportService>().ReceivedAsync(Mia, default), r => r.Note is not null);
    }

    [Fact]
    public async Task A_member_has_no_log_of_their_own_and_sees_none_of_their_leaders_entries_here()
    {
        await LogAsync("Private: seemed stressed.", 30);
        SignInAs(Mia, "Mia");

        var log = Render<ServantLeader.Web.Components.Pages.Support.SupportLogPage>();

        log.WaitForAssertion(() => Assert.Contains("<strong>0</strong> entries", log.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("seemed stressed", log.Markup, StringComparison.Ordinal);
    }
}
