using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ServantLeader.Domain.Audit;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Notifications;
using ServantLeader.Domain.People;

namespace ServantLeader.Domain.Tests.People;

/// <summary>Password resets by someone else are told and audited; access can be recovered when no Admin can sign in.</summary>
[Trait("Area", "Trust")]
[Trait("Area", "Security")]
public sealed class AdminAccountTests : OrganisationTests
{
    private PeopleService People => Db.Get<PeopleService>();
    private NotificationFeed Feed => Db.Get<NotificationFeed>();

    [Fact]
    public async Task A_password_reset_by_an_admin_is_audited_with_who_and_told_to_the_person_once()
    {
        await People.UpdateAsync(Org.Admin, Org.Mia.PersonId, new PersonDraft
        {
            DisplayName = "Mia Member", Email = "miamember@example.org", Password = "a-brand-new-password",
        }, default);

        var entry = (await Db.Get<AuditLog>().ReadAsync(Org.Admin, "person", 0, default)).Rows[0];
        Assert.Equal(("Adam Admin", "Mia Member: password reset by Adam Admin (Admin)."), (entry.ActorName, entry.Description));
        Assert.True(await Feed.HasUnseenPasswordResetAsync(Org.Mia.PersonId, default));
        var notice = Assert.Single(await Feed.SeePasswordResetsAsync(Org.Mia, default));
        Assert.StartsWith("Adam Admin (Admin) reset your password on 18 Nov 2026 at 10:00 UTC.", notice.Text, StringComparison.Ordinal);
        Assert.False(await Feed.HasUnseenPasswordResetAsync(Org.Mia.PersonId, default));
        Assert.Empty(await Feed.SeePasswordResetsAsync(Org.Mia, default));
        // Still in the person's notifications afterwards, for the record.
        Assert.Contains((await Feed.ListAsync(Org.Mia, false, default)).Items, n => n.Kind == NotificationKind.PasswordReset);
    }

    [Fact]
    public async Task An_admin_changing_their_own_password_is_not_told_about_it()
    {
        await People.UpdateAsync(Org.Admin, Org.Admin.PersonId, new PersonDraft
        {
            DisplayName = "Adam Admin", Email = "adamadmin@example.org", Password = "a-brand-new-password", IsAdmin = true,
        }, default);

        Assert.False(await Feed.HasUnseenPasswordResetAsync(Org.Admin.PersonId, default));
    }

    [Fact]
    public async Task Recovery_works_only_when_no_admin_can_sign_in_and_is_audited()
    {
        var refused = await Assert.ThrowsAsync<ActionNotAllowedException>(() =>
            People.RecoverAdminAsync("Eve", "eve@example.org", "take-over-attempt", default));
        Assert.Contains("adamadmin@example.org", refused.Message, StringComparison.Ordinal);

        await using (var scope = Db.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var adam = (await users.FindByEmailAsync("adamadmin@example.org"))!;
            await users.SetLockoutEndDateAsync(adam, DateTimeOffset.MaxValue);
        }

        await People.RecoverAdminAsync("Adam Admin", "adamadmin@example.org", "a-recovered-password", default);

        await using (var scope = Db.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var adam = (await users.FindByEmailAsync("adamadmin@example.org"))!;
            Assert.False(await users.IsLockedOutAsync(adam));
            Assert.True(await users.CheckPasswordAsync(adam, "a-recovered-password"));
            Assert.True(await users.IsInRoleAsync(adam, Actor.AdminRole));
        }
        var entry = (await Db.Get<AuditLog>().ReadAsync(Org.Admin, "person", 0, default)).Rows[0];
        Assert.Equal(("person.recovered", (string?)null), (entry.Action, entry.ActorName));
        // Now an administrator can sign in again, so a second recovery is refused.
        await Assert.ThrowsAsync<ActionNotAllowedException>(() =>
            People.RecoverAdminAsync("Eve", "eve@example.org", "take-over-attempt", default));
    }

    [Fact]
    public async Task Recovery_can_create_a_new_administrator_when_every_admin_is_deactivated()
    {
        var second = await Db.PersonAsync("Ada Second", isAdmin: true);
        await People.SetActiveAsync(second, Org.Admin.PersonId, false, default);
        await People.SetActiveAsync(new Actor(0, IsAdmin: true), second.PersonId, false, default);

        var id = await People.RecoverAdminAsync("Rita Recovery", "rita@example.org", "a-recovered-password", default);

        var row = (await People.ListAsync(new Actor(id, IsAdmin: true), default)).Single(p => p.Id == id);
        Assert.Equal((true, true), (row.IsAdmin, row.IsActive));
    }
}
