using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.People;
using ServantLeader.Domain.People.Import;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.Tests.People;

[Trait("Area", "Integrations")]
public sealed class OrgChartImportTests : OrganisationTests
{
    private const string Header = "employee id,name,email,team,role,manager employee id";

    private OrgChartImport Import => Db.Get<OrgChartImport>();

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. lines]) + "\r\n");

    private static readonly byte[] Base = Csv(
        "E1,Ana Lima,ana@example.org,Product,leader,",
        "E2,Ben Okafor,ben@example.org,Product,member,E1",
        "E3,Cy Rao,cy@example.org,Platform,member,E1",
        "E3,Cy Rao,cy@example.org,Product,member,E1");

    private async Task<ImportResult> ImportAsync(byte[] file, Actor? who = null)
    {
        var actor = who ?? Org.Hr;
        var preview = await Import.PreviewAsync(actor, file, default);
        Assert.Empty(preview.Problems);
        return await Import.ApplyAsync(actor, file, preview.Fingerprint, default);
    }

    [Fact]
    public async Task The_preview_says_what_will_change_and_writes_nothing()
    {
        var preview = await Import.PreviewAsync(Org.Hr, Base, default);

        Assert.True(preview.CanApply);
        Assert.Equal(4, preview.Rows);
        Assert.Equal(["E1", "E2", "E3"], preview.People.Where(p => p.Kind == PersonChangeKind.Add).Select(p => p.EmployeeId));
        Assert.Equal(4, preview.Memberships.Count);
        Assert.Contains(preview.Memberships, m => m is { EmployeeId: "E1", Team: "Product", Change: "joins as leader" });
        await using var db = Db.NewDb();
        Assert.False(await db.People.AnyAsync(p => p.EmployeeId != null));
        Assert.False(await db.People.AnyAsync(p => p.Email == "ana@example.org"));
    }

    [Fact]
    public async Task Applying_adds_people_teams_and_managers_and_a_second_import_changes_nothing()
    {
        var result = await ImportAsync(Base);
        Assert.Equal((3, 0, 0, 4), (result.Added, result.Changed, result.Deactivated, result.MembershipChanges));

        await using (var db = Db.NewDb())
        {
            var cy = await db.People.SingleAsync(p => p.EmployeeId == "E3");
            var ana = await db.People.SingleAsync(p => p.EmployeeId == "E1");
            Assert.Equal("Cy Rao", cy.DisplayName);
            Assert.Equal(ana.Id, cy.ManagerId);
            Assert.Equal(2, await db.Memberships.CountAsync(m => m.PersonId == cy.Id));
            Assert.True(await db.Memberships.AnyAsync(m => m.PersonId == ana.Id && m.TeamId == Org.Product && m.Role == TeamRole.Leader));
            // A sign-in exists, found by email as Identity finds it, but no password yet.
            var user = await db.Users.SingleAsync(u => u.Id == ana.UserId);
            Assert.Equal("ANA@EXAMPLE.ORG", user.NormalizedEmail);
            Assert.Null(user.PasswordHash);
        }

        var again = await Import.PreviewAsync(Org.Hr, Base, default);
        Assert.False(again.HasChanges);
        Assert.Equal(3, again.Unchanged);
        await Assert.ThrowsAsync<RuleViolationException>(() => Import.ApplyAsync(Org.Hr, Base, again.Fingerprint, default));
    }

    [Fact]
    public async Task Changes_moves_and_people_missing_from_the_file_are_deactivated_not_deleted()
    {
        await ImportAsync(Base);
        var ben = await PersonAsync("E2");
        await Db.Get<ServantLeader.Domain.CheckIns.CheckInWriting>().SubmitAsync(new Actor(ben.Id), new ServantLeader.Domain.CheckIns.CheckInAnswers { TeamId = Org.Product, Pulse = 4 }, default);

        var next = Csv(
            "E1,Ana Lima-Souza,ana.souza@example.org,Product,leader,",
            "E3,Cy Rao,cy@example.org,Platform,leader,");
        var preview = await Import.PreviewAsync(Org.Hr, next, default);
        Assert.Equal(["Ana Lima-Souza"], preview.People.Where(p => p.Kind == PersonChangeKind.Change && p.EmployeeId == "E1").Select(p => p.Name));
        Assert.Contains("email: ana@example.org → ana.souza@example.org", preview.People.Single(p => p.EmployeeId == "E1").Details);
        Assert.Equal("deactivate", preview.People.Single(p => p.EmployeeId == "E2").Kind.ToString().ToLowerInvariant());
        Assert.Contains(preview.Memberships, m => m is { EmployeeId: "E3", Team: "Platform", Change: "becomes leader" });
        Assert.Contains(preview.Memberships, m => m is { EmployeeId: "E3", Team: "Product", Change: "leaves" });
        await Import.ApplyAsync(Org.Hr, next, preview.Fingerprint, default);

        ben = await PersonAsync("E2");
        Assert.False(ben.IsActive);
        await using var db = Db.NewDb();
        Assert.Equal(1, await db.CheckIns.CountAsync(c => c.MemberId == ben.Id));
        var benUser = await db.Users.SingleAsync(u => u.Id == ben.UserId);
        Assert.True(benUser.LockoutEnd > DateTimeOffset.UtcNow.AddYears(100));
        var ana = await PersonAsync("E1");
        Assert.Equal("ana.souza@example.org", ana.Email);
        Assert.Equal("ANA.SOUZA@EXAMPLE.ORG", (await db.Users.SingleAsync(u => u.Id == ana.UserId)).NormalizedUserName);
        // People added by hand, with no employee id, are left alone.
        Assert.True((await db.People.SingleAsync(p => p.Id == Org.Mia.PersonId)).IsActive);

        // Back in a later file: reactivated.
        var back = await Import.PreviewAsync(Org.Hr, Csv(
            "E1,Ana Lima-Souza,ana.souza@example.org,Product,leader,",
            "E2,Ben Okafor,ben@example.org,Product,member,E1",
            "E3,Cy Rao,cy@example.org,Platform,leader,"), default);
        Assert.Contains("reactivated", back.People.Single(p => p.EmployeeId == "E2").Details);
    }

    [Fact]
    public async Task An_email_that_belongs_to_someone_already_imported_is_refused()
    {
        await ImportAsync(Base);
        var preview = await Import.PreviewAsync(Org.Hr, Csv("E1,Ana Lima,ana@example.org,Product,leader,", "E7,Ana Clone,ana@example.org,Platform,member,"), default);
        Assert.Contains(preview.Problems, p => p.Line == 3 && p.Column == OrgChart.EmailColumn);
        var taken = await Import.PreviewAsync(Org.Hr, Csv("E8,Not Ana,ana@example.org,Platform,member,"), default);
        Assert.Contains("already belongs to Ana Lima (employee id E1)", Assert.Single(taken.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_added_by_hand_is_linked_by_email_on_the_first_import()
    {
        var preview = await Import.PreviewAsync(Org.Hr, Csv("E9,Mia Member,miamember@example.org,Product,member,"), default);
        var change = Assert.Single(preview.People);
        Assert.Equal(PersonChangeKind.Change, change.Kind);
        Assert.Equal(["linked to employee id E9"], change.Details);
        Assert.Empty(preview.Memberships);
    }

    [Fact]
    public async Task Row_errors_name_the_line_and_column_and_block_the_import()
    {
        var file = Csv(
            "E1,Ana Lima,ana@example.org,Product,leader,",
            "E2,,ben@example.org,Product,member,",
            "E3,Cy Rao,ana@example.org,Product,member,",
            "E4,Di Kay,di@example.org,Marketing,member,",
            "E5,Ed Fox,ed@example.org,Product,boss,",
            "E6,=cmd|' /C calc'!A0,fox@example.org,Product,member,",
            "E7,Flo Park,not-an-email,Product,member,",
            "E8,Gus Ong,gus@example.org,Product,member,E404",
            "E1,Ana Lima,ana@example.org,Product,member,");

        var preview = await Import.PreviewAsync(Org.Hr, file, default);

        Assert.False(preview.CanApply);
        Assert.Empty(preview.People);
        string At(int line, string column) => Assert.Single(preview.Problems, p => p.Line == line && p.Column == column).Message;
        Assert.Equal("The name is required.", At(3, OrgChart.NameColumn));
        Assert.Contains("also the email of employee id E1 on line 2", At(4, OrgChart.EmailColumn), StringComparison.Ordinal);
        Assert.Contains("no team called “Marketing”", At(5, OrgChart.TeamColumn), StringComparison.Ordinal);
        Assert.Contains("must be leader or member", At(6, OrgChart.RoleColumn), StringComparison.Ordinal);
        Assert.Contains("spreadsheets run as a formula", At(7, OrgChart.NameColumn), StringComparison.Ordinal);
        Assert.Contains("not an email address", At(8, OrgChart.EmailColumn), StringComparison.Ordinal);
        Assert.Contains("E404 is not in the file", At(9, OrgChart.ManagerColumn), StringComparison.Ordinal);
        Assert.Contains("already in Product on line 2", At(10, OrgChart.TeamColumn), StringComparison.Ordinal);
        await Assert.ThrowsAsync<RuleViolationException>(() => Import.ApplyAsync(Org.Hr, file, preview.Fingerprint, default));
        await using var db = Db.NewDb();
        Assert.False(await db.People.AnyAsync(p => p.EmployeeId != null));
    }

    [Theory]
    [InlineData("=SUM(A1)")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    public async Task Formula_cells_are_refused_in_any_column(string cell)
    {
        var preview = await Import.PreviewAsync(Org.Hr, Csv($"E1,Ana,ana@example.org,{cell},member,"), default);
        Assert.Contains(preview.Problems, p => p.Line == 2 && p.Column == OrgChart.TeamColumn && p.Message.Contains("formula", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_in_the_wrong_encoding_is_refused_with_advice()
    {
        var latin1 = Encoding.Latin1.GetBytes(Header + "\nE1,José Müller,jose@example.org,Product,member,\n");
        var preview = await Import.PreviewAsync(Org.Hr, latin1, default);
        var problem = Assert.Single(preview.Problems);
        Assert.Equal(0, problem.Line);
        Assert.Contains("not UTF-8", problem.Message, StringComparison.Ordinal);
        Assert.Contains("CSV UTF-8", problem.Message, StringComparison.Ordinal);

        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Header + "\n")).ToArray();
        Assert.Contains("UTF-16", Assert.Single((await Import.PreviewAsync(Org.Hr, utf16, default)).Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Utf8_with_a_byte_order_mark_semicolons_and_accents_reads_fine()
    {
        var text = "Employee ID;Full Name;Email Address;Team;Role\nE1;José Müller;jose@example.org;product;Member\n";
        var file = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        var preview = await Import.PreviewAsync(Org.Hr, file, default);
        Assert.Empty(preview.Problems);
        Assert.Equal("José Müller", Assert.Single(preview.People).Name);
    }

    [Fact]
    public async Task Missing_columns_are_named()
    {
        var file = Encoding.UTF8.GetBytes("id,name,team\nE1,Ana,Product\n");
        var problem = Assert.Single((await Import.PreviewAsync(Org.Hr, file, default)).Problems);
        Assert.Contains("Missing: email, role.", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_of_100000_rows_is_refused_whole_with_the_count()
    {
        var lines = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < 100_000; i++)
        {
            lines.Append("E").Append(i).Append(",Person ").Append(i).Append(",p").Append(i).Append("@example.org,Product,member,\n");
        }
        var preview = await Import.PreviewAsync(Org.Hr, Encoding.UTF8.GetBytes(lines.ToString()), default);
        var problem = Assert.Single(preview.Problems);
        Assert.Contains("100,000 rows; the most one import takes is 20,000", problem.Message, StringComparison.Ordinal);
        Assert.False(preview.CanApply);
    }

    [Fact]
    public async Task An_import_that_fails_halfway_leaves_nothing_behind()
    {
        // A trigger makes the database refuse the last membership the import writes, after people were inserted.
        await using (var db = Db.NewDb())
        {
            string[] trigger = TestProvider.Postgres
                ?
                [
                    "CREATE FUNCTION refuse_platform() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN " +
                    $"IF NEW.\"TeamId\" = {Org.Platform} THEN RAISE EXCEPTION 'refused by test'; END IF; RETURN NEW; END $$;",
                    "CREATE TRIGGER refuse_platform BEFORE INSERT ON \"Memberships\" FOR EACH ROW EXECUTE FUNCTION refuse_platform();",
                ]
                :
                [
                    $"CREATE TRIGGER refuse_platform BEFORE INSERT ON Memberships WHEN NEW.TeamId = {Org.Platform} " +
                    "BEGIN SELECT RAISE(ABORT, 'refused by test'); END;",
                ];
            foreach (var statement in trigger)
            {
                await db.Database.ExecuteSqlRawAsync(statement);
            }
        }
        var preview = await Import.PreviewAsync(Org.Hr, Base, default);
        await Assert.ThrowsAsync<DbUpdateException>(() => Import.ApplyAsync(Org.Hr, Base, preview.Fingerprint, default));

        await using var check = Db.NewDb();
        Assert.False(await check.People.AnyAsync(p => p.EmployeeId != null));
        Assert.False(await check.Users.AnyAsync(u => u.Email == "ana@example.org"));
        Assert.Equal(4, await check.Memberships.CountAsync(m => m.TeamId == Org.Product));
    }

    [Fact]
    public async Task Applying_refuses_when_the_organisation_changed_after_the_preview()
    {
        await ImportAsync(Base);
        var file = Csv("E1,Ana Lima,ana@example.org,Product,leader,", "E2,Ben Okafor,ben@example.org,Platform,member,E1",
            "E3,Cy Rao,cy@example.org,Platform,member,E1", "E3,Cy Rao,cy@example.org,Product,member,E1");
        var preview = await Import.PreviewAsync(Org.Hr, file, default);

        // Meanwhile an Admin moves Ben by hand, so the preview no longer describes what would happen.
        var ben = await PersonAsync("E2");
        await Db.Get<TeamService>().SetMembershipAsync(Org.Admin, Org.Platform, ben.Id, TeamRole.Leader, default);

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => Import.ApplyAsync(Org.Hr, file, preview.Fingerprint, default));
        Assert.Contains("changed since this preview", error.Errors[RuleViolationException.General][0], StringComparison.Ordinal);
        await using var db = Db.NewDb();
        Assert.True(await db.Memberships.AnyAsync(m => m.PersonId == ben.Id && m.TeamId == Org.Product));
    }

    [Fact]
    public async Task Only_HR_and_admins_import_and_the_importer_is_never_deactivated()
    {
        foreach (var who in new[] { Org.Lea, Org.Mia })
        {
            await Assert.ThrowsAsync<ActionNotAllowedException>(() => Import.PreviewAsync(who, Base, default));
            await Assert.ThrowsAsync<ActionNotAllowedException>(() => Import.ApplyAsync(who, Base, "x", default));
        }
        // HR is in the file once (imported by an Admin: nobody's import changes their own line), then missing from the next one.
        await ImportAsync(Csv("H1,Hanna Hr,hannahr@example.org,Product,member,", "E1,Ana Lima,ana@example.org,Product,leader,"), Org.Admin);
        var preview = await Import.PreviewAsync(Org.Hr, Csv("E1,Ana Lima,ana@example.org,Product,leader,"), default);
        Assert.DoesNotContain(preview.People, p => p.EmployeeId == "H1");
        Assert.Contains(preview.Notes, n => n.Contains("You stay active", StringComparison.Ordinal));
    }

    private async Task<Person> PersonAsync(string employeeId)
    {
        await using var db = Db.NewDb();
        return await db.People.AsNoTracking().SingleAsync(p => p.EmployeeId == employeeId);
    }
}
