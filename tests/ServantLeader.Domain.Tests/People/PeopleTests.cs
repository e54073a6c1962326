using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.People;

namespace ServantLeader.Domain.Tests.People;

[Trait("Area", "Foundation")]
public sealed class PeopleTests : DatabaseTests
{
    private Actor _admin = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await Db.PersonAsync("Adam Admin", isAdmin: true);
    }

    private PeopleService People => Db.Get<PeopleService>();

    private static PersonDraft Draft(string email = "new.person@example.org") =>
        new() { DisplayName = "New Person", Email = email, Password = "a-good-first-password" };

    [Fact]
    public async Task Only_an_admin_manages_people()
    {
        var member = await Db.PersonAsync("Mia Member");
        var hr = await Db.PersonAsync("Hanna Hr", isHr: true);

        await Assert.ThrowsAsync<ActionNotAllowedException>(() => People.CreateAsync(member, Draft(), default));
        await Assert.ThrowsAsync<ActionNotAllowedException>(() => People.ListAsync(hr, default));
        await Assert.ThrowsAsync<ActionNotAllowedException>(() => People.SetActiveAsync(hr, member.PersonId, false, default));
    }

    [Fact]
    public async Task A_duplicate_email_or_a_weak_password_is_refused_and_nothing_is_half_created()
    {
        await People.CreateAsync(_admin, Draft(), default);

        var duplicate = await Assert.ThrowsAsync<RuleViolationException>(() => People.CreateAsync(_admin, Draft(), default));
        var weak = Draft("other@example.org");
        weak.Password = "short";
        var weakError = await Assert.ThrowsAsync<RuleViolationException>(() => People.CreateAsync(_admin, weak, default));

        Assert.Equal("Someone else already has this email address.", Assert.Single(duplicate.Errors["Email"]));
        Assert.True(weakError.Errors.ContainsKey("Password"));
        await using var db = Db.NewDb();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "other@example.org"));
        Assert.Equal(2, await db.People.CountAsync());
    }

    [Fact]
    public async Task Deactivating_locks_the_sign_in_for_good_and_keeps_the_person()
    {
        var member = await Db.PersonAsync("Mia Member");

        await People.SetActiveAsync(_admin, member.PersonId, false, default);

        Assert.True(await IsLockedOutAsync("miamember@example.org"));
        var profile = await People.ProfileAsync(member.PersonId, default);
        Assert.False(profile!.IsActive);

        await People.SetActiveAsync(_admin, member.PersonId, true, default);
        Assert.False(await IsLockedOutAsync("miamember@example.org"));
    }

    private async Task<bool> IsLockedOutAsync(string email)
    {
        await using var scope = Db.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        return await users.IsLockedOutAsync((await users.FindByEmailAsync(email))!);
    }

    [Fact]
    public async Task An_admin_cannot_lock_themselves_out()
    {
        await Assert.ThrowsAsync<RuleViolationException>(() => People.SetActiveAsync(_admin, _admin.PersonId, false, default));
        var self = new PersonDraft { DisplayName = "Adam Admin", Email = "adamadmin@example.org", IsAdmin = false };
        await Assert.ThrowsAsync<RuleViolationException>(() => People.UpdateAsync(_admin, _admin.PersonId, self, default));
    }

    [Fact]
    public async Task The_first_admin_can_be_created_only_while_there_is_none()
    {
        var error = await Assert.ThrowsAsync<ActionNotAllowedException>(() =>
            People.CreateFirstAdminAsync("Eve", "eve@example.org", "take-over-attempt", default));
        Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roles_can_be_granted_and_removed()
    {
        var member = await Db.PersonAsync("Mia Member");
        var draft = new PersonDraft { DisplayName = "Mia M.", Email = "mia@example.org", IsHr = true };

        await People.UpdateAsync(_admin, member.PersonId, draft, default);

        var row = (await People.ListAsync(_admin, default)).Single(p => p.Id == member.PersonId);
        Assert.Equal(("Mia M.", "mia@example.org", true, false), (row.DisplayName, row.Email, row.IsHr, row.IsAdmin));
    }
}
