namespace ServantLeader.Domain.People.Import;

/// <summary>One line of the file, as read. <see cref="Line"/> is the line number a spreadsheet shows (the header is 1).</summary>
public sealed record OrgChartRow(int Line, string EmployeeId, string Name, string Email, string Team, string Role, string ManagerId);

/// <summary>A problem with the file (line 0) or with one cell of a line.</summary>
public sealed record ImportProblem(int Line, string Column, string Message);

public enum PersonChangeKind
{
    Add,
    Change,
    Deactivate,
}

public sealed record PersonChange(PersonChangeKind Kind, string EmployeeId, string Name, string Email, IReadOnlyList<string> Details);

public sealed record MembershipChange(string EmployeeId, string Name, string Team, string Change);

/// <summary>
/// What an import would do, computed without writing anything. It can be applied only when it has no problems and
/// changes something. <see cref="Fingerprint"/> identifies the plan, so applying refuses if the organisation changed
/// after the preview was shown.
/// </summary>
public sealed record ImportPreview(
    int Rows,
    IReadOnlyList<ImportProblem> Problems,
    int ProblemCount,
    IReadOnlyList<PersonChange> People,
    IReadOnlyList<MembershipChange> Memberships,
    int Unchanged,
    IReadOnlyList<string> Notes,
    string Fingerprint)
{
    public bool HasChanges => People.Count > 0 || Memberships.Count > 0;
    public bool CanApply => ProblemCount == 0 && HasChanges;
    public int Added => People.Count(p => p.Kind == PersonChangeKind.Add);
    public int Changed => People.Count(p => p.Kind == PersonChangeKind.Change);
    public int Deactivated => People.Count(p => p.Kind == PersonChangeKind.Deactivate);
}

public sealed record ImportResult(int Added, int Changed, int Deactivated, int MembershipChanges, TimeSpan Elapsed);
