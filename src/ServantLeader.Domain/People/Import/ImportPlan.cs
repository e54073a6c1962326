using System.Security.Cryptography;
using System.Text;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Domain.People.Import;

/// <summary>
/// What an org-chart file would change, worked out against the database in small steps: read the lines, match each
/// employee to a person, compare them with what is stored, and deactivate those missing from the file. The preview
/// shows it; applying it writes exactly this. A plan with problems changes nothing.
/// </summary>
internal sealed partial class ImportPlan
{
    private readonly Actor _actor;
    private readonly int _rows;
    private readonly List<ImportProblem> _problems;
    private readonly List<string> _notes = [];
    private readonly List<PersonChange> _personChanges = [];
    private readonly List<MembershipChange> _membershipChanges = [];
    private readonly List<(Upsert Person, int TeamId, TeamRole Role)> _wanted = [];
    private int _unchanged;

    private ImportPlan(Actor actor, int rows, IEnumerable<ImportProblem> problems)
    {
        _actor = actor;
        _rows = rows;
        _problems = problems.ToList();
    }

    public ImportPreview Preview { get; private set; } = null!;

    /// <summary>Everyone in the file, new or existing.</summary>
    public List<Upsert> Upserts { get; } = [];

    public List<Person> Deactivations { get; } = [];

    public List<MembershipWork> Work { get; } = [];

    internal static async Task<ImportPlan> BuildAsync(ServantLeaderDb db, Actor actor, byte[] file, CancellationToken ct)
    {
        var (rows, fileProblems) = OrgChart.Read(file);
        var plan = new ImportPlan(actor, rows.Count, fileProblems);
        if (rows.Count == 0 && plan._problems.Count > 0)
        {
            return plan.Blocked();
        }
        var org = await Stored.LoadAsync(db, ct);

        // Each line alone, then the lines of one employee together, then the file against the database.
        var valid = rows.Where(r => OrgChart.Check(r, plan._problems)).ToList();
        plan.MatchEmployees(valid, rows.Select(r => r.EmployeeId).Where(id => id.Length > 0).ToHashSet(StringComparer.Ordinal), org);
        if (plan._problems.Count > 0)
        {
            return plan.Blocked();
        }
        var firstLine = valid.GroupBy(r => r.EmployeeId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Line, StringComparer.Ordinal);
        foreach (var person in plan.Upserts)
        {
            plan.Compare(person, firstLine[person.EmployeeId], org);
        }
        plan.DeactivateMissing(org);
        if (plan._problems.Count > 0)
        {
            return plan.Blocked();
        }
        plan.Preview = new ImportPreview(plan._rows, [], 0, plan._personChanges, plan._membershipChanges, plan._unchanged,
            plan._notes, Fingerprint(plan._personChanges, plan._membershipChanges));
        return plan;
    }

