using System.Text;
using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.People;
using ServantLeader.Domain.People.Import;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Tests.Dashboard;

/// <summary>
/// Memberships end instead of being deleted, by every path that changes a team: an Admin ending one, a role change, a
/// return, deactivation and reactivation, and the org-chart import (docs/metrics.md, "The team as it was").
/// </summary>
[Trait("Area", "Dashboard")]
public sealed class MembershipHistoryTests : OrganisationTests
{
    private TeamService Teams => Db.Get<TeamService>();

    private async Task<List<Membership>> HistoryAsync(int personId)
    {
        await using var db = Db.NewDb();
        return await db.Memberships.IgnoreQueryFilters().Where(m => m.PersonId == personId).OrderBy(m => m.Id).ToListAsync();
    }

    [Fact]
    public async Task Ending_a_membership_keeps_it_with_its_dates_and_a_return_opens_a_new_one()
    {
        var page = await Teams.GetAsync(Org.Admin, Org.Product, default);
        var mia = page.Members.Single(m => m.PersonId == Org.Mia.PersonId);
        var joined = mia.Since;
        Db.Clock.Advance(TimeSpan.FromDays(3));
        await Teams.EndMembershipAsync(Org.Admin, mia.MembershipId, default);

        var after = await Teams.GetAsync(Org.Admin, Org.Product, default);
        Assert.DoesNotContain(after.Members, m => m.PersonId == Org.Mia.PersonId);
        var past = Assert.Single(after.Past, p => p.PersonId == Org.Mia.PersonId);
        Assert.Equal((TeamRole.Member, joined, Db.Clock.Now, MembershipEnd.Left), (past.Role, past.Since, past.Until, past.EndedBecause));
        await using (var db = Db.NewDb())
        {
            Assert.Contains(await db.AuditLog.Select(a => a.Description).ToListAsync(), d => d == "Mia Member left Product.");
        }
        // A second end of the same membership finds nothing current.
        await Assert.ThrowsAsync<NotFoundException>(() => Teams.EndMembershipAsync(Org.Admin, mia.MembershipId, default));

        Db.Clock.Advance(TimeSpan.FromDays(1));
        await Teams.SetMembershipAsync(Org.Admin, Org.Product, Org.Mia.PersonId, TeamRole.Member, default);
        var history = (await HistoryAsync(Org.Mia.PersonId)).Where(m => m.TeamId == Org.Product).ToList();
        Assert.Equal(2, history.Count);
        Assert.Equal((Db.Clock.Now, (DateTimeOffset?)null), (history[1].Since, history[1].Until));
    }

    [Fact]
    public async Task A_role_change_ends_the_old_role_and_opens_the_new_one_from_now()
    {
        Db.Clock.Advance(TimeSpan.FromDays(2));
        await Teams.SetMembershipAsync(Org.Admin, Org.Product, Org.Max.PersonId, TeamRole.Leader, default);

        var history = (await HistoryAsync(Org.Max.PersonId)).Where(m => m.TeamId == Org.Product).ToList();
        Assert.Equal([(TeamRole.Member, MembershipEnd.RoleChanged), (TeamRole.Leader, (MembershipEnd?)null)],
            history.Select(m => (m.Role, m.EndedBecause)).ToList());
        Assert.Equal(history[0].Until, history[1].Since);
        Assert.Equal(Db.Clock.Now, history[1].Since);
        var page = await Teams.GetAsync(Org.Lea, Org.Product, default);
        Assert.Contains(page.Leaders, l => l.PersonId == Org.Max.PersonId);
        Assert.Contains(page.Past, p => p.PersonId == Org.Max.PersonId && p.EndedBecause == MembershipEnd.RoleChanged);
        // Members see today's team only.
        Assert.Empty((await Teams.GetAsync(Org.Mia, Org.Product, default)).Past);
    }

