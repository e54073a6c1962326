using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using ServantLeader.Domain.Common;

namespace ServantLeader.Domain.People.Import;

/// <summary>
/// Reading an org-chart CSV exported from an HR system, and the rules each line must meet on its own. Rules that
/// need the database (known teams, emails already taken) are in <see cref="OrgChartImport"/>.
/// </summary>
public static class OrgChart
{
    public const int MaxRows = 20_000;
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int EmployeeIdLength = 64;
    public const int MaxProblemsShown = 200;

    public const string EmployeeIdColumn = "employee id";
    public const string NameColumn = "name";
    public const string EmailColumn = "email";
    public const string TeamColumn = "team";
    public const string RoleColumn = "role";
    public const string ManagerColumn = "manager employee id";

    /// <summary>Header spellings HR systems use, compared without case, spaces, dashes or underscores.</summary>
    private static readonly Dictionary<string, string> Headers = new(StringComparer.Ordinal)
    {
        ["employeeid"] = EmployeeIdColumn, ["employeenumber"] = EmployeeIdColumn, ["id"] = EmployeeIdColumn,
        ["name"] = NameColumn, ["fullname"] = NameColumn, ["displayname"] = NameColumn,
        ["email"] = EmailColumn, ["emailaddress"] = EmailColumn, ["workemail"] = EmailColumn,
        ["team"] = TeamColumn, ["teamname"] = TeamColumn,
        ["role"] = RoleColumn, ["teamrole"] = RoleColumn,
        ["manageremployeeid"] = ManagerColumn, ["managerid"] = ManagerColumn, ["manager"] = ManagerColumn,
    };

    private static readonly string[] Required = [EmployeeIdColumn, NameColumn, EmailColumn, TeamColumn, RoleColumn];

