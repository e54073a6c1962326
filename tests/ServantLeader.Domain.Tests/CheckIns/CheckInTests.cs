using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Requests;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Tests.CheckIns;

[Trait("Area", "CheckIns")]
public sealed class CheckInTests : OrganisationTests
{
    // The test clock starts on Wednesday 18 November 2026; Product checks in weekly, due Fridays.
    private CheckInWriting CheckIns => Db.Get<CheckInWriting>();
    private CheckInReview Review => Db.Get<CheckInReview>();

    private CheckInAnswers Answers(int? pulse = 4, string challenges = "", string need = "", bool ask = false, int version = 0) => new()
    {
        TeamId = Org.Product, Pulse = pulse, Wins = "Shipped the export.", Challenges = challenges, Need = need,
        AskLeaderForHelp = ask, ExpectedVersion = version,
    };

    private async Task<CheckInView> SubmitAsync(Actor member, int pulse = 4, string challenges = "")
    {
        var answers = Answers(pulse, challenges);
        answers.TeamId = member == Org.Pia ? Org.Platform : Org.Product;
        var id = await CheckIns.SubmitAsync(member, answers, default);
        return await Review.GetAsync(member, id, default);
    }

    [Fact]
    public async Task A_draft_is_kept_as_the_member_writes_and_restored_when_they_come_back()
    {
        var version = await CheckIns.SaveDraftAsync(Org.Mia, Answers(pulse: null, challenges: "Waiting on legal"), default);
        var draft = Answers(pulse: 2, challenges: "Waiting on legal, still", version: version);
        await CheckIns.SaveDraftAsync(Org.Mia, draft, default);

        var form = await CheckIns.OpenAsync(Org.Mia, Org.Product, default);

        Assert.Equal(CheckInStatus.Draft, form.Status);
        Assert.Equal((2, "Waiting on legal, still", "Shipped the export."), (form.Pulse, form.Challenges, form.Wins));
        Assert.Equal(new DateOnly(2026, 11, 20), form.Period.Due);
    }

    [Fact]
    public async Task Leaders_do_not_see_a_draft_only_that_the_member_is_writing()
    {
        await CheckIns.SaveDraftAsync(Org.Mia, Answers(challenges: "Private until I submit"), default);
        await using var db = Db.NewDb();
        var id = await db.CheckIns.Select(c => c.Id).SingleAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => Review.GetAsync(Org.Lea, id, default));
        var row = (await Review.ThisWeekAsync(Org.Lea, default)).Single().Rows.Single(r => r.MemberName == "Mia Member");
        Assert.Equal((WeekStatus.Writing, null, null, null), (row.Status, row.Pulse, row.Blocker, row.CheckInId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(6)]
    public async Task Submitting_needs_a_pulse_from_1_to_5_and_saves_nothing_otherwise(int? pulse)
    {
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => CheckIns.SubmitAsync(Org.Mia, Answers(pulse), default));

        Assert.Equal("Choose how work felt, from 1 (very hard) to 5 (great).", Assert.Single(error.Errors["Pulse"]));
        await using var db = Db.NewDb();
        Assert.Equal(0, await db.CheckIns.CountAsync());
    }

    [Fact]
    public async Task An_answer_over_its_limit_is_refused_next_to_that_answer()
    {
        var answers = Answers();
        answers.Wins = new string('w', TextRules.NoteLength + 1);

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => CheckIns.SubmitAsync(Org.Mia, answers, default));

