using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Support;

namespace ServantLeader.Domain.Tests.Support;

[Trait("Area", "Requests")]
public sealed class SupportLogTests : OrganisationTests
{
    private SupportService Support => Org.Support;

    private LogSupport Entry(Actor member, int? requestId = null, int minutes = 30, string note = "Paired on the release checklist.",
        bool shared = false) => new()
    {
        MemberId = member.PersonId,
        TeamId = member == Org.Pia ? Org.Platform : Org.Product,
        RequestId = requestId,
        Category = SupportCategory.Coaching,
        Minutes = minutes,
        Date = Db.Clock.Today,
        Note = note,
        SharedWithMember = shared,
    };

    [Fact]
    public async Task Proactive_support_is_logged_with_no_request()
    {
        var id = await Support.LogAsync(Org.Lea, Entry(Org.Max), default);

        await using var db = Db.NewDb();
        var entry = await db.SupportEntries.SingleAsync(s => s.Id == id);
        Assert.Null(entry.RequestId);
        Assert.True(entry.IsProactive);
        Assert.Equal(Org.Lea.PersonId, entry.LeaderId);
    }

    [Fact]
    public async Task Support_can_be_linked_to_the_members_own_request()
    {
        var request = await Org.AskAsync(Org.Mia);

        await Support.LogAsync(Org.Lea, Entry(Org.Mia, request.Id), default);

        var detail = await Org.Requests.GetAsync(Org.Lea, request.Id, default);
        var logged = Assert.Single(detail.Support);
        Assert.Equal("Paired on the release checklist.", logged.Note);
    }