    [Fact]
    public async Task Deactivation_ends_every_membership_and_reactivation_reopens_those_it_ended()
    {
        var people = Db.Get<PeopleService>();
        await Teams.SetMembershipAsync(Org.Admin, Org.Platform, Org.Mia.PersonId, TeamRole.Member, default);
        Db.Clock.Advance(TimeSpan.FromDays(1));
        // Mia leaves Platform first: coming back later must not put her in it again.
        var platform = await Teams.GetAsync(Org.Admin, Org.Platform, default);
        await Teams.EndMembershipAsync(Org.Admin, platform.Members.Single(m => m.PersonId == Org.Mia.PersonId).MembershipId, default);
        Db.Clock.Advance(TimeSpan.FromDays(1));
        await people.SetActiveAsync(Org.Admin, Org.Mia.PersonId, active: false, default);
        var deactivatedAt = Db.Clock.Now;

        var ended = await HistoryAsync(Org.Mia.PersonId);
        Assert.All(ended, m => Assert.NotNull(m.Until));
        Assert.Contains(ended, m => m.TeamId == Org.Product && m.EndedBecause == MembershipEnd.Deactivated && m.Until == deactivatedAt);

        Db.Clock.Advance(TimeSpan.FromDays(5));
        await people.SetActiveAsync(Org.Admin, Org.Mia.PersonId, active: true, default);
        var current = (await HistoryAsync(Org.Mia.PersonId)).Where(m => m.Until is null).ToList();
        var back = Assert.Single(current);
        Assert.Equal((Org.Product, TeamRole.Member, Db.Clock.Now), (back.TeamId, back.Role, back.Since));

        // Reactivating someone already active opens nothing more.
        await people.SetActiveAsync(Org.Admin, Org.Mia.PersonId, active: true, default);
        Assert.Single(await HistoryAsync(Org.Mia.PersonId), m => m.Until is null);
    }

    [Fact]
    public async Task The_import_ends_memberships_changes_roles_by_a_new_membership_and_ends_them_on_deactivation()
    {
        var import = Db.Get<OrgChartImport>();
        async Task ImportAsync(params string[] lines)
        {
            var file = Encoding.UTF8.GetBytes(string.Join("\r\n", ["employee id,name,email,team,role,manager employee id", .. lines]) + "\r\n");
            var preview = await import.PreviewAsync(Org.Hr, file, default);
            Assert.Empty(preview.Problems);
            await import.ApplyAsync(Org.Hr, file, preview.Fingerprint, default);
        }
        await ImportAsync(
            "E1,Ana Lima,ana@example.org,Product,member,",
            "E2,Ben Okafor,ben@example.org,Product,member,",
            "E2,Ben Okafor,ben@example.org,Platform,member,",
            "E3,Cy Rao,cy@example.org,Platform,member,");
        Db.Clock.Advance(TimeSpan.FromDays(7));
        // Ana becomes a leader, Ben leaves Platform, Cy is missing: deactivated.
        await ImportAsync(
            "E1,Ana Lima,ana@example.org,Product,leader,",
            "E2,Ben Okafor,ben@example.org,Product,member,");

        await using var db = Db.NewDb();
        var ids = await db.People.Where(p => p.EmployeeId != null).ToDictionaryAsync(p => p.EmployeeId!, p => p.Id);
        var all = await db.Memberships.IgnoreQueryFilters().Where(m => ids.Values.Contains(m.PersonId)).ToListAsync();
        string Of(string employee) => string.Join("; ", all.Where(m => m.PersonId == ids[employee]).OrderBy(m => m.Id)
            .Select(m => $"{m.TeamId}:{m.Role}:{m.EndedBecause?.ToString() ?? "current"}"));
        Assert.Equal($"{Org.Product}:Member:RoleChanged; {Org.Product}:Leader:current", Of("E1"));
        Assert.Equal($"{Org.Product}:Member:current; {Org.Platform}:Member:Left", Of("E2"));
        Assert.Equal($"{Org.Platform}:Member:Deactivated", Of("E3"));
        Assert.All(all.Where(m => m.Until is not null), m => Assert.Equal(Db.Clock.Now, m.Until));

        // Back in a later file: the file's lines decide their teams again, from then.
        Db.Clock.Advance(TimeSpan.FromDays(1));
        await ImportAsync(
            "E1,Ana Lima,ana@example.org,Product,leader,",
            "E2,Ben Okafor,ben@example.org,Product,member,",
            "E3,Cy Rao,cy@example.org,Product,member,");
        var cy = await db.Memberships.IgnoreQueryFilters().Where(m => m.PersonId == ids["E3"]).OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(2, cy.Count);
        Assert.Equal((Org.Product, Db.Clock.Now, (DateTimeOffset?)null), (cy[1].TeamId, cy[1].Since, cy[1].Until));
    }
}
