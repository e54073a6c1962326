using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Growth;
using ServantLeader.Domain.Support;

namespace ServantLeader.Domain.Tests.Growth;

[Trait("Area", "Growth")]
public sealed class CheckInGrowthTests : OrganisationTests
{
    private CheckInWriting Writing => Db.Get<CheckInWriting>();
    private CheckInReview Review => Db.Get<CheckInReview>();

    private CheckInAnswers Answers(params GoalAnswer[] goals) =>
        new() { TeamId = Org.Product, Pulse = 4, Goals = [.. goals] };

    [Fact]
    public async Task Goal_answers_and_what_helps_me_grow_are_kept_in_the_draft_and_reach_the_leader_on_submit()
    {
        var speaking = await RhythmGoals.GoalAsync(Db, Org.Mia, "Speak at a conference");
        var mentoring = await RhythmGoals.GoalAsync(Db, Org.Mia, "Mentor a new joiner");
        var draft = Answers(new GoalAnswer { GoalId = speaking, Movement = GoalMovement.MovedForward });
        draft.HelpToGrow = "Time to rehearse with the team";

        var version = await Writing.SaveDraftAsync(Org.Mia, draft, default);

        var form = await Writing.OpenAsync(Org.Mia, Org.Product, default);
        Assert.Equal("Time to rehearse with the team", form.HelpToGrow);
        Assert.Equal([(speaking, (GoalMovement?)GoalMovement.MovedForward), (mentoring, null)],
            form.Goals.Select(g => (g.GoalId, g.Movement)));
        // A draft is the member's alone: the leader reads neither it nor its goal answers.
        await Assert.ThrowsAsync<NotFoundException>(() => Review.GetAsync(Org.Lea, form.CheckInId!.Value, default));

        var submit = Answers(new GoalAnswer { GoalId = speaking, Movement = GoalMovement.MovedForward },
            new GoalAnswer { GoalId = mentoring, Movement = GoalMovement.NoTime });
        submit.HelpToGrow = draft.HelpToGrow;
        submit.ExpectedVersion = version;
        var id = await Writing.SubmitAsync(Org.Mia, submit, default);

        var asLeader = await Review.GetAsync(Org.Lea, id, default);
        Assert.Equal("Time to rehearse with the team", asLeader.HelpToGrow);
        Assert.Equal([("Speak at a conference", (GoalMovement?)GoalMovement.MovedForward), ("Mentor a new joiner", GoalMovement.NoTime)],
            asLeader.Goals.Select(g => (g.What, g.Movement)));
    }

    [Fact]
    public async Task Progress_is_accepted_only_for_the_members_own_active_goals_and_nothing_is_half_saved()
    {
        var maxs = await RhythmGoals.GoalAsync(Db, Org.Max, "Learn Rust");
        var achieved = await RhythmGoals.GoalAsync(Db, Org.Mia, "Finish the course", GoalState.Achieved);
        var setAside = await RhythmGoals.GoalAsync(Db, Org.Mia, "Run a marathon", GoalState.SetAside);

        foreach (var goal in new[] { maxs, achieved, setAside, 999_999 })
        {
            var answers = Answers(new GoalAnswer { GoalId = goal, Movement = GoalMovement.MovedForward });
            answers.Wins = "Kept";
            var error = await Assert.ThrowsAsync<RuleViolationException>(() => Writing.SaveDraftAsync(Org.Mia, answers, default));
            Assert.Contains(GoalAnswer.Field(goal), error.Errors.Keys);
            await Assert.ThrowsAsync<RuleViolationException>(() => Writing.SubmitAsync(Org.Mia, answers, default));
        }

        await using var db = Db.NewDb();
        Assert.Equal(0, await db.CheckIns.CountAsync());
        Assert.Equal(0, await db.GoalProgress.CountAsync());
    }

    [Fact]
    public async Task A_stuck_goal_becomes_a_request_in_the_leaders_inbox_only_with_the_members_consent()
    {
        var goal = await RhythmGoals.GoalAsync(Db, Org.Mia, "Lead the design review");
        var stuck = new GoalAnswer { GoalId = goal, Movement = GoalMovement.Stuck };

        var id = await Writing.SubmitAsync(Org.Mia, Answers(stuck), default);
        Assert.Empty(await Org.Requests.InboxAsync(Org.Lea, default));
        Assert.Null((await Review.GetAsync(Org.Lea, id, default)).Goals.Single().RequestId);

        // Consent is only for a stuck goal.
        var forward = Answers(new GoalAnswer { GoalId = goal, Movement = GoalMovement.MovedForward, AskLeaderForHelp = true });
        forward.ExpectedVersion = (await Review.GetAsync(Org.Mia, id, default)).Version;
        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Writing.SubmitAsync(Org.Mia, forward, default));
        Assert.Contains(GoalAnswer.Field(goal), refused.Errors.Keys);

        var consent = Answers(new GoalAnswer { GoalId = goal, Movement = GoalMovement.Stuck, AskLeaderForHelp = true });
        consent.HelpToGrow = "Someone to watch me run one";
        consent.ExpectedVersion = forward.ExpectedVersion;
        await Writing.SubmitAsync(Org.Mia, consent, default);

        var view = await Review.GetAsync(Org.Lea, id, default);
        var requestId = Assert.IsType<int>(view.Goals.Single().RequestId);
        var inbox = Assert.Single(await Org.Requests.InboxAsync(Org.Lea, default));
        Assert.Equal(requestId, inbox.Id);
        Assert.Contains("Lead the design review", inbox.Title);
        Assert.Equal(CheckInGoals.StuckCategory, inbox.Category);
        var request = await Org.Requests.GetAsync(Org.Mia, requestId, default);
        Assert.Contains("Someone to watch me run one", request.Details);

        // Saving again with the same consent does not ask twice.
        consent.ExpectedVersion = view.Version;
        await Writing.SubmitAsync(Org.Mia, consent, default);
        Assert.Single(await Org.Requests.InboxAsync(Org.Lea, default));
    }

    [Fact]
    public async Task Goal_answers_are_read_by_the_member_and_the_teams_leaders_only()
    {
        var goal = await RhythmGoals.GoalAsync(Db, Org.Mia, "Write the architecture guide");
        var id = await Writing.SubmitAsync(Org.Mia, Answers(new GoalAnswer { GoalId = goal, Movement = GoalMovement.Stuck }), default);

        Assert.Single((await Review.GetAsync(Org.Mia, id, default)).Goals);
        Assert.Single((await Review.GetAsync(Org.Colin, id, default)).Goals);
        await Assert.ThrowsAsync<NotFoundException>(() => Review.GetAsync(Org.Otto, id, default));
        await Assert.ThrowsAsync<NotFoundException>(() => Review.GetAsync(Org.Hr, id, default));
    }
}
