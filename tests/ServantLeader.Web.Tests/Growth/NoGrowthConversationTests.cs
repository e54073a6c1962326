using Bunit;
using ServantLeader.Domain.OneOnOnes;
using ServantLeader.Web.Components.Pages.CheckIns;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Growth;

[Trait("Area", "Growth")]
public sealed class NoGrowthConversationTests : ComponentContext
{
    [Fact]
    public async Task This_week_lists_members_who_never_had_a_growth_conversation_with_a_way_to_plan_one()
    {
        var meeting = await Get<OneOnOneService>().OpenCurrentAsync(Lea, Lea.PersonId, Mia.PersonId, default);
        await Get<GrowthConversations>().MarkAsync(Lea, meeting, true, default);
        await Get<OneOnOneService>().MarkHeldAsync(Lea, meeting, null, default);
        SignInAs(Lea, "Lea");

        var page = Render<ThisWeekPage>();

        page.WaitForAssertion(() => Assert.Contains("No growth conversation for 6 weeks", page.Markup, StringComparison.Ordinal));
        var rows = page.FindAll(".sl-growth-due li");
        var max = Assert.Single(rows);
        Assert.Contains("Max", max.TextContent, StringComparison.Ordinal);
        Assert.Contains("never", max.TextContent, StringComparison.Ordinal);
        Assert.Equal("Plan a 1:1 with Max", max.QuerySelector("button")!.GetAttribute("aria-label"));
    }
}
