using Bunit;
using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.OneOnOnes;
using ServantLeader.Web.Components.Pages.OneOnOnes;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Growth;

[Trait("Area", "Growth")]
public sealed class GrowthConversationPageTests : ComponentContext
{
    [Fact]
    public async Task The_leader_marks_a_growth_conversation_and_both_then_see_the_plan_beside_the_notes()
    {
        await RhythmGoalRows.ActiveGoalAsync(Get<IDbContextFactory<ServantLeaderDb>>(), Mia.PersonId, "Speak at a conference");
        var meeting = await Get<OneOnOneService>().OpenCurrentAsync(Lea, Lea.PersonId, Mia.PersonId, default);

        SignInAs(Lea, "Lea");
        var asLeader = Render<MeetingPage>(p => p.Add(m => m.Id, meeting));
        asLeader.WaitForElement("#GrowthConversation");
        Assert.Empty(asLeader.FindAll("#plan-heading"));

        asLeader.Find("#GrowthConversation").Change(true);

        asLeader.WaitForAssertion(() => Assert.Contains("Mia's growth plan", asLeader.Markup, StringComparison.Ordinal));
        Assert.Contains("Lead a team of my own", asLeader.Markup, StringComparison.Ordinal);
        Assert.Contains("Speak at a conference", asLeader.Find(".sl-plan").TextContent, StringComparison.Ordinal);
        Assert.True((await Get<OneOnOneService>().GetAsync(Mia, meeting, default)).IsGrowthConversation);
        await DisposeComponentsAsync();

        SignInAs(Mia, "Mia");
        var asMember = Render<MeetingPage>(p => p.Add(m => m.Id, meeting));
        asMember.WaitForAssertion(() => Assert.Contains("Your growth plan", asMember.Markup, StringComparison.Ordinal));
        // The switch is the leader's: the member has none.
        Assert.Empty(asMember.FindAll("#GrowthConversation"));
    }
}