        Assert.Contains("Wins can be at most 2000 characters", error.Errors["Wins"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_the_member_needs_becomes_a_request_only_with_their_consent()
    {
        var withoutConsent = Answers(need: "Someone to unblock the legal review");
        var id = await CheckIns.SubmitAsync(Org.Mia, withoutConsent, default);
        Assert.Null((await Review.GetAsync(Org.Mia, id, default)).RequestId);
        Assert.Empty(await Org.Requests.InboxAsync(Org.Lea, default));

        var view = await Review.GetAsync(Org.Mia, id, default);
        var withConsent = Answers(challenges: "Legal review stuck", need: "Someone to unblock the legal review\nIt has been two weeks.", ask: true, version: view.Version);
        await CheckIns.SubmitAsync(Org.Mia, withConsent, default);

        var linked = await Review.GetAsync(Org.Mia, id, default);
        var request = await Org.Requests.GetAsync(Org.Lea, linked.RequestId!.Value, default);
        Assert.Equal("Someone to unblock the legal review", request.Title);
        Assert.Equal(Urgency.High, request.Urgency);
        Assert.Equal("Mia Member", request.RequesterName);

        // Editing again does not ask twice.
        withConsent.ExpectedVersion = linked.Version;
        await CheckIns.SubmitAsync(Org.Mia, withConsent, default);
        Assert.Single(await Org.Requests.InboxAsync(Org.Lea, default));
    }

    [Fact]
    [Trait("Area", "Requests")]
    public async Task Asking_a_team_with_no_leader_for_help_is_refused_as_when_asking_directly()
    {
        // A check-in's request goes to the same leaders as one asked directly, so it meets the same rule.
        var leaderless = await Db.TeamAsync("Leaderless", (Org.Mia, TeamRole.Member));
        var answers = Answers(need: "Someone to unblock the legal review", ask: true);
        answers.TeamId = leaderless;

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => CheckIns.SubmitAsync(Org.Mia, answers, default));

        Assert.Equal("This team has no leader yet. Ask an administrator to assign one.",
            Assert.Single(error.Errors[nameof(CheckInAnswers.AskLeaderForHelp)]));
        await using var db = Db.NewDb();
        Assert.Equal((0, 0), (await db.CheckIns.CountAsync(), await db.ServiceRequests.CountAsync()));
    }

    [Fact]
    public async Task Asking_for_help_with_nothing_said_is_refused()
    {
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => CheckIns.SubmitAsync(Org.Mia, Answers(need: " ", ask: true), default));
        Assert.Equal("Say what you need from your leader, or untick the box.", Assert.Single(error.Errors["Need"]));
    }

