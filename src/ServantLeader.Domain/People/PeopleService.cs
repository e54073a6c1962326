using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServantLeader.Domain.Audit;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Notifications;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.People;

/// <summary>
/// People and their sign-ins. Only an Admin manages them. A person is never deleted: deactivation locks the
/// sign-in for good and keeps their history, which the dashboard and their leaders still need.
/// </summary>
public sealed class PeopleService(IServiceScopeFactory scopes, IDbContextFactory<ServantLeaderDb> dbs, TimeProvider time,
    NotificationSignal signal)
{
    public async Task<PersonProfile?> ProfileAsync(int personId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.People
            .Where(p => p.Id == personId)
            .Select(p => new PersonProfile(p.Id, p.DisplayName, p.Email, p.IsActive,
                db.Memberships.Any(m => m.PersonId == p.Id && m.Role == TeamRole.Leader),
                db.Memberships.Any(m => m.PersonId == p.Id && m.Role == TeamRole.Member)))
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>The person behind an Identity user, for the sign-in cookie.</summary>
    public async Task<PersonChoice?> ForUserAsync(string userId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.People.Where(p => p.UserId == userId).Select(p => new PersonChoice(p.Id, p.DisplayName, p.Email))
            .SingleOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<PersonRow>> ListAsync(Actor actor, CancellationToken ct)
    {
        RequireAdmin(actor);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.People
            .OrderBy(p => p.DisplayName)
            .Select(p => new
            {
                p.Id, p.DisplayName, p.Email, p.IsActive,
                Roles = db.UserRoles.Where(ur => ur.UserId == p.UserId)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
                Teams = db.Memberships.Where(m => m.PersonId == p.Id).OrderBy(m => m.Team.Name)
                    .Select(m => m.Team.Name + (m.Role == TeamRole.Leader ? " (leader)" : "")).ToList(),
            })
            .ToListAsync(ct);
        return rows.Select(r => new PersonRow(r.Id, r.DisplayName, r.Email, r.IsActive,
            r.Roles.Contains(Actor.HrRole), r.Roles.Contains(Actor.AdminRole), r.Teams)).ToList();
    }

    public async Task<IReadOnlyList<PersonChoice>> ChoicesAsync(Actor actor, CancellationToken ct)
    {
        RequireAdmin(actor);
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.People.Where(p => p.IsActive).OrderBy(p => p.DisplayName)
            .Select(p => new PersonChoice(p.Id, p.DisplayName, p.Email)).ToListAsync(ct);
    }

    public Task<int> CreateAsync(Actor actor, PersonDraft draft, CancellationToken ct)
    {
        RequireAdmin(actor);
        return CreateCoreAsync(draft, ct, actor.PersonId);
    }

    public async Task<bool> AnyAdminAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name)
            .AnyAsync(n => n == Actor.AdminRole, ct);
    }

    /// <summary>The first-run path: creates an Admin, but only while there is none, so it cannot be used to take over.</summary>
    public async Task<int> CreateFirstAdminAsync(string displayName, string email, string password, CancellationToken ct)
    {
        if (await AnyAdminAsync(ct))
        {
            throw new ActionNotAllowedException("An administrator already exists. Sign in as them to add more.");
        }
        return await CreateCoreAsync(new PersonDraft
        {
            DisplayName = displayName, Email = email, Password = password, IsAdmin = true,
        }, ct);
    }

    /// <summary>
    /// Recovery, from the server's command line only (<c>create-admin --recover</c>), for when no administrator can sign
    /// in: every Admin is deactivated or locked out. Gives <paramref name="email"/> the Admin role, an active sign-in and
    /// this password, creating the person if there is none. Refused while any Admin can still sign in, so it is never a
    /// way around a working administrator. Audited without an actor, as done from the server.
    /// </summary>
    public async Task<int> RecoverAdminAsync(string displayName, string email, string password, CancellationToken ct)
    {
        email = email.Trim();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServantLeaderDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var adminIds = await SeparationOfDuties.AdminUserIdsAsync(db, ct);
        foreach (var admin in await db.People.Include(p => p.User).Where(p => adminIds.Contains(p.UserId)).ToListAsync(ct))
        {
            if (admin.IsActive && !await users.IsLockedOutAsync(admin.User))
            {
                throw new ActionNotAllowedException(
                    $"An administrator can still sign in ({admin.Email}); ask them. Recovery is only for when no administrator can.");
            }
        }
        var now = time.GetUtcNow();
        var person = await db.People.Include(p => p.User).SingleOrDefaultAsync(p => p.Email == email, ct);
        if (person is null)
        {
            var id = await CreateCoreAsync(new PersonDraft
            {
                DisplayName = displayName, Email = email, Password = password, IsAdmin = true,
            }, ct);
            AuditLog.Record(db, null, "person.recovered", "person", id,
                $"Administrator access restored from the server's command line: {displayName} ({email}) added as Admin.", now);
            await db.SaveChangesAsync(ct);
            return id;
        }

        // Before the transaction: the token may need the first data-protection key, which is saved in this database by
        // another connection (a fresh server running this command has none yet), and SQLite lets one writer in at a time.
        var token = await users.GeneratePasswordResetTokenAsync(person.User);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!person.IsActive)
        {
            person.Reactivate();
            await MembershipHistory.ReopenAfterDeactivationAsync(db, person.Id, now, ct);
        }
        ThrowIfFailed(await users.SetLockoutEndDateAsync(person.User, null), "");
        ThrowIfFailed(await users.ResetAccessFailedCountAsync(person.User), "");
        ThrowIfFailed(await users.ResetPasswordAsync(person.User, token, password), nameof(PersonDraft.Password));
        if (!await users.IsInRoleAsync(person.User, Actor.AdminRole))
        {
            ThrowIfFailed(await users.AddToRoleAsync(person.User, Actor.AdminRole), "");
        }
        await users.UpdateSecurityStampAsync(person.User);
        AuditLog.Record(db, null, "person.recovered", "person", person.Id,
            $"Administrator access restored from the server's command line: {person.DisplayName} ({person.Email}) reactivated as Admin with a new password.", now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return person.Id;
    }

    internal async Task<int> CreateCoreAsync(PersonDraft draft, CancellationToken ct, int? actorId = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServantLeaderDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();

        var (name, email) = await ValidateAsync(db, draft, null, ct);

        // Identity saves as it goes; one transaction makes the user, its roles and the person appear together or not at all.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        ThrowIfFailed(await users.CreateAsync(user, draft.Password), nameof(draft.Password));
        await SetRolesAsync(users, user, draft);
        var person = new Person(user.Id, name, email, time.GetUtcNow());
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        AuditLog.Record(db, actorId, "person.created", "person", person.Id,
            $"{name} ({email}) added{RolesText(draft.IsHr, draft.IsAdmin)}.", person.CreatedAt);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return person.Id;
    }

    public async Task UpdateAsync(Actor actor, int personId, PersonDraft draft, CancellationToken ct)
    {
        RequireAdmin(actor);
        ArgumentNullException.ThrowIfNull(draft);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServantLeaderDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var person = await db.People.Include(p => p.User).SingleOrDefaultAsync(p => p.Id == personId, ct)
                     ?? throw new NotFoundException();
        var wasHr = await users.IsInRoleAsync(person.User, Actor.HrRole);
        var wasAdmin = await users.IsInRoleAsync(person.User, Actor.AdminRole);
        if (SeparationOfDuties.IsOwn(actor, personId) && (wasHr != draft.IsHr || wasAdmin != draft.IsAdmin))
        {
            // Keyed to the box that changed, so the message shows beside it.
            throw new RuleViolationException(wasAdmin != draft.IsAdmin ? nameof(draft.IsAdmin) : nameof(draft.IsHr),
                SeparationOfDuties.OwnAccessMessage);
        }
        var (name, email) = await ValidateAsync(db, draft, personId, ct);
        var now = time.GetUtcNow();
        var resetByAnother = !string.IsNullOrEmpty(draft.Password) && !SeparationOfDuties.IsOwn(actor, personId);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changes = new List<string>();
        if (person.DisplayName != name)
        {
            changes.Add($"name {person.DisplayName} → {name}");
        }
        if (!string.Equals(person.Email, email, StringComparison.OrdinalIgnoreCase))
        {
            changes.Add($"email {person.Email} → {email}");
        }
        if (wasHr != draft.IsHr)
        {
            changes.Add(draft.IsHr ? "HR role given" : "HR role taken away");
        }
        if (wasAdmin != draft.IsAdmin)
        {
            changes.Add(draft.IsAdmin ? "Admin role given" : "Admin role taken away");
        }
        var actorText = await SeparationOfDuties.ActorTextAsync(db, actor, ct);
        if (!string.IsNullOrEmpty(draft.Password))
        {
            changes.Add($"password reset by {actorText}");
        }
        if (changes.Count > 0)
        {
            AuditLog.Record(db, actor.PersonId, "person.changed", "person", person.Id,
                $"{name}: {string.Join("; ", changes)}.", now);
        }
        if (resetByAnother)
        {
            // Kept unread until the person sees it: the sign-in page sends them to it first (PasswordResetNotice).
            Notify.Person(db, person.Id, NotificationKind.PasswordReset,
                $"{actorText} reset your password on {now:d MMM yyyy 'at' HH:mm} UTC. If you did not ask for this, tell another administrator.",
                "/notifications", now);
        }
        person.Rename(name);
        if (!string.Equals(person.Email, email, StringComparison.OrdinalIgnoreCase))
        {
            person.ChangeEmail(email);
            ThrowIfFailed(await users.SetEmailAsync(person.User, email), nameof(draft.Email));
            ThrowIfFailed(await users.SetUserNameAsync(person.User, email), nameof(draft.Email));
        }
        if (!string.IsNullOrEmpty(draft.Password))
        {
            var token = await users.GeneratePasswordResetTokenAsync(person.User);
            ThrowIfFailed(await users.ResetPasswordAsync(person.User, token, draft.Password), nameof(draft.Password));
        }
        await SetRolesAsync(users, person.User, draft);
        // A new security stamp signs the person out everywhere, so changed roles apply at once.
        await users.UpdateSecurityStampAsync(person.User);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        Notify.Announce(db, signal);
    }

    public async Task SetActiveAsync(Actor actor, int personId, bool active, CancellationToken ct)
    {
        RequireAdmin(actor);
        if (personId == actor.PersonId && !active)
        {
            throw new RuleViolationException("You can't deactivate yourself.");
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServantLeaderDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var person = await db.People.Include(p => p.User).SingleOrDefaultAsync(p => p.Id == personId, ct)
                     ?? throw new NotFoundException();
        if (!SeparationOfDuties.MayChangeAccountOf(actor, await users.IsInRoleAsync(person.User, Actor.AdminRole)))
        {
            throw new ActionNotAllowedException(SeparationOfDuties.AdminAccountMessage);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        AuditLog.Record(db, actor.PersonId, active ? "person.reactivated" : "person.deactivated", "person", person.Id,
            $"{person.DisplayName} {(active ? "reactivated" : "deactivated")}.", now);
        // The account was loaded with the person, by this context, so saving it saves the lock too. Deactivation ends
        // the person's memberships (the past keeps them); coming back opens those teams again from now.
        var wasActive = person.IsActive;
        if (active)
        {
            AccountLock.Reactivate(person, person.User);
            if (!wasActive)
            {
                await MembershipHistory.ReopenAfterDeactivationAsync(db, person.Id, now, ct);
            }
        }
        else
        {
            AccountLock.Deactivate(person, person.User);
            await MembershipHistory.EndForDeactivationAsync(db, person.Id, now, ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static async Task SetRolesAsync(UserManager<IdentityUser> users, IdentityUser user, PersonDraft draft)
    {
        foreach (var (role, wanted) in new[] { (Actor.HrRole, draft.IsHr), (Actor.AdminRole, draft.IsAdmin) })
        {
            var has = await users.IsInRoleAsync(user, role);
            if (wanted && !has)
            {
                ThrowIfFailed(await users.AddToRoleAsync(user, role), "");
            }
            else if (!wanted && has)
            {
                ThrowIfFailed(await users.RemoveFromRoleAsync(user, role), "");
            }
        }
    }

    private static async Task<(string Name, string Email)> ValidateAsync(ServantLeaderDb db, PersonDraft draft,
        int? personId, CancellationToken ct)
    {
        var rules = new Rules();
        var name = rules.Text(nameof(draft.DisplayName), draft.DisplayName, TextRules.NameLength, required: true, "A name", TextKind.Line);
        var email = rules.Text(nameof(draft.Email), draft.Email, TextRules.EmailLength, required: true, "An email address", TextKind.Line);
        if (email.Length > 0)
        {
            if (!IsEmailAddress(email))
            {
                rules.Add(nameof(draft.Email), "Enter an email address such as name@example.org.");
            }
            else if (await db.People.AnyAsync(p => p.Email == email && p.Id != personId, ct))
            {
                rules.Add(nameof(draft.Email), "Someone else already has this email address.");
            }
        }
        if (personId is null && string.IsNullOrEmpty(draft.Password))
        {
            rules.Add(nameof(draft.Password), "Set a first password; the person can change it after signing in.");
        }
        rules.ThrowIfAny();
        return (name, email);
    }

    private static string RolesText(bool hr, bool admin) => (hr, admin) switch
    {
        (true, true) => " with the HR and Admin roles",
        (true, false) => " with the HR role",
        (false, true) => " with the Admin role",
        _ => "",
    };

    /// <summary>A plain address such as name@example.org: no display name, and a dot in the domain.</summary>
    internal static bool IsEmailAddress(string email) =>
        MailAddress.TryCreate(email, out var parsed) && parsed.Address == email
        && parsed.Host.Contains('.', StringComparison.Ordinal);

    private static void ThrowIfFailed(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new RuleViolationException(new Dictionary<string, string[]>
            {
                [field] = result.Errors.Select(e => e.Description).ToArray(),
            });
        }
    }

    private static void RequireAdmin(Actor actor)
    {
        if (!actor.IsAdmin)
        {
            throw new ActionNotAllowedException("Only an administrator can manage people.");
        }
    }
}