    /// <summary>Reads the rows, or says why the file as a whole cannot be read (then there are no rows).</summary>
    public static (IReadOnlyList<OrgChartRow> Rows, IReadOnlyList<ImportProblem> Problems) Read(ReadOnlySpan<byte> file)
    {
        if (file.Length == 0)
        {
            return ([], [FileProblem("The file is empty.")]);
        }
        if (file.Length > MaxBytes)
        {
            return ([], [FileProblem($"The file is {file.Length / 1024 / 1024.0:0.0} MB; the most one import takes is {MaxBytes / 1024 / 1024} MB.")]);
        }
        if (file.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || file.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return ([], [FileProblem("The file is UTF-16 (\"Unicode text\"). Save it as \"CSV UTF-8\" and upload that.")]);
        }
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(file);
        }
        catch (DecoderFallbackException)
        {
            return ([], [FileProblem("The file is not UTF-8 text (perhaps Windows-1252 or Latin-1), so names with accents would be garbled. Save it as \"CSV UTF-8\" and upload that.")]);
        }
        return Parse(text.TrimStart('\uFEFF'));
    }

    private static (IReadOnlyList<OrgChartRow>, IReadOnlyList<ImportProblem>) Parse(string text)
    {
        var problems = new List<ImportProblem>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            IgnoreBlankLines = true,
            BadDataFound = args => problems.Add(new ImportProblem(args.Context.Parser!.RawRow, "",
                "This line has a quote in the wrong place. Put quotes around the whole cell, and double any quote inside it.")),
        };
        using var reader = new StringReader(text);
        using var parser = new CsvParser(reader, config);
        if (!parser.Read())
        {
            return ([], [FileProblem("The file is empty.")]);
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var header = parser.Record ?? [];
        for (var i = 0; i < header.Length; i++)
        {
            var key = new string(header[i].Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
            if (Headers.TryGetValue(key, out var column))
            {
                columns.TryAdd(column, i);
            }
        }
        var missing = Required.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            return ([], [FileProblem($"The first line must name the columns. Missing: {string.Join(", ", missing)}. " +
                                     $"Expected: {EmployeeIdColumn}, {NameColumn}, {EmailColumn}, {TeamColumn}, {RoleColumn}, and optionally {ManagerColumn}.")]);
        }

        var rows = new List<OrgChartRow>();
        while (parser.Read())
        {
            if (rows.Count == MaxRows)
            {
                var more = 1;
                while (parser.Read())
                {
                    more++;
                }
                return ([], [FileProblem($"The file has {(MaxRows + more).ToString("N0", CultureInfo.InvariantCulture)} rows; the most one import takes is {MaxRows.ToString("N0", CultureInfo.InvariantCulture)}. Split it by department.")]);
            }
            var record = parser.Record ?? [];
            string Cell(string column) =>
                columns.TryGetValue(column, out var i) && i < record.Length ? record[i].Trim() : "";
            rows.Add(new OrgChartRow(parser.RawRow, Cell(EmployeeIdColumn), Cell(NameColumn), Cell(EmailColumn),
                Cell(TeamColumn), Cell(RoleColumn), Cell(ManagerColumn)));
        }
        if (rows.Count == 0 && problems.Count == 0)
        {
            problems.Add(FileProblem("The file has a header but no people."));
        }
        return (rows, problems);
    }

    /// <summary>The rules one line must meet by itself. Adds its problems and returns whether it is usable.</summary>
    internal static bool Check(OrgChartRow row, List<ImportProblem> problems)
    {
        var before = problems.Count;
        void Problem(string column, string message) => problems.Add(new ImportProblem(row.Line, column, message));

        foreach (var (column, value) in new[]
                 {
                     (EmployeeIdColumn, row.EmployeeId), (NameColumn, row.Name), (EmailColumn, row.Email),
                     (TeamColumn, row.Team), (RoleColumn, row.Role), (ManagerColumn, row.ManagerId),
                 })
        {
            // A spreadsheet runs a cell that starts with one of these as a formula when the data is opened again.
            if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
            {
                Problem(column, $"Starts with “{value[0]}”, which spreadsheets run as a formula. Remove it.");
            }
        }
        if (problems.Count > before)
        {
            return false;
        }

        if (row.EmployeeId.Length == 0)
        {
            Problem(EmployeeIdColumn, "The employee id is missing.");
        }
        else if (row.EmployeeId.Length > EmployeeIdLength || row.EmployeeId.Any(char.IsControl))
        {
            Problem(EmployeeIdColumn, $"The employee id must be at most {EmployeeIdLength} characters with no control characters.");
        }
        var name = TextRules.Clean(row.Name, TextRules.NameLength, required: true, "The name", TextKind.Line);
        if (name.Error is not null)
        {
            Problem(NameColumn, name.Error);
        }
        if (row.Email.Length == 0)
        {
            Problem(EmailColumn, "The email is missing.");
        }
        else if (row.Email.Length > TextRules.EmailLength || !PeopleService.IsEmailAddress(row.Email))
        {
            Problem(EmailColumn, $"“{Shorten(row.Email)}” is not an email address such as name@example.org.");
        }
        if (row.Team.Length == 0)
        {
            Problem(TeamColumn, "The team is missing.");
        }
        if (RoleOf(row) is null)
        {
            Problem(RoleColumn, row.Role.Length == 0 ? "The role is missing: leader or member." : $"The role is “{Shorten(row.Role)}”; it must be leader or member.");
        }
        if (row.ManagerId.Length > 0 && string.Equals(row.ManagerId, row.EmployeeId, StringComparison.Ordinal))
        {
            Problem(ManagerColumn, "A person cannot be their own manager.");
        }
        return problems.Count == before;
    }

    internal static Teams.TeamRole? RoleOf(OrgChartRow row) => row.Role.ToLowerInvariant() switch
    {
        "leader" or "lead" or "manager" => Teams.TeamRole.Leader,
        "member" => Teams.TeamRole.Member,
        _ => null,
    };

    internal static string Shorten(string value) => value.Length > 60 ? value[..60] + "…" : value;

    private static ImportProblem FileProblem(string message) => new(0, "", message);
}
