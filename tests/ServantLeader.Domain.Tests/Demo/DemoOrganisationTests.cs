using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.CheckIns;
using ServantLeader.Domain.Demo;
using ServantLeader.Domain.Feedback;
using ServantLeader.Domain.OneOnOnes;
using ServantLeader.Domain.Requests;

namespace ServantLeader.Domain.Tests.Demo;

[Trait("Area", "Foundation")]
public sealed class DemoOrganisationTests : DatabaseTests
{
    [Fact]
    public async Task Seeds_three_teams_seventeen_people_and_twelve_weeks_of_requests_check_ins_one_on_ones_and_credit_once()
    {
        var demo = Db.Get<DemoOrganisation>();

        Assert.True(await demo.SeedAsync(default));
        Assert.False(await demo.SeedAsync(default));

        await using var db = Db.NewDb();
        Assert.Equal(3, await db.Teams.CountAsync());
        Assert.Equal(17, await db.People.CountAsync());
        var requests = await db.ServiceRequests.Select(r => r.CreatedAt).ToListAsync();
        Assert.InRange(requests.Count, 36, 72);
        Assert.True(requests.Min() < Db.Clock.Now.AddDays(-70), "history should reach back about twelve weeks");
        Assert.True(requests.Max() > Db.Clock.Now.AddDays(-14), "history should come up to the present");
        Assert.True(await db.SupportEntries.AnyAsync(s => s.RequestId == null), "some support is proactive");
        Assert.True(await db.SupportEntries.AnyAsync(s => s.RequestId != null), "some support answers a request");
        Assert.True(await db.ServiceRequests.AnyAsync(r => r.Status == RequestStatus.Open || r.Status == RequestStatus.Acknowledged));
        Assert.True(await db.ServiceRequests.AnyAsync(r => r.Rating != null));
        Assert.InRange(await db.CheckIns.CountAsync(), 80, 200);
        Assert.True(await db.CheckIns.AnyAsync(c => c.Status == CheckInStatus.Submitted), "some check-ins wait for review");
        Assert.True(await db.CheckIns.MinAsync(c => c.PeriodDue) < DateOnly.FromDateTime(Db.Clock.Now.UtcDateTime).AddDays(-70));
        Assert.True(await db.OneOnOnes.CountAsync(o => o.Status == MeetingStatus.Held) >= 12 * 5);
        Assert.Equal(13, await db.OneOnOnes.CountAsync(o => o.Status == MeetingStatus.Upcoming));
        Assert.True(await db.Credits.CountAsync() >= 20);
        Assert.Equal(3, await db.FeedbackRounds.CountAsync());
        // The spring round asked the quarterly pulse, so results show the index over two rounds and both instruments.
        Assert.Equal(DefaultInstrument.PulseKey, await db.FeedbackRounds.Where(r => r.Name.StartsWith("Spring")).Select(r => r.Instrument.SeedKey).SingleAsync());
        Assert.True(await db.FeedbackResponses.CountAsync() > 20);
        Assert.Equal(await db.FeedbackResponses.CountAsync(), await db.FeedbackParticipation.CountAsync(p => p.HasAnswered));
        Assert.Equal(DemoOrganisation.SignIns.Select(s => s.Email).Distinct().Count(), await db.People.CountAsync());
    }
}
