using System.Text;
using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Audit;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.People;
using ServantLeader.Domain.People.Import;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Tests.People;

/// <summary>
/// Nobody grants themselves access to individuals' words: not through the team pages, the people pages or the import.
/// A second person must do it, and a new leader is announced to the team's members.
/// </summary>
[Trait("Area", "Trust")]
[Trait("Area", "Security")]
public sealed class SeparationOfDutiesTests : OrganisationTests
{
    private const string Header = "employee id,name,email,team,role,manager employee id";
    private const string OwnTeams = "Nobody changes their own teams or roles";

    private TeamService Teams => Db.Get<TeamService>();
    private PeopleService People => Db.Get<PeopleService>();
    private OrgChartImport Import => Db.Get<OrgChartImport>();

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. lines]) + "\r\n");

    private async Task<IReadOnlyList<string>> NotificationsOfAsync(Actor who)
    {
        await using var db = Db.NewDb();
        return await db.Notifications.Where(n => n.RecipientId == who.PersonId).OrderBy(n => n.Id).Select(n => n.Text).ToListAsync();
    }

    private async Task<IReadOnlyList<AuditRow>> AuditAsync(string subjectType) =>
        (await Db.Get<AuditLog>().ReadAsync(Org.Admin, subjectType, 0, default)).Rows;

    [Fact]
    public async Task An_admin_cannot_make_themselves_a_leader_on_the_team_pages_and_a_second_admin_can_with_the_members_told()
    {
        var request = await Org.AskAsync(Org.Mia, "Marker request title");

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Teams.SetMembershipAsync(Org.Admin, Org.Product, Org.Admin.PersonId, TeamRole.Leader, default));

        Assert.Contains(OwnTeams, Assert.Single(refused.Errors["PersonId"]), StringComparison.Ordinal);
        await Assert.ThrowsAsync<NotFoundException>(() => Org.Requests.GetAsync(Org.Admin, request.Id, default));
        Assert.DoesNotContain(await NotificationsOfAsync(Org.Mia), t => t.Contains("a leader of", StringComparison.Ordinal));

        var second = await Db.PersonAsync("Ada Second", isAdmin: true);
        await Teams.SetMembershipAsync(second, Org.Product, Org.Admin.PersonId, TeamRole.Leader, default);

        const string told = "Ada Second (Admin) made Adam Admin a leader of Product.";
        Assert.Contains(await NotificationsOfAsync(Org.Mia), t => t.StartsWith(told, StringComparison.Ordinal));
        Assert.Contains(await NotificationsOfAsync(Org.Max), t => t.StartsWith(told, StringComparison.Ordinal));
        Assert.DoesNotContain(await NotificationsOfAsync(Org.Pia), t => t.Contains("a leader of", StringComparison.Ordinal));
        var entry = (await AuditAsync("membership"))[0];
        Assert.Equal(("membership.added", "Ada Second", told), (entry.Action, entry.ActorName, entry.Description));
    }

    [Fact]
    public async Task Nobody_removes_or_changes_their_own_membership_either()
    {
        var second = await Db.PersonAsync("Ada Second", isAdmin: true);
        await Teams.SetMembershipAsync(second, Org.Platform, Org.Admin.PersonId, TeamRole.Member, default);
        var membership = (await Teams.GetAsync(Org.Admin, Org.Platform, default)).Members.Single(m => m.PersonId == Org.Admin.PersonId);

        await Assert.ThrowsAsync<RuleViolationException>(() =>
            Teams.SetMembershipAsync(Org.Admin, Org.Platform, Org.Admin.PersonId, TeamRole.Leader, default));
        await Assert.ThrowsAsync<RuleViolationException>(() => Teams.EndMembershipAsync(Org.Admin, membership.MembershipId, default));

        var team = await Teams.GetAsync(Org.Admin, Org.Platform, default);
        Assert.Contains(team.Members, m => m.PersonId == Org.Admin.PersonId);
        Assert.DoesNotContain(team.Leaders, m => m.PersonId == Org.Admin.PersonId);
    }

    [Fact]
    public async Task An_admin_cannot_change_their_own_roles_on_the_people_pages()
    {
        var self = new PersonDraft { DisplayName = "Adam Admin", Email = "adamadmin@example.org", IsAdmin = true, IsHr = true };

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => People.UpdateAsync(Org.Admin, Org.Admin.PersonId, self, default));

        Assert.Contains(OwnTeams, Assert.Single(refused.Errors["IsHr"]), StringComparison.Ordinal);
        var row = (await People.ListAsync(Org.Admin, default)).Single(p => p.Id == Org.Admin.PersonId);
        Assert.False(row.IsHr);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_importers_own_line_is_left_as_it_is_and_said_so_and_gives_them_nothing(bool byAdmin)
    {
        var importer = byAdmin ? Org.Admin : Org.Hr;
        var email = byAdmin ? "adamadmin@example.org" : "hannahr@example.org";
        var request = await Org.AskAsync(Org.Mia, "Marker request title");
        var file = Csv($"H1,Me Myself,{email},Product,leader,", "E2,Ben Okafor,ben@example.org,Platform,member,");

        var preview = await Import.PreviewAsync(importer, file, default);
        Assert.Empty(preview.Problems);
        await Import.ApplyAsync(importer, file, preview.Fingerprint, default);

        await Assert.ThrowsAsync<NotFoundException>(() => Org.Requests.GetAsync(importer, request.Id, default));
        Assert.Empty(await Teams.MyTeamsAsync(importer, default));
        Assert.Contains(preview.Notes, n => n.StartsWith("Line 2 is about you", StringComparison.Ordinal));
        Assert.DoesNotContain(preview.Memberships, m => m.EmployeeId == "H1");
        var me = await People.ProfileAsync(importer.PersonId, default);
        Assert.NotEqual("Me Myself", me!.DisplayName);
    }

    [Fact]
    public async Task A_new_leader_from_the_import_is_announced_to_the_teams_members_and_audited_by_name()
    {
        var file = Csv("E1,Otto Other,ottoother@example.org,Platform,leader,", "E1,Otto Other,ottoother@example.org,Product,leader,");
        var preview = await Import.PreviewAsync(Org.Hr, file, default);
        await Import.ApplyAsync(Org.Hr, file, preview.Fingerprint, default);

        const string told = "Hanna Hr (HR) made Otto Other a leader of Product.";
        Assert.Contains(await NotificationsOfAsync(Org.Mia), t => t.StartsWith(told, StringComparison.Ordinal));
        Assert.Contains(await NotificationsOfAsync(Org.Max), t => t.StartsWith(told, StringComparison.Ordinal));
        Assert.DoesNotContain(await NotificationsOfAsync(Org.Lea), t => t.Contains("a leader of", StringComparison.Ordinal));
        var entry = Assert.Single(await AuditAsync("membership"), r => r.Action == "membership.added" && r.ActorName == "Hanna Hr");
        Assert.Equal(("Hanna Hr", told), (entry.ActorName, entry.Description));
    }

    [Fact]
    public async Task Hr_cannot_change_an_admins_email_or_deactivate_them_through_the_import()
    {
        // HR links the Admin to an employee id (allowed: nothing about the sign-in changes).
        var link = Csv("A1,Adam Admin,adamadmin@example.org,Platform,member,");
        await Import.ApplyAsync(Org.Hr, link, (await Import.PreviewAsync(Org.Hr, link, default)).Fingerprint, default);

        var newEmail = await Import.PreviewAsync(Org.Hr, Csv("A1,Adam Admin,adam.elsewhere@example.org,Platform,member,"), default);
        var emailProblem = Assert.Single(newEmail.Problems);
        Assert.Equal((2, OrgChart.EmailColumn), (emailProblem.Line, emailProblem.Column));
        Assert.Contains("Only an administrator can deactivate an administrator or change their sign-in email", emailProblem.Message, StringComparison.Ordinal);
        Assert.False(newEmail.CanApply);

        var missing = await Import.PreviewAsync(Org.Hr, Csv("E2,Ben Okafor,ben@example.org,Platform,member,"), default);
        Assert.Contains(missing.Problems, p => p.Message.StartsWith("Adam Admin (employee id A1) is an administrator and is not in the file", StringComparison.Ordinal));
        Assert.False(missing.CanApply);

        var profile = await People.ProfileAsync(Org.Admin.PersonId, default);
        Assert.Equal(("adamadmin@example.org", true), (profile!.Email, profile.IsActive));
        // Another administrator may.
        var second = await Db.PersonAsync("Ada Second", isAdmin: true);
        Assert.True((await Import.PreviewAsync(second, Csv("E2,Ben Okafor,ben@example.org,Platform,member,"), default)).CanApply);
        await Assert.ThrowsAsync<ActionNotAllowedException>(() => People.SetActiveAsync(Org.Hr, Org.Admin.PersonId, false, default));
    }
}
