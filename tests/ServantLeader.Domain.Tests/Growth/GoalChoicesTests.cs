using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServantLeader.Domain.Growth;

namespace ServantLeader.Domain.Tests.Growth;

[Trait("Area", "Growth")]
public sealed class GoalChoicesTests : OrganisationTests
{
    [Fact]
    public async Task The_member_their_leaders_and_a_mentor_they_share_with_see_the_active_goals_and_everyone_else_an_empty_list()
    {
        var goal = await RhythmGoals.GoalAsync(Db, Org.Mia, "Speak at a conference");
        await RhythmGoals.GoalAsync(Db, Org.Mia, "Finish the course", GoalState.Achieved);
        await RhythmGoals.MentorAsync(Db, Org.Pia, Org.Mia, planShared: true);
        await RhythmGoals.MentorAsync(Db, Org.Otto, Org.Mia, planShared: false);
        var choices = Db.Get<GoalChoices>();

        foreach (var reader in new[] { Org.Mia, Org.Lea, Org.Colin, Org.Pia })
        {
            Assert.Equal([new GoalChoice(goal, "Speak at a conference")], await choices.ActiveAsync(reader, Org.Mia.PersonId, default));
        }
        foreach (var outsider in new[] { Org.Max, Org.Otto, Org.Hr, Org.Admin })
        {
            Assert.Empty(await choices.ActiveAsync(outsider, Org.Mia.PersonId, default));
        }
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(52, true)]
    [InlineData(53, false)]
    public void ConversationWeeks_outside_one_to_fifty_two_stops_the_start(int weeks, bool valid)
    {
        var services = new ServiceCollection().AddServantLeaderServices();
        services.Configure<GrowthOptions>(o => o.ConversationWeeks = weeks);
        using var provider = services.BuildServiceProvider();

        var read = () => provider.GetRequiredService<IOptions<GrowthOptions>>().Value;

        if (valid)
        {
            Assert.Equal(weeks, read().ConversationWeeks);
        }
        else
        {
            Assert.Contains("ConversationWeeks", Assert.Throws<OptionsValidationException>(read).Message);
        }
    }
}