    /// <summary>One <see cref="Upsert"/> per employee whose lines agree with each other and with the stored people.</summary>
    private void MatchEmployees(List<OrgChartRow> valid, HashSet<string> fileIds, Stored org)
    {
        var emailOwner = new Dictionary<string, OrgChartRow>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in valid.GroupBy(r => r.EmployeeId, StringComparer.Ordinal))
        {
            var first = group.First();
            var ok = LinesAgree(group, first, fileIds, org);
            if (emailOwner.TryGetValue(first.Email, out var other))
            {
                _problems.Add(new(first.Line, OrgChart.EmailColumn,
                    $"{first.Email} is also the email of employee id {other.EmployeeId} on line {other.Line}."));
                ok = false;
            }
            else
            {
                emailOwner[first.Email] = first;
            }
            var existing = StoredPerson(first, org, ref ok);
            if (!ok)
            {
                continue;
            }
            var upsert = new Upsert(first.EmployeeId, TextRules.Clean(first.Name, TextRules.NameLength, true, "", TextKind.Line).Value,
                first.Email, first.ManagerId.Length > 0 ? first.ManagerId : null, existing);
            Upserts.Add(upsert);
            _wanted.AddRange(group.Select(r => (upsert, org.TeamByName[r.Team].Id, OrgChart.RoleOf(r)!.Value)));
        }
    }

    /// <summary>The lines of one employee: the same name and email, known teams each once, a manager in the file.</summary>
    private bool LinesAgree(IEnumerable<OrgChartRow> lines, OrgChartRow first, HashSet<string> fileIds, Stored org)
    {
        var seenTeams = new Dictionary<int, OrgChartRow>();
        var ok = true;
        foreach (var row in lines)
        {
            if (!string.Equals(row.Name, first.Name, StringComparison.Ordinal)
                || !string.Equals(row.Email, first.Email, StringComparison.OrdinalIgnoreCase))
            {
                _problems.Add(new(row.Line, OrgChart.EmployeeIdColumn,
                    $"Employee id {first.EmployeeId} is on line {first.Line} with a different name or email."));
                ok = false;
            }
            if (!org.TeamByName.TryGetValue(row.Team, out var team))
            {
                _problems.Add(new(row.Line, OrgChart.TeamColumn,
                    $"There is no team called “{OrgChart.Shorten(row.Team)}”. Create it under Admin → Teams first, or correct the spelling."));
                ok = false;
            }
            else if (!seenTeams.TryAdd(team.Id, row))
            {
                _problems.Add(new(row.Line, OrgChart.TeamColumn,
                    $"Employee id {row.EmployeeId} is already in {team.Name} on line {seenTeams[team.Id].Line}."));
                ok = false;
            }
            if (row.ManagerId.Length > 0 && !fileIds.Contains(row.ManagerId))
            {
                _problems.Add(new(row.Line, OrgChart.ManagerColumn,
                    $"The manager's employee id {OrgChart.Shorten(row.ManagerId)} is not in the file."));
                ok = false;
            }
        }
        return ok;
    }

    /// <summary>The stored person an employee's lines are about, by employee id or else by email; null for a new one.</summary>
    private Person? StoredPerson(OrgChartRow first, Stored org, ref bool ok)
    {
        var existing = org.ByEmployeeId.GetValueOrDefault(first.EmployeeId);
        if (org.ByEmail.TryGetValue(first.Email, out var holder) && holder != existing)
        {
            if (existing is null && holder.EmployeeId is null)
            {
                // Someone added by hand before the first import: the email links them to their employee id.
                return holder;
            }
            _problems.Add(new(first.Line, OrgChart.EmailColumn,
                $"{first.Email} already belongs to {holder.DisplayName}{(holder.EmployeeId is null ? "" : $" (employee id {holder.EmployeeId})")}."));
            ok = false;
        }
        return existing;
    }

    /// <summary>What changes for one person in the file, unless the lines are about the importer themselves.</summary>
    private void Compare(Upsert person, int line, Stored org)
    {
        var personBefore = _personChanges.Count;
        var membershipsBefore = _membershipChanges.Count;
        var workBefore = Work.Count;
        var details = DescribePerson(person, line, org);
        CompareMemberships(person, org);
        var changesSomething = details.Count > 0 || _membershipChanges.Count > membershipsBefore;
        if (changesSomething && person.Existing is { } self && SeparationOfDuties.IsOwn(_actor, self.Id))
        {
            _personChanges.RemoveRange(personBefore, _personChanges.Count - personBefore);
            _membershipChanges.RemoveRange(membershipsBefore, _membershipChanges.Count - membershipsBefore);
            Work.RemoveRange(workBefore, Work.Count - workBefore);
            person.LeftAsIs = true;
            _notes.Add($"Line {line} is about you ({self.DisplayName}) and was left as it is: nobody changes their own " +
                "teams, roles or sign-in through an import. Ask an administrator to make that change.");
            return;
        }
        if (person.Existing is not null && !changesSomething)
        {
            _unchanged++;
        }
    }

    /// <summary>A new person, or the differences of a stored one (name, email, manager, reactivation).</summary>
    private List<string> DescribePerson(Upsert person, int line, Stored org)
    {
        var details = new List<string>();
        if (person.Existing is not { } e)
        {
            _personChanges.Add(new(PersonChangeKind.Add, person.EmployeeId, person.Name, person.Email, []));
            return details;
        }
        if (!string.Equals(e.Email, person.Email, StringComparison.Ordinal) && org.AdminUsers.Contains(e.UserId)
            && !SeparationOfDuties.MayChangeAccountOf(_actor, targetIsAdmin: true))
        {
            _problems.Add(new(line, OrgChart.EmailColumn,
                $"{e.DisplayName} is an administrator. {SeparationOfDuties.AdminAccountMessage} Keep {e.Email} in the file, or ask an administrator."));
        }
        if (e.EmployeeId is null) details.Add($"linked to employee id {person.EmployeeId}");
        if (!string.Equals(e.DisplayName, person.Name, StringComparison.Ordinal)) details.Add($"name: {e.DisplayName} → {person.Name}");
        if (!string.Equals(e.Email, person.Email, StringComparison.Ordinal)) details.Add($"email: {e.Email} → {person.Email}");
        if (!e.IsActive) details.Add("reactivated");
        var manager = e.ManagerId is { } m ? org.EmployeeIdOf.GetValueOrDefault(m) : null;
        if (!string.Equals(manager, person.ManagerEmployeeId, StringComparison.Ordinal))
        {
            details.Add($"manager: {manager ?? "none"} → {person.ManagerEmployeeId ?? "none"}");
        }
        if (details.Count > 0)
        {
            _personChanges.Add(new(PersonChangeKind.Change, person.EmployeeId, person.Name, person.Email, details));
        }
        return details;
    }

    /// <summary>Teams joined, roles changed and teams left, from the file's lines against the stored memberships.</summary>
    private void CompareMemberships(Upsert person, Stored org)
    {
        var current = person.Existing is null ? [] : org.MembershipsOf[person.Existing.Id].ToList();
        var mine = _wanted.Where(w => w.Person == person).ToList();
        foreach (var (_, teamId, role) in mine)
        {
            var had = current.FirstOrDefault(m => m.TeamId == teamId);
            if (had is null)
            {
                Work.Add(new(person.EmployeeId, teamId, role, null));
                _membershipChanges.Add(new(person.EmployeeId, person.Name, org.TeamNames[teamId], $"joins as {RoleText(role)}"));
            }
            else if (had.Role != role)
            {
                Work.Add(new(person.EmployeeId, teamId, role, had));
                _membershipChanges.Add(new(person.EmployeeId, person.Name, org.TeamNames[teamId], $"becomes {RoleText(role)}"));
            }
        }
        foreach (var left in current.Where(m => mine.All(w => w.TeamId != m.TeamId)))
        {
            Work.Add(new(person.EmployeeId, left.TeamId, null, left));
            _membershipChanges.Add(new(person.EmployeeId, person.Name, org.TeamNames[left.TeamId], "leaves"));
        }
    }

    /// <summary>Active people with an employee id who are not in the file, except the importer and, for HR, an Admin.</summary>
    private void DeactivateMissing(Stored org)
    {
        var inFile = Upserts.Select(u => u.Existing).OfType<Person>().ToHashSet();
        foreach (var person in org.People.Where(p => p.EmployeeId is not null && p.IsActive && !inFile.Contains(p)))
        {
            if (person.Id == _actor.PersonId)
            {
                _notes.Add($"You ({person.DisplayName}, employee id {person.EmployeeId}) are not in the file. You stay active, so you can't lock yourself out.");
                continue;
            }
            if (org.AdminUsers.Contains(person.UserId) && !SeparationOfDuties.MayChangeAccountOf(_actor, targetIsAdmin: true))
            {
                _problems.Add(new(0, OrgChart.EmployeeIdColumn,
                    $"{person.DisplayName} (employee id {person.EmployeeId}) is an administrator and is not in the file. " +
                    $"{SeparationOfDuties.AdminAccountMessage} Add their lines back, or ask an administrator."));
                continue;
            }
            Deactivations.Add(person);
            _personChanges.Add(new(PersonChangeKind.Deactivate, person.EmployeeId!, person.DisplayName, person.Email,
                ["not in the file: deactivated, history kept"]));
        }
    }

    /// <summary>The problems, first lines first, and nothing to apply.</summary>
    private ImportPlan Blocked()
    {
        var ordered = _problems.OrderBy(p => p.Line).ToList();
        Preview = new ImportPreview(_rows, ordered.Take(OrgChart.MaxProblemsShown).ToList(), ordered.Count, [], [], 0, _notes, "");
        Upserts.Clear();
        Deactivations.Clear();
        Work.Clear();
        return this;
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

    /// <summary>One employee in the file, and the stored person they are (null until a new one is created).</summary>
    internal sealed class Upsert(string employeeId, string name, string email, string? manager, Person? existing)
    {
        /// <summary>The importer's own line: nobody changes their own teams or sign-in, so it is applied as nothing.</summary>
        public bool LeftAsIs { get; set; }

        public string EmployeeId { get; } = employeeId;
        public string Name { get; } = name;
        public string Email { get; } = email;
        public string? ManagerEmployeeId { get; } = manager;
        public Person? Existing { get; set; } = existing;
    }

    /// <summary>Add (no <see cref="Existing"/>), end (no <see cref="Role"/>) or change the role of a membership (end it, open a new one).</summary>
    internal sealed record MembershipWork(string EmployeeId, int TeamId, TeamRole? Role, Membership? Existing);
}
