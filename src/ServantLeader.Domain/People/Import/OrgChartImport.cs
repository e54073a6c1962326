using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServantLeader.Domain.Audit;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Notifications;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.People.Import;

/// <summary>
/// Importing the org chart: people keyed by employee id, their teams and roles, and their managers. HR or an Admin
/// previews first; applying recomputes the same plan and writes all of it in one transaction, or nothing.
/// Re-importing the same file changes nothing. People with an employee id who are missing from a file are
/// deactivated, never deleted; people added by hand (no employee id) are left alone, and so is the importer: their own
/// lines are left as they are (<see cref="SeparationOfDuties"/>), and HR cannot deactivate an Admin or change an Admin's email.
/// </summary>
public sealed partial class OrgChartImport(IDbContextFactory<ServantLeaderDb> dbs, ILookupNormalizer normalizer, TimeProvider time,
    NotificationSignal signal)
{
    public async Task<ImportPreview> PreviewAsync(Actor actor, byte[] file, CancellationToken ct)
    {
        RequireHrOrAdmin(actor);
        ArgumentNullException.ThrowIfNull(file);
        await using var db = await dbs.CreateDbContextAsync(ct);
        return (await ImportPlan.BuildAsync(db, actor, file, ct)).Preview;
    }

    /// <exception cref="RuleViolationException">
    /// The file has problems, changes nothing, or the organisation changed since the preview with <paramref name="fingerprint"/>.
    /// </exception>
    public async Task<ImportResult> ApplyAsync(Actor actor, byte[] file, string fingerprint, CancellationToken ct)
    {
        RequireHrOrAdmin(actor);
        ArgumentNullException.ThrowIfNull(file);
        var clock = Stopwatch.StartNew();
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var plan = await ImportPlan.BuildAsync(db, actor, file, ct);
        var preview = plan.Preview;
        if (preview.ProblemCount > 0)
        {
            throw new RuleViolationException("The file has problems. Fix them and upload it again.");
        }
        if (preview.Fingerprint != fingerprint)
        {
            throw new RuleViolationException("People or teams changed since this preview. Look at the new preview before importing.");
        }
        if (!preview.HasChanges)
        {
            throw new RuleViolationException("Nothing to import: everyone in the file is already up to date.");
        }

        var now = time.GetUtcNow();
        var users = await LoadUsersAsync(db, plan, ct);
        foreach (var person in plan.Upserts.Where(p => !p.LeftAsIs))
        {
            if (person.Existing is null)
            {
                var user = new IdentityUser
                {
                    UserName = person.Email, NormalizedUserName = normalizer.NormalizeName(person.Email),
                    Email = person.Email, NormalizedEmail = normalizer.NormalizeEmail(person.Email),
                    EmailConfirmed = true, LockoutEnabled = true, SecurityStamp = AccountLock.NewStamp(),
                };
                db.Users.Add(user);
                var created = new Person(user.Id, person.Name, person.Email, now);
                created.LinkEmployee(person.EmployeeId);
                db.People.Add(created);
                person.Existing = created;
                continue;
            }
            var existing = person.Existing;
            var account = users[existing.UserId];
            existing.LinkEmployee(person.EmployeeId);
            existing.Rename(person.Name);
            if (!string.Equals(existing.Email, person.Email, StringComparison.Ordinal))
            {
                existing.ChangeEmail(person.Email);
                account.Email = account.UserName = person.Email;
                account.NormalizedEmail = normalizer.NormalizeEmail(person.Email);
                account.NormalizedUserName = normalizer.NormalizeName(person.Email);
                account.SecurityStamp = AccountLock.NewStamp();
            }
            if (!existing.IsActive)
            {
                AccountLock.Reactivate(existing, account);
            }
        }
        foreach (var person in plan.Deactivations)
        {
            AccountLock.Deactivate(person, users[person.UserId]);
            await MembershipHistory.EndForDeactivationAsync(db, person.Id, now, ct);
        }
        await db.SaveChangesAsync(ct);

        var byEmployee = plan.Upserts.ToDictionary(p => p.EmployeeId, p => p.Existing!, StringComparer.Ordinal);
        foreach (var person in plan.Upserts.Where(p => !p.LeftAsIs))
        {
            person.Existing!.ReportTo(person.ManagerEmployeeId is { } manager ? byEmployee[manager].Id : null);
        }
        // Memberships end rather than go, and a new role is a new membership from now, so past figures keep the team
        // as it was. The ends are saved before the new rows: one current membership per person and team at any time.
        foreach (var change in plan.Work.Where(c => c.Existing is not null))
        {
            change.Existing!.End(now, change.Role is null ? MembershipEnd.Left : MembershipEnd.RoleChanged);
        }
        await db.SaveChangesAsync(ct);
        foreach (var change in plan.Work.Where(c => c.Role is not null))
        {
            db.Memberships.Add(new Membership(change.TeamId, byEmployee[change.EmployeeId].Id, change.Role!.Value, now));
        }
        await db.SaveChangesAsync(ct);
        // After the memberships are saved, so that members joining in this same file hear of a new leader too.
        await RecordMembershipsAsync(db, actor, plan.Work, byEmployee, now, ct);
        AuditLog.Record(db, actor.PersonId, "import.applied", "import", 0,
            $"Org chart imported: {preview.Added} added, {preview.Changed} changed, {preview.Deactivated} deactivated, " +
            $"{preview.Memberships.Count} team changes ({preview.Rows} lines).", now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        Notify.Announce(db, signal);
        return new ImportResult(preview.Added, preview.Changed, preview.Deactivated, preview.Memberships.Count, clock.Elapsed);
    }

    private static void RequireHrOrAdmin(Actor actor)
    {
        if (!actor.IsHr && !actor.IsAdmin)
        {
            throw new ActionNotAllowedException("Only HR or an administrator can import the org chart.");
        }
    }
}
