using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.OneOnOnes;

namespace ServantLeader.Domain.Tests.OneOnOnes;

[Trait("Area", "CheckIns")]
public sealed class OneOnOneTests : OrganisationTests
{
    private OneOnOneService OneOnOnes => Db.Get<OneOnOneService>();

    private Task<int> MeetingAsync() => OneOnOnes.OpenCurrentAsync(Org.Lea, Org.Lea.PersonId, Org.Mia.PersonId, default);

    [Fact]
    public async Task Each_leader_member_pair_has_a_series_and_only_the_pair_sees_it()
    {
        var id = await MeetingAsync();

        Assert.Equal(id, await OneOnOnes.OpenCurrentAsync(Org.Mia, Org.Lea.PersonId, Org.Mia.PersonId, default));
        foreach (var outsider in new[] { Org.Colin, Org.Max, Org.Otto, Org.Hr, Org.Admin })
        {
            await Assert.ThrowsAsync<NotFoundException>(() => OneOnOnes.GetAsync(outsider, id, default));
        }
        await Assert.ThrowsAsync<NotFoundException>(() => OneOnOnes.OpenCurrentAsync(Org.Otto, Org.Otto.PersonId, Org.Mia.PersonId, default));
        var pairs = await OneOnOnes.PairsAsync(Org.Lea, default);
        Assert.Equal(["Max Member", "Mia Member"], pairs.Select(p => p.MemberName));
        Assert.Equal(["Colin Coleader", "Lea Leader"], (await OneOnOnes.PairsAsync(Org.Mia, default)).Select(p => p.LeaderName).Order());
    }

    [Fact]
    public async Task The_leaders_private_notes_never_reach_the_member()
    {
        var id = await MeetingAsync();
        var meeting = await OneOnOnes.GetAsync(Org.Lea, id, default);
        await OneOnOnes.SaveNotesAsync(Org.Lea, new MeetingNotes
        {
            MeetingId = id, ExpectedVersion = meeting.Version, SharedNotes = "Agreed to pair on Tuesdays.", PrivateNotes = "Seems tired; ask about workload.",
        }, default);

        var asMember = await OneOnOnes.GetAsync(Org.Mia, id, default);
        var asLeader = await OneOnOnes.GetAsync(Org.Lea, id, default);

        Assert.Equal("Agreed to pair on Tuesdays.", asMember.SharedNotes);
        Assert.Null(asMember.PrivateNotes);
        Assert.Equal("Seems tired; ask about workload.", asLeader.PrivateNotes);

        // A member saving the shared notes cannot touch the private ones.
        await OneOnOnes.SaveNotesAsync(Org.Mia, new MeetingNotes
        {
            MeetingId = id, ExpectedVersion = asMember.Version, SharedNotes = "Agreed to pair on Tuesdays and Thursdays.", PrivateNotes = "overwritten?",
        }, default);
        Assert.Equal("Seems tired; ask about workload.", (await OneOnOnes.GetAsync(Org.Lea, id, default)).PrivateNotes);
    }

    [Fact]
    public async Task Marking_as_held_opens_the_next_meeting_with_unfinished_points_and_open_actions()
    {
        var id = await MeetingAsync();
        await OneOnOnes.AddAgendaItemAsync(Org.Mia, id, "Career path", default);
        await OneOnOnes.AddAgendaItemAsync(Org.Lea, id, "Conference budget", default);
        var meeting = await OneOnOnes.GetAsync(Org.Lea, id, default);
        await OneOnOnes.SetDiscussedAsync(Org.Lea, meeting.Agenda.Single(a => a.Text == "Conference budget").Id, true, default);
        await OneOnOnes.AddActionItemAsync(Org.Lea, new NewActionItem { MeetingId = id, Text = "Book the course", OwnerId = Org.Lea.PersonId }, default);
        await OneOnOnes.AddActionItemAsync(Org.Mia, new NewActionItem { MeetingId = id, Text = "Draft the talk", OwnerId = Org.Mia.PersonId, DueOn = Db.Clock.Today.AddDays(10) }, default);
        meeting = await OneOnOnes.GetAsync(Org.Lea, id, default);
        await OneOnOnes.SetActionItemDoneAsync(Org.Mia, meeting.ActionItems.Single(a => a.Text == "Draft the talk").Id, true, default);

        var nextId = await OneOnOnes.MarkHeldAsync(Org.Lea, id, Db.Clock.Today.AddDays(7), default);

        var held = await OneOnOnes.GetAsync(Org.Mia, id, default);
        var next = await OneOnOnes.GetAsync(Org.Mia, nextId, default);
        Assert.Equal(MeetingStatus.Held, held.Status);
        Assert.Equal(nextId, held.NextMeetingId);
        Assert.Equal(["Conference budget"], held.Agenda.Select(a => a.Text));
        Assert.Equal(["Career path"], next.Agenda.Select(a => a.Text));
        Assert.Equal(["Book the course"], next.ActionItems.Select(a => a.Text));
        Assert.True(next.ActionItems[0].FromEarlierMeeting);
        Assert.Equal(Db.Clock.Today.AddDays(7), next.PlannedFor);
        Assert.Equal([id], next.Earlier.Select(e => e.Id));
        await Assert.ThrowsAsync<ActionNotAllowedException>(() => OneOnOnes.AddAgendaItemAsync(Org.Mia, id, "Too late", default));
    }

    [Fact]
    public async Task Only_the_leader_marks_a_1_1_as_held()
    {
        var id = await MeetingAsync();

        await Assert.ThrowsAsync<ActionNotAllowedException>(() => OneOnOnes.MarkHeldAsync(Org.Mia, id, null, default));
        await Assert.ThrowsAsync<NotFoundException>(() => OneOnOnes.MarkHeldAsync(Org.Otto, id, null, default));
    }

    [Fact]
    public async Task An_action_belongs_to_one_of_the_pair()
    {
        var id = await MeetingAsync();

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => OneOnOnes.AddActionItemAsync(Org.Lea,
            new NewActionItem { MeetingId = id, Text = "Ask Max", OwnerId = Org.Max.PersonId }, default));
        Assert.True(error.Errors.ContainsKey("OwnerId"));
    }

    [Fact]
    public async Task A_leader_sends_an_item_from_a_check_in_to_the_next_1_1()
    {
        var checkInId = await Db.Get<CheckInWriting>().SubmitAsync(Org.Mia, new CheckInAnswers
        {
            TeamId = Org.Product, Pulse = 2, Challenges = "Too many meetings",
        }, default);

        var meetingId = await OneOnOnes.SendFromCheckInAsync(Org.Lea, checkInId, "Talk about: Too many meetings", default);

        var item = Assert.Single((await OneOnOnes.GetAsync(Org.Mia, meetingId, default)).Agenda);
        Assert.Equal(("Talk about: Too many meetings", checkInId), (item.Text, item.CheckInId));
        await Assert.ThrowsAsync<NotFoundException>(() => OneOnOnes.SendFromCheckInAsync(Org.Otto, checkInId, "x", default));
    }
}
