using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Growth;
using ServantLeader.Domain.Notifications;

namespace ServantLeader.Domain.Tests.Growth;

[Trait("Area", "Growth")]
public sealed class MentoringTests : OrganisationTests
{
    private Mentoring Pairs => Db.Get<Mentoring>();

    private Task<int> ProposeAsync(Actor by, Actor mentor, Actor mentee, string focus = "Facilitating retrospectives") =>
        Pairs.ProposeAsync(by, new ProposeMentoring { MentorId = mentor.PersonId, MenteeId = mentee.PersonId, Focus = focus }, default);

    private async Task<MentoringPairView> PairAsync(Actor viewer, int id)
    {
        var overview = await Pairs.OverviewAsync(viewer, default);
        return overview.InvitationsToAnswer.Concat(overview.WaitingForOthers).Concat(overview.Active).Concat(overview.Past)
            .Single(p => p.Id == id);
    }

    private async Task<int> ActivePairAsync(Actor mentor, Actor mentee)
    {
        var id = await ProposeAsync(mentee, mentor, mentee);
        await Pairs.AcceptAsync(mentor, id, (await PairAsync(mentor, id)).Version, default);
        return id;
    }

    [Fact]
    public async Task A_pair_starts_only_when_the_other_person_opts_in()
    {
        var id = await ProposeAsync(Org.Mia, Org.Lea, Org.Mia);

        var waiting = await PairAsync(Org.Mia, id);
        Assert.Equal(MentoringStatus.Proposed, waiting.Status);
        Assert.Single((await Pairs.OverviewAsync(Org.Mia, default)).WaitingForOthers);
        Assert.Single((await Pairs.OverviewAsync(Org.Lea, default)).InvitationsToAnswer);
        await Assert.ThrowsAsync<ActionNotAllowedException>(() => Pairs.AcceptAsync(Org.Mia, id, waiting.Version, default));
        await Assert.ThrowsAsync<NotFoundException>(() => Pairs.AcceptAsync(Org.Max, id, waiting.Version, default));
        await using (var db = Db.NewDb())
        {
            var invitation = await db.Notifications.SingleAsync();
            Assert.Equal((Org.Lea.PersonId, NotificationKind.MentoringInvitation), (invitation.RecipientId, invitation.Kind));
        }

        await Pairs.AcceptAsync(Org.Lea, id, waiting.Version, default);

        var active = await PairAsync(Org.Mia, id);
        Assert.Equal(MentoringStatus.Active, active.Status);
        Assert.NotNull(active.StartedAt);
    }

    [Fact]
    public async Task A_pair_may_cross_teams_and_a_declined_invitation_never_starts()
    {
        var id = await ProposeAsync(Org.Pia, Org.Pia, Org.Mia, "Writing SQL that scales");
        await Pairs.DeclineAsync(Org.Mia, id, (await PairAsync(Org.Mia, id)).Version, default);

        var declined = await PairAsync(Org.Pia, id);
        Assert.Equal(MentoringStatus.Declined, declined.Status);
        await Assert.ThrowsAsync<RuleViolationException>(() => Pairs.AcceptAsync(Org.Mia, id, declined.Version, default));
        await using var db = Db.NewDb();
        Assert.False(await db.CanConfirmSkillsAsync(Org.Pia.PersonId, Org.Mia.PersonId, default));
    }

    [Fact]
    public async Task A_second_live_pair_gets_a_clear_message_and_a_new_one_is_possible_once_the_first_is_over()
    {
        var first = await ProposeAsync(Org.Mia, Org.Lea, Org.Mia);

        var byMentee = await Assert.ThrowsAsync<RuleViolationException>(() => ProposeAsync(Org.Mia, Org.Lea, Org.Mia));
        var byMentor = await Assert.ThrowsAsync<RuleViolationException>(() => ProposeAsync(Org.Lea, Org.Lea, Org.Mia));

        Assert.StartsWith("You two already have a mentoring pair", Assert.Single(byMentee.Errors["MentorId"]), StringComparison.Ordinal);
        Assert.StartsWith("You two already have a mentoring pair", Assert.Single(byMentor.Errors["MenteeId"]), StringComparison.Ordinal);
        await Pairs.DeclineAsync(Org.Mia, first, (await PairAsync(Org.Mia, first)).Version, default);
        await ProposeAsync(Org.Mia, Org.Lea, Org.Mia);
        // The other direction is a different pair.
        await ProposeAsync(Org.Mia, Org.Mia, Org.Lea);
    }

