using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Audit;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.People;
using ServantLeader.Domain.Requests;
using ServantLeader.Domain.Support;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Tests.Audit;

[Trait("Area", "Security")]
public sealed class AuditLogTests : OrganisationTests
{
    private AuditLog Audit => Db.Get<AuditLog>();

    [Fact]
    public async Task Requests_support_memberships_and_roles_are_recorded_with_who_and_when_and_without_private_words()
    {
        var request = await Org.AskAsync(Org.Mia, "Private title about my health");
        Db.Clock.Advance(TimeSpan.FromMinutes(5));
        await Org.Requests.AcknowledgeAsync(Org.Lea, Organisation.Respond(request, "A private note"), default);
        await Org.Support.LogAsync(Org.Lea, new LogSupport
        {
            MemberId = Org.Mia.PersonId, TeamId = Org.Product, RequestId = request.Id, Category = SupportCategory.Coaching,
            Minutes = 45, Date = Db.Clock.Today, Note = "Private support note",
        }, default);
        await Db.Get<TeamService>().SetMembershipAsync(Org.Admin, Org.Platform, Org.Max.PersonId, TeamRole.Leader, default);
        await Db.Get<PeopleService>().UpdateAsync(Org.Admin, Org.Max.PersonId, new PersonDraft
        {
            DisplayName = "Max Member", Email = "maxmember@example.org", IsHr = true,
        }, default);

        var page = await Audit.ReadAsync(Org.Admin, null, 0, default);
        var actions = page.Rows.Select(r => r.Action).ToList();
        Assert.Equal(["person.changed", "membership.added", "support.logged", "request.acknowledged", "request.created"], actions.Take(5));
        var acknowledged = page.Rows.Single(r => r.Action == "request.acknowledged");
        Assert.Equal("Lea Leader", acknowledged.ActorName);
        Assert.Equal(request.Id, acknowledged.SubjectId);
        Assert.Equal(Db.Clock.Now, acknowledged.At);
        Assert.Equal("Max Member: HR role given.", page.Rows.First(r => r.Action == "person.changed").Description);
        Assert.Equal("Adam Admin (Admin) made Max Member a leader of Platform.", page.Rows.First(r => r.Action == "membership.added").Description);
        Assert.Contains("45 min of support for Mia Member in Product", page.Rows.Single(r => r.Action == "support.logged").Description, StringComparison.Ordinal);
        foreach (var row in page.Rows)
        {
            Assert.DoesNotContain("Private", row.Description, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(["request.acknowledged", "request.created"], (await Audit.ReadAsync(Org.Admin, "request", 0, default)).Rows.Select(r => r.Action));
    }

    [Fact]
    public async Task Only_admins_read_it()
    {
        foreach (var who in new[] { Org.Hr, Org.Lea, Org.Mia })
        {
            await Assert.ThrowsAsync<ActionNotAllowedException>(() => Audit.ReadAsync(who, null, 0, default));
        }
    }

    [Fact]
    public async Task A_failed_change_records_nothing()
    {
        var before = (await Audit.ReadAsync(Org.Admin, null, 0, default)).Total;
        await Assert.ThrowsAsync<RuleViolationException>(() => Org.Requests.AskAsync(Org.Mia, Org.Ask(""), default));
        Assert.Equal(before, (await Audit.ReadAsync(Org.Admin, null, 0, default)).Total);
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_an_entry()
    {
        await Org.AskAsync(Org.Mia);
        await using var db = Db.NewDb();
        var update = () => db.AuditLog.ExecuteUpdateAsync(s => s.SetProperty(a => a.Description, "rewritten"));
        var delete = () => db.AuditLog.ExecuteDeleteAsync();

        Assert.Contains("The audit log cannot be changed", (await Assert.ThrowsAnyAsync<Exception>(update)).Message, StringComparison.Ordinal);
        Assert.Contains("The audit log cannot be changed", (await Assert.ThrowsAnyAsync<Exception>(delete)).Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await db.AuditLog.Select(a => a.Description).ToListAsync(), d => d == "rewritten");
        Assert.NotEqual(0, await db.AuditLog.CountAsync());
    }
}