    [Fact]
    public async Task Support_cannot_be_linked_to_another_members_request()
    {
        var request = await Org.AskAsync(Org.Mia);

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => Support.LogAsync(Org.Lea, Entry(Org.Max, request.Id), default));
        Assert.True(error.Errors.ContainsKey("RequestId"));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(1440, true)]
    [InlineData(1441, false)]
    [InlineData(-30, false)]
    public async Task Minutes_are_between_1_and_1440(int minutes, bool accepted)
    {
        var log = () => Support.LogAsync(Org.Lea, Entry(Org.Mia, minutes: minutes), default);
        if (accepted)
        {
            await log();
        }
        else
        {
            var error = await Assert.ThrowsAsync<RuleViolationException>(log);
            Assert.Equal("Minutes must be between 1 and 1440 (one day).", Assert.Single(error.Errors["Minutes"]));
        }
    }

    [Fact]
    public async Task No_support_is_logged_in_the_future_or_more_than_a_year_back()
    {
        var tomorrow = Entry(Org.Mia);
        tomorrow.Date = Db.Clock.Today.AddDays(1);
        var ancient = Entry(Org.Mia);
        ancient.Date = new DateOnly(1, 1, 1);

        var future = await Assert.ThrowsAsync<RuleViolationException>(() => Support.LogAsync(Org.Lea, tomorrow, default));
        var past = await Assert.ThrowsAsync<RuleViolationException>(() => Support.LogAsync(Org.Lea, ancient, default));

        Assert.Equal("Support can't be logged in the future.", Assert.Single(future.Errors["Date"]));
        Assert.Equal("Support can be logged for the past year only.", Assert.Single(past.Errors["Date"]));
        await using var db = Db.NewDb();
        Assert.Equal(0, await db.SupportEntries.CountAsync());
    }

    [Fact]
    public async Task A_leader_logs_support_only_for_members_of_a_team_they_lead()
    {
        var forOtherTeam = await Assert.ThrowsAsync<RuleViolationException>(() => Support.LogAsync(Org.Lea, Entry(Org.Pia), default));
        var byMember = await Assert.ThrowsAsync<RuleViolationException>(() => Support.LogAsync(Org.Max, Entry(Org.Mia), default));
        var forCoLeader = Entry(Org.Mia);
        forCoLeader.MemberId = Org.Colin.PersonId;
        var coLeader = await Assert.ThrowsAsync<RuleViolationException>(() => Support.LogAsync(Org.Lea, forCoLeader, default));

        Assert.Equal("You can log support only for members of a team you lead.", Assert.Single(forOtherTeam.Errors["MemberId"]));
        Assert.True(byMember.Errors.ContainsKey("MemberId"));
        Assert.True(coLeader.Errors.ContainsKey("MemberId"));
    }

    [Fact]
    public async Task A_note_is_required_and_limited_in_length()
    {
        var empty = await Assert.ThrowsAsync<RuleViolationException>(() => Support.LogAsync(Org.Lea, Entry(Org.Mia, note: ""), default));
        var huge = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Support.LogAsync(Org.Lea, Entry(Org.Mia, note: new string('n', 100_000)), default));

        Assert.True(empty.Errors.ContainsKey("Note"));
        Assert.Contains("at most 2000 characters (it has 100000)", huge.Errors["Note"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notes_are_private_to_their_leader_unless_shared()
    {
        var request = await Org.AskAsync(Org.Mia);
        await Support.LogAsync(Org.Lea, Entry(Org.Mia, request.Id, note: "Private: she seems stressed."), default);
        await Support.LogAsync(Org.Lea, Entry(Org.Mia, request.Id, note: "Shared: booked the training.", shared: true), default);

        var received = await Support.ReceivedAsync(Org.Mia, default);
        var asColin = await Org.Requests.GetAsync(Org.Colin, request.Id, default);
        var asMia = await Org.Requests.GetAsync(Org.Mia, request.Id, default);
        var asLea = await Org.Requests.GetAsync(Org.Lea, request.Id, default);

        Assert.Equal([null, "Shared: booked the training."], received.Select(r => r.Note).OrderBy(n => n));
        Assert.Equal([null, "Shared: booked the training."], asColin.Support.Select(s => s.Note).OrderBy(n => n));
        Assert.Equal([null, "Shared: booked the training."], asMia.Support.Select(s => s.Note).OrderBy(n => n));
        Assert.All(asLea.Support, s => Assert.NotNull(s.Note));
    }

    [Fact]
    public async Task A_leaders_log_holds_only_their_own_entries_with_totals_from_the_database()
    {
        await Support.LogAsync(Org.Lea, Entry(Org.Mia, minutes: 30), default);
        await Support.LogAsync(Org.Lea, Entry(Org.Max, minutes: 90), default);
        var request = await Org.AskAsync(Org.Mia);
        await Support.LogAsync(Org.Lea, Entry(Org.Mia, request.Id, minutes: 15), default);
        await Support.LogAsync(Org.Colin, Entry(Org.Mia, minutes: 600), default);

        var all = await Support.LogAsync(Org.Lea, new SupportLogFilter(), default);
        var miaOnly = await Support.LogAsync(Org.Lea, new SupportLogFilter(MemberId: Org.Mia.PersonId), default);
        var paged = await Support.LogAsync(Org.Lea, new SupportLogFilter(Skip: 2, Take: 2), default);

        Assert.Equal((3, 135, 2), (all.TotalCount, all.TotalMinutes, all.ProactiveCount));
        Assert.Equal(2, miaOnly.TotalCount);
        Assert.All(miaOnly.Rows, r => Assert.Equal("Mia Member", r.MemberName));
        Assert.Single(paged.Rows);
        Assert.Equal(3, paged.TotalCount);
    }

    [Fact]
    public async Task The_log_filters_by_category_and_date_range()
    {
        var old = Entry(Org.Mia);
        old.Date = Db.Clock.Today.AddDays(-40);
        old.Category = SupportCategory.Training;
        await Support.LogAsync(Org.Lea, old, default);
        await Support.LogAsync(Org.Lea, Entry(Org.Mia), default);

        var training = await Support.LogAsync(Org.Lea, new SupportLogFilter(Category: SupportCategory.Training), default);
        var recent = await Support.LogAsync(Org.Lea, new SupportLogFilter(From: Db.Clock.Today.AddDays(-7)), default);
        var empty = await Support.LogAsync(Org.Lea, new SupportLogFilter(To: Db.Clock.Today.AddDays(-100)), default);

        Assert.Equal(SupportCategory.Training, Assert.Single(training.Rows).Category);
        Assert.Equal(Db.Clock.Today, Assert.Single(recent.Rows).Date);
        Assert.Equal((0, 0), (empty.TotalCount, empty.TotalMinutes));
    }

    [Fact]
    public async Task Only_the_author_can_share_a_note()
    {
        var id = await Support.LogAsync(Org.Lea, Entry(Org.Mia), default);

        await Assert.ThrowsAsync<NotFoundException>(() => Support.ShareAsync(Org.Colin, id, true, default));
        await Support.ShareAsync(Org.Lea, id, true, default);

        Assert.Equal("Paired on the release checklist.", Assert.Single(await Support.ReceivedAsync(Org.Mia, default)).Note);
    }

    [Fact]
    public async Task Members_to_serve_lists_only_members_of_teams_the_leader_leads()
    {
        var members = await Support.MembersToServeAsync(Org.Lea, default);
        Assert.Equal(["Max Member", "Mia Member"], members.Select(m => m.Name));
        Assert.Empty(await Support.MembersToServeAsync(Org.Mia, default));
    }
}
