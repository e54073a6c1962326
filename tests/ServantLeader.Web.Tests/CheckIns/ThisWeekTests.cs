using Bunit;
using ServantLeader.Domain.CheckIns;
using ServantLeader.Web.Components.Pages.CheckIns;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.CheckIns;

[Trait("Area", "CheckIns")]
public sealed class ThisWeekTests : ComponentContext
{
    [Fact]
    public async Task Shows_each_member_with_their_status_pulse_and_blocker_but_never_a_drafts_content()
    {
        var checkInWriting = Get<CheckInWriting>();
        await checkInWriting.SubmitAsync(Mia, new CheckInAnswers { TeamId = Product, Pulse = 2, Challenges = "Waiting on legal" }, default);
        await checkInWriting.SaveDraftAsync(Max, new CheckInAnswers { TeamId = Product, Pulse = 1, Challenges = "My private draft" }, default);
        SignInAs(Lea, "Lea");

        var page = Render<ThisWeekPage>();

        page.WaitForElements(".sl-week-row", TimeSpan.FromSeconds(5));
        var rows = page.FindAll(".sl-week-row").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        var max = rows.Single(r => r.Contains("Max", StringComparison.Ordinal));
        var mia = rows.Single(r => r.Contains("Mia", StringComparison.Ordinal));
        Assert.Contains("Writing", max, StringComparison.Ordinal);
        Assert.DoesNotContain("My private draft", page.Markup, StringComparison.Ordinal);
        Assert.Contains("To review", mia, StringComparison.Ordinal);
        Assert.Contains("pulse 2", mia, StringComparison.Ordinal);
        Assert.Contains("Waiting on legal", mia, StringComparison.Ordinal);
        Assert.Contains("1 check-in waits for your review", page.Markup, StringComparison.Ordinal);
    }
}
