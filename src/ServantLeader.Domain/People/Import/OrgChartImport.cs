using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
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
        return (await PlanAsync(db, actor, file, ct)).Preview;
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
        var plan = await PlanAsync(db, actor, file, ct);
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
                    EmailConfirmed = true, LockoutEnabled = true, SecurityStamp = NewStamp(),
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
                account.SecurityStamp = NewStamp();
            }
            if (!existing.IsActive)
            {
                existing.Reactivate();
                account.LockoutEnd = null;
            }
        }
        foreach (var person in plan.Deactivations)
        {
            person.Deactivate();
            var account = users[person.UserId];
            // As in People admin: a lockout without end refuses sign-in, a new stamp ends open sessions.
            account.LockoutEnabled = true;
            account.LockoutEnd = DateTimeOffset.MaxValue;
            account.SecurityStamp = NewStamp();
        }
        await db.SaveChangesAsync(ct);

        var byEmployee = plan.Upserts.ToDictionary(p => p.EmployeeId, p => p.Existing!, StringComparer.Ordinal);
        foreach (var person in plan.Upserts.Where(p => !p.LeftAsIs))
        {
            person.Existing!.ReportTo(person.ManagerEmployeeId is { } manager ? byEmployee[manager].Id : null);
        }
        foreach (var change in plan.MembershipWork)
        {
            switch (change)
            {
                case { Existing: null }:
                    db.Memberships.Add(new Membership(change.TeamId, byEmployee[change.EmployeeId].Id, change.Role!.Value, now));
                    break;
                case { Role: null }:
                    db.Memberships.Remove(change.Existing);
                    break;
                default:
                    change.Existing.ChangeRole(change.Role.Value);
                    break;
            }
        }
        await db.SaveChangesAsync(ct);
        // After the memberships are saved, so that members joining in this same file hear of a new leader too.
        await RecordMembershipsAsync(db, actor, plan.MembershipWork, byEmployee, now, ct);
        AuditLog.Record(db, actor.PersonId, "import.applied", "import", 0,
            $"Org chart imported: {preview.Added} added, {preview.Changed} changed, {preview.Deactivated} deactivated, " +
            $"{preview.Memberships.Count} team changes ({preview.Rows} lines).", now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        Notify.Announce(db, signal);
        return new ImportResult(preview.Added, preview.Changed, preview.Deactivated, preview.Memberships.Count, clock.Elapsed);
    }

    private sealed class Upsert(string employeeId, string name, string email, string? manager, Person? existing)
    {
        /// <summary>The importer's own line: nobody changes their own teams or sign-in, so it is applied as nothing.</summary>
        public bool LeftAsIs { get; set; }

        public string EmployeeId { get; } = employeeId;
        public string Name { get; } = name;
        public string Email { get; } = email;
        public string? ManagerEmployeeId { get; } = manager;
        public Person? Existing { get; set; } = existing;
    }

    /// <summary>Add (no <see cref="Existing"/>), remove (no <see cref="Role"/>) or change the role of a membership.</summary>
    private sealed record MembershipWork(string EmployeeId, int TeamId, TeamRole? Role, Membership? Existing);

    private sealed record Plan(ImportPreview Preview, List<Upsert> Upserts, List<Person> Deactivations, List<MembershipWork> MembershipWork);

    private static async Task<Plan> PlanAsync(ServantLeaderDb db, Actor actor, byte[] file, CancellationToken ct)
    {
        var (rows, fileProblems) = OrgChart.Read(file);
        var problems = fileProblems.ToList();
        var notes = new List<string>();
        if (rows.Count == 0 && problems.Count > 0)
        {
            return Blocked(rows.Count, problems, notes);
        }

        var teams = await db.Teams.Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        var teamByName = teams.GroupBy(t => t.Name.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var people = await db.People.ToListAsync(ct);
        var byEmployeeId = people.Where(p => p.EmployeeId is not null).ToDictionary(p => p.EmployeeId!, StringComparer.Ordinal);
        var byEmail = people.ToDictionary(p => p.Email, StringComparer.OrdinalIgnoreCase);
        var memberships = await db.Memberships.ToListAsync(ct);
        var membershipsOf = memberships.ToLookup(m => m.PersonId);
        var teamNames = teams.ToDictionary(t => t.Id, t => t.Name);

        // Each line alone, then the lines of one employee together, then the file against the database.
        var valid = rows.Where(r => OrgChart.Check(r, problems)).ToList();
        var fileIds = rows.Select(r => r.EmployeeId).Where(id => id.Length > 0).ToHashSet(StringComparer.Ordinal);
        var emailOwner = new Dictionary<string, OrgChartRow>(StringComparer.OrdinalIgnoreCase);
        var upserts = new List<Upsert>();
        var wanted = new List<(Upsert Person, int TeamId, TeamRole Role)>();
        foreach (var group in valid.GroupBy(r => r.EmployeeId, StringComparer.Ordinal))
        {
            var first = group.First();
            var seenTeams = new Dictionary<int, OrgChartRow>();
            var ok = true;
            foreach (var row in group)
            {
                if (!string.Equals(row.Name, first.Name, StringComparison.Ordinal)
                    || !string.Equals(row.Email, first.Email, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add(new(row.Line, OrgChart.EmployeeIdColumn,
                        $"Employee id {first.EmployeeId} is on line {first.Line} with a different name or email."));
                    ok = false;
                }
                if (!teamByName.TryGetValue(row.Team, out var team))
                {
                    problems.Add(new(row.Line, OrgChart.TeamColumn,
                        $"There is no team called “{OrgChart.Shorten(row.Team)}”. Create it under Admin → Teams first, or correct the spelling."));
                    ok = false;
                }
                else if (!seenTeams.TryAdd(team.Id, row))
                {
                    problems.Add(new(row.Line, OrgChart.TeamColumn,
                        $"Employee id {row.EmployeeId} is already in {team.Name} on line {seenTeams[team.Id].Line}."));
                    ok = false;
                }
                if (row.ManagerId.Length > 0 && !fileIds.Contains(row.ManagerId))
                {
                    problems.Add(new(row.Line, OrgChart.ManagerColumn,
                        $"The manager's employee id {OrgChart.Shorten(row.ManagerId)} is not in the file."));
                    ok = false;
                }
            }
            if (emailOwner.TryGetValue(first.Email, out var other))
            {
                problems.Add(new(first.Line, OrgChart.EmailColumn,
                    $"{first.Email} is also the email of employee id {other.EmployeeId} on line {other.Line}."));
                ok = false;
            }
            else
            {
                emailOwner[first.Email] = first;
            }

            var existing = byEmployeeId.GetValueOrDefault(first.EmployeeId);
            if (byEmail.TryGetValue(first.Email, out var holder) && holder != existing)
            {
                if (existing is null && holder.EmployeeId is null)
                {
                    // Someone added by hand before the first import: the email links them to their employee id.
                    existing = holder;
                }
                else
                {
                    problems.Add(new(first.Line, OrgChart.EmailColumn,
                        $"{first.Email} already belongs to {holder.DisplayName}{(holder.EmployeeId is null ? "" : $" (employee id {holder.EmployeeId})")}."));
                    ok = false;
                }
            }
            if (!ok)
            {
                continue;
            }
            var upsert = new Upsert(first.EmployeeId, TextRules.Clean(first.Name, TextRules.NameLength, true, "", TextKind.Line).Value,
                first.Email, first.ManagerId.Length > 0 ? first.ManagerId : null, existing);
            upserts.Add(upsert);
            wanted.AddRange(group.Select(r => (upsert, teamByName[r.Team].Id, OrgChart.RoleOf(r)!.Value)));
        }

        if (problems.Count > 0)
        {
            return Blocked(rows.Count, problems, notes);
        }

        var personChanges = new List<PersonChange>();
        var membershipChanges = new List<MembershipChange>();
        var work = new List<MembershipWork>();
        var unchanged = 0;
        var adminUsers = await SeparationOfDuties.AdminUserIdsAsync(db, ct);
        var firstLine = valid.GroupBy(r => r.EmployeeId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Line, StringComparer.Ordinal);
        var employeeIdOf = people.Where(p => p.EmployeeId is not null).ToDictionary(p => p.Id, p => p.EmployeeId!);
        foreach (var person in upserts)
        {
            var details = new List<string>();
            var line = firstLine[person.EmployeeId];
            var personBefore = personChanges.Count;
            var workBefore = work.Count;
            if (person.Existing is { } e)
            {
                if (!string.Equals(e.Email, person.Email, StringComparison.Ordinal) && adminUsers.Contains(e.UserId)
                    && !SeparationOfDuties.MayChangeAccountOf(actor, targetIsAdmin: true))
                {
                    problems.Add(new(line, OrgChart.EmailColumn,
                        $"{e.DisplayName} is an administrator. {SeparationOfDuties.AdminAccountMessage} Keep {e.Email} in the file, or ask an administrator."));
                }
                if (e.EmployeeId is null) details.Add($"linked to employee id {person.EmployeeId}");
                if (!string.Equals(e.DisplayName, person.Name, StringComparison.Ordinal)) details.Add($"name: {e.DisplayName} → {person.Name}");
                if (!string.Equals(e.Email, person.Email, StringComparison.Ordinal)) details.Add($"email: {e.Email} → {person.Email}");
                if (!e.IsActive) details.Add("reactivated");
                var manager = e.ManagerId is { } m ? employeeIdOf.GetValueOrDefault(m) : null;
                if (!string.Equals(manager, person.ManagerEmployeeId, StringComparison.Ordinal))
                {
                    details.Add($"manager: {manager ?? "none"} → {person.ManagerEmployeeId ?? "none"}");
                }
                if (details.Count > 0)
                {
                    personChanges.Add(new(PersonChangeKind.Change, person.EmployeeId, person.Name, person.Email, details));
                }
            }
            else
            {
                personChanges.Add(new(PersonChangeKind.Add, person.EmployeeId, person.Name, person.Email, []));
            }

            var current = person.Existing is null ? [] : membershipsOf[person.Existing.Id].ToList();
            var mine = wanted.Where(w => w.Person == person).ToList();
            var before = membershipChanges.Count;
            foreach (var (_, teamId, role) in mine)
            {
                var had = current.FirstOrDefault(m => m.TeamId == teamId);
                if (had is null)
                {
                    work.Add(new(person.EmployeeId, teamId, role, null));
                    membershipChanges.Add(new(person.EmployeeId, person.Name, teamNames[teamId], $"joins as {RoleText(role)}"));
                }
                else if (had.Role != role)
                {
                    work.Add(new(person.EmployeeId, teamId, role, had));
                    membershipChanges.Add(new(person.EmployeeId, person.Name, teamNames[teamId], $"becomes {RoleText(role)}"));
                }
            }
            foreach (var left in current.Where(m => mine.All(w => w.TeamId != m.TeamId)))
            {
                work.Add(new(person.EmployeeId, left.TeamId, null, left));
                membershipChanges.Add(new(person.EmployeeId, person.Name, teamNames[left.TeamId], "leaves"));
            }
            var changesSomething = details.Count > 0 || membershipChanges.Count > before;
            if (changesSomething && person.Existing is { } self && SeparationOfDuties.IsOwn(actor, self.Id))
            {
                personChanges.RemoveRange(personBefore, personChanges.Count - personBefore);
                membershipChanges.RemoveRange(before, membershipChanges.Count - before);
                work.RemoveRange(workBefore, work.Count - workBefore);
                person.LeftAsIs = true;
                notes.Add($"Line {line} is about you ({self.DisplayName}) and was left as it is: nobody changes their own " +
                    "teams, roles or sign-in through an import. Ask an administrator to make that change.");
                continue;
            }
            if (person.Existing is not null && !changesSomething)
            {
                unchanged++;
            }
        }

        var deactivations = new List<Person>();
        var inFile = upserts.Select(u => u.Existing).OfType<Person>().ToHashSet();
        foreach (var person in people.Where(p => p.EmployeeId is not null && p.IsActive && !inFile.Contains(p)))
        {
            if (person.Id == actor.PersonId)
            {
                notes.Add($"You ({person.DisplayName}, employee id {person.EmployeeId}) are not in the file. You stay active, so you can't lock yourself out.");
                continue;
            }
            if (adminUsers.Contains(person.UserId) && !SeparationOfDuties.MayChangeAccountOf(actor, targetIsAdmin: true))
            {
                problems.Add(new(0, OrgChart.EmployeeIdColumn,
                    $"{person.DisplayName} (employee id {person.EmployeeId}) is an administrator and is not in the file. " +
                    $"{SeparationOfDuties.AdminAccountMessage} Add their lines back, or ask an administrator."));
                continue;
            }
            deactivations.Add(person);
            personChanges.Add(new(PersonChangeKind.Deactivate, person.EmployeeId!, person.DisplayName, person.Email,
                ["not in the file: deactivated, history kept"]));
        }

        if (problems.Count > 0)
        {
            return Blocked(rows.Count, problems, notes);
        }
        var preview = new ImportPreview(rows.Count, [], 0, personChanges, membershipChanges, unchanged, notes,
            Fingerprint(personChanges, membershipChanges));
        return new Plan(preview, upserts, deactivations, work);
    }

    private static Plan Blocked(int rows, List<ImportProblem> problems, List<string> notes)
    {
        var ordered = problems.OrderBy(p => p.Line).ToList();
        return new Plan(new ImportPreview(rows, ordered.Take(OrgChart.MaxProblemsShown).ToList(), ordered.Count, [], [], 0, notes, ""),
            [], [], []);
    }

    private static string Fingerprint(List<PersonChange> people, List<MembershipChange> memberships)
    {
        var text = new StringBuilder();
        foreach (var p in people)
        {
            text.Append(p.Kind).Append('\u001f').Append(p.EmployeeId).Append('\u001f').Append(string.Join('\u001e', p.Details)).Append('\n');
        }
        foreach (var m in memberships)
        {
            text.Append(m.EmployeeId).Append('\u001f').Append(m.Team).Append('\u001f').Append(m.Change).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string RoleText(TeamRole role) => role == TeamRole.Leader ? "leader" : "member";

    private static string NewStamp() => Guid.NewGuid().ToString("N").ToUpperInvariant();

    private static void RequireHrOrAdmin(Actor actor)
    {
        if (!actor.IsHr && !actor.IsAdmin)
        {
            throw new ActionNotAllowedException("Only HR or an administrator can import the org chart.");
        }
    }
}
