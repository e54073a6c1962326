using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Credits;

namespace ServantLeader.Domain.Tests.Credits;

[Trait("Area", "CheckIns")]
public sealed class CreditTests : OrganisationTests
{
    private CreditService Credits => Db.Get<CreditService>();

    [Fact]
    public async Task Anyone_can_thank_a_teammate_in_public()
    {
        await Credits.GiveAsync(Org.Max, new GiveCredit { TeamId = Org.Product, ReceiverId = Org.Mia.PersonId, Message = "Thanks for the review on Friday!" }, default);
        Db.Clock.Advance(TimeSpan.FromMinutes(1));
        await Credits.GiveAsync(Org.Mia, new GiveCredit { TeamId = Org.Product, ReceiverId = Org.Lea.PersonId, Message = "Thanks for clearing the budget." }, default);

        var credit = await Credits.ForTeamAsync(Org.Product, 10, default);

        Assert.Equal([("Mia Member", "Lea Leader"), ("Max Member", "Mia Member")], credit.Select(c => (c.GiverName, c.ReceiverName)));
    }

    [Fact]
    public async Task Credit_goes_to_someone_else_in_a_shared_team_with_a_message()
    {
        var self = await Assert.ThrowsAsync<RuleViolationException>(() => Credits.GiveAsync(Org.Mia,
            new GiveCredit { TeamId = Org.Product, ReceiverId = Org.Mia.PersonId, Message = "Me!" }, default));
        var stranger = await Assert.ThrowsAsync<RuleViolationException>(() => Credits.GiveAsync(Org.Mia,
            new GiveCredit { TeamId = Org.Platform, ReceiverId = Org.Pia.PersonId, Message = "Thanks" }, default));
        var empty = await Assert.ThrowsAsync<RuleViolationException>(() => Credits.GiveAsync(Org.Mia,
            new GiveCredit { TeamId = Org.Product, ReceiverId = Org.Max.PersonId, Message = "" }, default));

        Assert.Equal("Credit is for someone else.", Assert.Single(self.Errors["ReceiverId"]));
        Assert.Equal("You can thank people in a team you share.", Assert.Single(stranger.Errors["ReceiverId"]));
        Assert.True(empty.Errors.ContainsKey("Message"));
        Assert.Empty(await Credits.ForTeamAsync(Org.Product, 10, default));
    }

    [Fact]
    public async Task Only_the_members_leader_links_credit_to_a_win_from_their_check_in()
    {
        var checkInId = await Db.Get<CheckInWriting>().SubmitAsync(Org.Mia,
            new CheckInAnswers { TeamId = Org.Product, Pulse = 5, Wins = "Closed the biggest deal of the quarter" }, default);

        await Assert.ThrowsAsync<RuleViolationException>(() => Credits.GiveAsync(Org.Max,
            new GiveCredit { TeamId = Org.Product, ReceiverId = Org.Mia.PersonId, Message = "Well done", CheckInId = checkInId }, default));
        await Credits.GiveAsync(Org.Lea,
            new GiveCredit { TeamId = Org.Product, ReceiverId = Org.Mia.PersonId, Message = "Huge win on the deal!", CheckInId = checkInId }, default);

        var credit = Assert.Single(await Credits.ForTeamAsync(Org.Product, 10, default));
        Assert.True(credit.ForCheckInWin);
        Assert.DoesNotContain("biggest deal", credit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Teammates_are_everyone_who_shares_a_team()
    {
        var teammates = await Credits.TeammatesAsync(Org.Mia, default);
        Assert.Equal(["Colin Coleader", "Lea Leader", "Max Member"], teammates.Select(t => t.Name));
    }
}
