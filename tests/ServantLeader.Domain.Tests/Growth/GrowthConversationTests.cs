using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Growth;
using ServantLeader.Domain.OneOnOnes;

namespace ServantLeader.Domain.Tests.Growth;

[Trait("Area", "Growth")]
public sealed class GrowthConversationTests : OrganisationTests
{
    private OneOnOneService OneOnOnes => Db.Get<OneOnOneService>();
    private GrowthConversations Conversations => Db.Get<GrowthConversations>();

    private Task<int> MeetingAsync(Actor leader, Actor member) =>
        OneOnOnes.OpenCurrentAsync(leader, leader.PersonId, member.PersonId, default);

    /// <summary>Holds the pair's current 1:1 as a growth conversation (or not) now; returns the next meeting.</summary>
    private async Task HoldAsync(Actor leader, Actor member, bool growth)
    {
        var id = await MeetingAsync(leader, member);
        await Conversations.MarkAsync(leader, id, growth, default);
        await OneOnOnes.MarkHeldAsync(leader, id, null, default);
    }

    [Fact]
    public async Task Only_the_meetings_leader_marks_a_growth_conversation()
    {
        var id = await MeetingAsync(Org.Lea, Org.Mia);
        var before = (await OneOnOnes.GetAsync(Org.Lea, id, default)).Version;

        await Assert.ThrowsAsync<ActionNotAllowedException>(() => Conversations.MarkAsync(Org.Mia, id, true, default));
        foreach (var outsider in new[] { Org.Colin, Org.Otto, Org.Hr, Org.Admin })
        {
            await Assert.ThrowsAsync<NotFoundException>(() => Conversations.MarkAsync(outsider, id, true, default));
        }
        Assert.False((await OneOnOnes.GetAsync(Org.Mia, id, default)).IsGrowthConversation);

        var version = await Conversations.MarkAsync(Org.Lea, id, true, default);

        var meeting = await OneOnOnes.GetAsync(Org.Mia, id, default);
        Assert.True(meeting.IsGrowthConversation);
        Assert.Equal(version, meeting.Version);
        Assert.True(version > before);
    }

    [Fact]
    public async Task The_plan_shows_beside_a_growth_conversation_to_the_two_people_in_it_with_the_latest_shared_movement()
    {
        var goal = await RhythmGoals.GoalAsync(Db, Org.Mia, "Speak at a conference", ambition: "Lead the platform guild");
        await RhythmGoals.GoalAsync(Db, Org.Mia, "Old goal", GoalState.Achieved);
        await Db.Get<CheckInWriting>().SubmitAsync(Org.Mia, new CheckInAnswers
        {
            TeamId = Org.Product, Pulse = 3, Goals = [new GoalAnswer { GoalId = goal, Movement = GoalMovement.Stuck }],
        }, default);
        var id = await MeetingAsync(Org.Lea, Org.Mia);
        Assert.Null(await Conversations.PlanAsync(Org.Lea, id, default));

        await Conversations.MarkAsync(Org.Lea, id, true, default);

        foreach (var reader in new[] { Org.Lea, Org.Mia })
        {
            var plan = await Conversations.PlanAsync(reader, id, default);
            Assert.NotNull(plan);
            Assert.Equal("Lead the platform guild", plan.Ambition);
            var shown = Assert.Single(plan.Goals);
            Assert.Equal(("Speak at a conference", (GoalMovement?)GoalMovement.Stuck), (shown.What, shown.LastMovement));
        }
        foreach (var outsider in new[] { Org.Colin, Org.Max, Org.Otto, Org.Hr, Org.Admin })
        {
            Assert.Null(await Conversations.PlanAsync(outsider, id, default));
        }
    }

    [Fact]
    public async Task An_agenda_point_can_be_about_one_of_the_members_active_goals_only()
    {
        var goal = await RhythmGoals.GoalAsync(Db, Org.Mia, "Speak at a conference");
        var maxs = await RhythmGoals.GoalAsync(Db, Org.Max, "Learn Rust");
        var id = await MeetingAsync(Org.Lea, Org.Mia);

        await OneOnOnes.AddAgendaItemAsync(Org.Mia, id, "Which conference?", goal, default);
        await OneOnOnes.AddAgendaItemAsync(Org.Lea, id, "Budget for travel", goal, default);
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => OneOnOnes.AddAgendaItemAsync(Org.Lea, id, "Rust course", maxs, default));
        Assert.Equal(["GoalId"], error.Errors.Keys);

        var agenda = (await OneOnOnes.GetAsync(Org.Mia, id, default)).Agenda;
        Assert.Equal(["Speak at a conference", "Speak at a conference"], agenda.Select(a => a.GoalWhat));
    }

    [Fact]
    public async Task This_week_lists_members_without_a_held_growth_conversation_for_the_configured_weeks_or_never()
    {
        var weeks = Db.Get<Microsoft.Extensions.Options.IOptions<GrowthOptions>>().Value.ConversationWeeks;
        var start = Db.Clock.GetUtcNow();
        await HoldAsync(Org.Lea, Org.Mia, growth: true);
        await HoldAsync(Org.Lea, Org.Max, growth: false);

        var now = await Conversations.DueAsync(Org.Lea, default);
        Assert.Equal(6, now.Weeks);
        var never = Assert.Single(now.Members);
        Assert.Equal((Org.Max.PersonId, (DateTimeOffset?)null), (never.MemberId, never.LastHeldAt));

        Db.Clock.Advance(TimeSpan.FromDays(7 * weeks));
        Assert.Equal([Org.Max.PersonId], (await Conversations.DueAsync(Org.Lea, default)).Members.Select(m => m.MemberId));

        Db.Clock.Advance(TimeSpan.FromMinutes(1));
        var due = (await Conversations.DueAsync(Org.Lea, default)).Members;
        Assert.Equal([Org.Max.PersonId, Org.Mia.PersonId], due.Select(m => m.MemberId));
        Assert.Equal(start, due[1].LastHeldAt);

        // Each leader sees the members of their own teams only.
        Assert.Equal([Org.Pia.PersonId], (await Conversations.DueAsync(Org.Otto, default)).Members.Select(m => m.MemberId));
        Assert.Empty((await Conversations.DueAsync(Org.Mia, default)).Members);
        Assert.Empty((await Conversations.DueAsync(Org.Hr, default)).Members);
    }
}