    [Fact]
    public async Task A_submitted_check_in_can_be_edited_until_a_leader_reviews_it()
    {
        var submitted = await SubmitAsync(Org.Mia, pulse: 2);
        await CheckIns.SubmitAsync(Org.Mia, Answers(pulse: 3, version: submitted.Version), default);
        var edited = await Review.GetAsync(Org.Lea, submitted.Id, default);
        Assert.Equal(3, edited.Pulse);
        Assert.True(edited.Actions.Review);

        await Review.MarkReviewedAsync(Org.Lea, submitted.Id, edited.Version, default);

        var reviewed = await Review.GetAsync(Org.Mia, submitted.Id, default);
        Assert.False(reviewed.Actions.Edit);
        var error = await Assert.ThrowsAsync<RuleViolationException>(() =>
            CheckIns.SubmitAsync(Org.Mia, Answers(pulse: 5, version: reviewed.Version), default));
        Assert.Contains("already reviewed", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await Review.GetAsync(Org.Mia, submitted.Id, default)).Pulse);
    }

    [Fact]
    public async Task Saving_from_a_stale_window_is_refused_instead_of_overwriting()
    {
        var first = await CheckIns.SaveDraftAsync(Org.Mia, Answers(), default);
        await CheckIns.SaveDraftAsync(Org.Mia, Answers(pulse: 1, version: first), default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => CheckIns.SaveDraftAsync(Org.Mia, Answers(pulse: 5, version: first), default));
        Assert.Equal(1, (await CheckIns.OpenAsync(Org.Mia, Org.Product, default)).Pulse);
    }

    [Fact]
    public async Task Unfinished_priorities_carry_forward_and_done_ones_drop_off_after_their_period()
    {
        await CheckIns.AddPriorityAsync(Org.Mia, Org.Product, "Finish the export", default);
        await CheckIns.AddPriorityAsync(Org.Mia, Org.Product, "Write the migration guide", default);
        var thisWeek = await CheckIns.OpenAsync(Org.Mia, Org.Product, default);
        await CheckIns.SetPriorityDoneAsync(Org.Mia, thisWeek.Priorities.Single(p => p.Text == "Finish the export").Id, true, default);

        var sameWeek = await CheckIns.OpenAsync(Org.Mia, Org.Product, default);
        Db.Clock.Advance(TimeSpan.FromDays(7));
        var nextWeek = await CheckIns.OpenAsync(Org.Mia, Org.Product, default);

        Assert.Equal(["Write the migration guide", "Finish the export"], sameWeek.Priorities.Select(p => p.Text));
        Assert.NotNull(sameWeek.Priorities[1].DoneAt);
        Assert.Equal(["Write the migration guide"], nextWeek.Priorities.Select(p => p.Text));
        Assert.Equal(new DateOnly(2026, 11, 27), nextWeek.Period.Due);
        await Assert.ThrowsAsync<NotFoundException>(() => CheckIns.SetPriorityDoneAsync(Org.Max, sameWeek.Priorities[0].Id, true, default));
    }

    [Fact]
    public async Task Another_teams_leader_HR_and_another_member_are_all_refused_a_members_check_in()
    {
        var checkIn = await SubmitAsync(Org.Mia, challenges: "Burnt out");

        foreach (var outsider in new[] { Org.Otto, Org.Hr, Org.Max, Org.Admin, Org.Pia })
        {
            await Assert.ThrowsAsync<NotFoundException>(() => Review.GetAsync(outsider, checkIn.Id, default));
            await Assert.ThrowsAsync<NotFoundException>(() => Review.CommentAsync(outsider, checkIn.Id, CheckInSection.General, "hi", default));
        }
        Assert.Equal("Burnt out", (await Review.GetAsync(Org.Colin, checkIn.Id, default)).Challenges);
        Assert.DoesNotContain((await Review.ThisWeekAsync(Org.Otto, default)).SelectMany(t => t.Rows), r => r.MemberName == "Mia Member");
    }

    [Fact]
    public async Task A_leaders_comment_is_seen_by_the_member()
    {
        var checkIn = await SubmitAsync(Org.Mia, challenges: "Waiting on legal");

        await Review.CommentAsync(Org.Lea, checkIn.Id, CheckInSection.Challenges, "I'll call legal today.", default);

        var comment = Assert.Single((await Review.GetAsync(Org.Mia, checkIn.Id, default)).Comments);
        Assert.Equal(("Lea Leader", true, CheckInSection.Challenges, "I'll call legal today."), (comment.AuthorName, comment.ByLeader, comment.Section, comment.Text));
    }

    [Fact]
    public async Task This_week_shows_who_checked_in_their_pulse_new_blockers_and_who_is_late()
    {
        await SubmitAsync(Org.Mia, pulse: 2, challenges: "Waiting on legal");

        var before = (await Review.ThisWeekAsync(Org.Lea, default)).Single();
        Db.Clock.Advance(TimeSpan.FromDays(3)); // Saturday, the day after the due date
        var after = (await Review.ThisWeekAsync(Org.Lea, default)).Single();

        var mia = before.Rows.Single(r => r.MemberName == "Mia Member");
        Assert.Equal((WeekStatus.Submitted, 2, "Waiting on legal", false), (mia.Status, mia.Pulse, mia.Blocker, mia.IsLate));
        Assert.False(before.Rows.Single(r => r.MemberName == "Max Member").IsLate);
        Assert.True(after.IsPastDue);
        Assert.True(after.Rows.Single(r => r.MemberName == "Max Member").IsLate);
        Assert.False(after.Rows.Single(r => r.MemberName == "Mia Member").IsLate);
    }

    [Fact]
    public async Task A_member_who_joins_after_a_due_day_is_not_late_for_that_period_and_writes_for_the_next()
    {
        // Saturday 21 November: the open period is the one due yesterday, and Max, a member since before it, is late.
        Db.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(ReminderKind.CheckInOverdue, Assert.Single(await Db.Get<CheckInReminders>().RemindersAsync(Org.Max, default)).Kind);
        // Mia leaves and comes back today: the period due yesterday was never hers (the dashboard does not expect it).
        var teams = Db.Get<TeamService>();
        var mia = (await teams.GetAsync(Org.Admin, Org.Product, default)).Members.Single(m => m.PersonId == Org.Mia.PersonId);
        await teams.EndMembershipAsync(Org.Admin, mia.MembershipId, default);
        Db.Clock.Advance(TimeSpan.FromHours(1));
        await teams.SetMembershipAsync(Org.Admin, Org.Product, Org.Mia.PersonId, TeamRole.Member, default);

        var reminder = Assert.Single(await Db.Get<CheckInReminders>().RemindersAsync(Org.Mia, default));
        Assert.Equal((ReminderKind.CheckInDue, new DateOnly(2026, 11, 27)), (reminder.Kind, reminder.Due));
        var form = await CheckIns.OpenAsync(Org.Mia, Org.Product, default);
        Assert.Equal((new DateOnly(2026, 11, 27), false), (form.Period.Due, form.IsLate));
        // What she writes is for that period, and her leader's week does not count her late for the one before.
        var id = await CheckIns.SubmitAsync(Org.Mia, Answers(), default);
        Assert.Equal(new DateOnly(2026, 11, 27), (await Review.GetAsync(Org.Mia, id, default)).Period.Due);
        Assert.False((await Review.ThisWeekAsync(Org.Lea, default)).Single().Rows.Single(r => r.MemberName == "Mia Member").IsLate);
    }

    [Fact]
    public async Task Reminders_tell_members_what_is_due_or_overdue_and_leaders_what_waits_for_review()
    {
        await SubmitAsync(Org.Mia);

        var maxDue = Assert.Single(await Db.Get<CheckInReminders>().RemindersAsync(Org.Max, default));
        Assert.Equal((ReminderKind.CheckInDue, new DateOnly(2026, 11, 20)), (maxDue.Kind, maxDue.Due));
        Assert.Empty(await Db.Get<CheckInReminders>().RemindersAsync(Org.Mia, default));
        var leaDue = Assert.Single(await Db.Get<CheckInReminders>().RemindersAsync(Org.Lea, default));
        Assert.Equal((ReminderKind.ReviewsWaiting, 1), (leaDue.Kind, leaDue.Count));

        Db.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(ReminderKind.CheckInOverdue, Assert.Single(await Db.Get<CheckInReminders>().RemindersAsync(Org.Max, default)).Kind);
        var unreviewed = Assert.Single(await Review.UnreviewedAsync(Org.Lea, default));
        Assert.Equal(TimeSpan.FromDays(3), Db.Clock.Now - unreviewed.SubmittedAt);
    }

    [Fact]
    public async Task HR_sees_participation_and_pulse_only_for_groups_of_three_or_more()
    {
        await SubmitAsync(Org.Mia, pulse: 2);
        await SubmitAsync(Org.Max, pulse: 4);

        var twoMembers = (await Db.Get<CheckInParticipationReport>().ParticipationAsync(Org.Hr, 1, default)).Single(p => p.TeamName == "Product");
        Assert.Equal((2, (int?)null, (double?)null, (double?)null), (twoMembers.Members, twoMembers.Submitted, twoMembers.ParticipationRate, twoMembers.MeanPulse));

        var third = await Db.PersonAsync("Tia Third");
        await Db.Get<TeamService>().SetMembershipAsync(Org.Admin, Org.Product, third.PersonId, TeamRole.Member, default);
        var threeMembersTwoPulses = (await Db.Get<CheckInParticipationReport>().ParticipationAsync(Org.Hr, 1, default)).Single(p => p.TeamName == "Product");
        Assert.Equal((3, (int?)2, (double?)null), (threeMembersTwoPulses.Members, threeMembersTwoPulses.Submitted, threeMembersTwoPulses.MeanPulse));
        Assert.Equal(2.0 / 3, threeMembersTwoPulses.ParticipationRate!.Value, 6);

        await CheckIns.SubmitAsync(third, Answers(pulse: 3), default);
        var threePulses = (await Db.Get<CheckInParticipationReport>().ParticipationAsync(Org.Hr, 1, default)).Single(p => p.TeamName == "Product");
        Assert.Equal(3.0, threePulses.MeanPulse);
        Assert.Equal(1.0, threePulses.ParticipationRate);

        await Assert.ThrowsAsync<ActionNotAllowedException>(() => Db.Get<CheckInParticipationReport>().ParticipationAsync(Org.Lea, 1, default));
    }

    [Fact]
    public async Task Participation_is_reported_for_each_recent_period_including_empty_ones()
    {
        var third = await Db.PersonAsync("Tia Third");
        await Db.Get<TeamService>().SetMembershipAsync(Org.Admin, Org.Product, third.PersonId, TeamRole.Member, default);
        await SubmitAsync(Org.Mia);

        var report = Db.Get<CheckInParticipationReport>();
        var periods = (await report.ParticipationAsync(Org.Hr, 4, default)).Where(p => p.TeamName == "Product").ToList();
        // Everyone joined today: nobody was expected for the periods due before (docs/metrics.md, "The team as it was").
        Assert.Equal([3, 0, 0, 0], periods.Select(p => p.Members));
        Assert.Equal([1, -1, -1, -1], periods.Select(p => p.Submitted ?? -1));

        // In the team since October: expected for every period, checked in or not.
        await using (var db = Db.NewDb())
        {
            var october = new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteUpdateAsync(
                db.Memberships.Where(m => m.TeamId == Org.Product), s => s.SetProperty(m => m.Since, october));
        }
        periods = (await report.ParticipationAsync(Org.Hr, 4, default)).Where(p => p.TeamName == "Product").ToList();
        Assert.Equal(4, periods.Count);
        Assert.Equal([1, 0, 0, 0], periods.Select(p => p.Submitted ?? -1));
        Assert.Equal(new DateOnly(2026, 11, 20), periods[0].Period.Due);
        Assert.Equal(new DateOnly(2026, 10, 30), periods[3].Period.Due);
    }
}