    [Fact]
    public async Task A_proposal_needs_the_proposer_in_it_someone_else_active_and_a_focus()
    {
        var forOthers = await Assert.ThrowsAsync<RuleViolationException>(() => ProposeAsync(Org.Hr, Org.Lea, Org.Mia));
        var self = await Assert.ThrowsAsync<RuleViolationException>(() => ProposeAsync(Org.Mia, Org.Mia, Org.Mia));
        var noFocus = await Assert.ThrowsAsync<RuleViolationException>(() => ProposeAsync(Org.Mia, Org.Lea, Org.Mia, "  "));
        var twoLines = await Assert.ThrowsAsync<RuleViolationException>(() => ProposeAsync(Org.Mia, Org.Lea, Org.Mia, "a\nb"));

        Assert.True(forOthers.Errors.ContainsKey(RuleViolationException.General));
        Assert.True(self.Errors.ContainsKey("MenteeId"));
        Assert.Equal("What the mentoring is about is required.", Assert.Single(noFocus.Errors["Focus"]));
        Assert.True(twoLines.Errors.ContainsKey("Focus"));
        await using var db = Db.NewDb();
        Assert.Equal(0, await db.MentoringPairs.CountAsync());
    }

    [Fact]
    public async Task Only_the_mentee_shares_the_plan_and_the_mentor_then_reads_it()
    {
        var id = await ActivePairAsync(Org.Pia, Org.Mia);
        var pair = await PairAsync(Org.Pia, id);
        await using var db = Db.NewDb();
        Assert.False(await db.CanReadPlanAsync(Org.Pia.PersonId, Org.Mia.PersonId, default));

        await Assert.ThrowsAsync<ActionNotAllowedException>(() => Pairs.SharePlanAsync(Org.Pia, id, pair.Version, true, default));
        await Assert.ThrowsAsync<NotFoundException>(() => Pairs.SharePlanAsync(Org.Max, id, pair.Version, true, default));
        await Pairs.SharePlanAsync(Org.Mia, id, pair.Version, true, default);

        Assert.True(await db.CanReadPlanAsync(Org.Pia.PersonId, Org.Mia.PersonId, default));
        // Sharing goes one way: the mentee does not read the mentor's plan.
        Assert.False(await db.CanReadPlanAsync(Org.Mia.PersonId, Org.Pia.PersonId, default));
    }

    [Fact]
    public async Task The_mentor_loses_the_plan_when_the_mentee_stops_sharing_or_either_ends_the_pair()
    {
        var id = await ActivePairAsync(Org.Pia, Org.Mia);
        await Pairs.SharePlanAsync(Org.Mia, id, (await PairAsync(Org.Mia, id)).Version, true, default);
        await Pairs.SharePlanAsync(Org.Mia, id, (await PairAsync(Org.Mia, id)).Version, false, default);
        await using var db = Db.NewDb();
        Assert.False(await db.CanReadPlanAsync(Org.Pia.PersonId, Org.Mia.PersonId, default));

        await Pairs.SharePlanAsync(Org.Mia, id, (await PairAsync(Org.Mia, id)).Version, true, default);
        await Pairs.EndAsync(Org.Pia, id, (await PairAsync(Org.Pia, id)).Version, default);

        Assert.False(await db.CanReadPlanAsync(Org.Pia.PersonId, Org.Mia.PersonId, default));
        Assert.False(await db.CanConfirmSkillsAsync(Org.Pia.PersonId, Org.Mia.PersonId, default));
        var ended = await PairAsync(Org.Mia, id);
        Assert.Equal((MentoringStatus.Ended, false), (ended.Status, ended.PlanShared));
        await Assert.ThrowsAsync<RuleViolationException>(() => Pairs.SharePlanAsync(Org.Mia, id, ended.Version, true, default));
    }

    [Fact]
    public async Task An_answer_to_a_pair_the_other_person_just_changed_gets_a_conflict_message()
    {
        var id = await ActivePairAsync(Org.Pia, Org.Mia);
        var seen = await PairAsync(Org.Pia, id);
        await Pairs.SharePlanAsync(Org.Mia, id, seen.Version, true, default);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Pairs.EndAsync(Org.Pia, id, seen.Version, default));

        Assert.Contains("Reload", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(MentoringStatus.Active, (await PairAsync(Org.Pia, id)).Status);
    }

    [Fact]
    public async Task People_to_pick_are_everyone_active_but_oneself()
    {
        var people = await Pairs.PeopleAsync(Org.Mia, default);

        Assert.DoesNotContain(people, p => p.PersonId == Org.Mia.PersonId);
        Assert.Contains(people, p => p.PersonId == Org.Pia.PersonId);
    }
}
