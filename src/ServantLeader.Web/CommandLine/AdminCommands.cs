using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.People;

namespace ServantLeader.Web.CommandLine;

/// <summary>
/// Administrative commands run through the app itself, so they use the same configuration and database:
/// <c>dotnet ServantLeader.Web.dll create-admin --email a@b.org --name "Ada Admin"</c> (the password comes from
/// SERVANTLEADER_ADMIN_PASSWORD, or is asked for without echo), with <c>--recover</c> when no administrator can sign
/// in; <c>backup --to file</c> while the app runs;
/// <c>restore --from file</c> while it is stopped.
/// </summary>
internal static class AdminCommands
{
    public const string PasswordVariable = "SERVANTLEADER_ADMIN_PASSWORD";

    public static async Task<bool> RunCommandLineAsync(this WebApplication app, string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "create-admin":
                await CreateAdminAsync(app, args);
                return true;
            case "backup":
            case "restore":
                await BackupOrRestoreAsync(app, args);
                return true;
            default:
                return false;
        }
    }

    private static async Task BackupOrRestoreAsync(WebApplication app, string[] args)
    {
        var backup = args[0] == "backup";
        var file = Option(args, backup ? "--to" : "--from");
        if (file is null)
        {
            await Console.Error.WriteLineAsync(backup ? "Usage: backup --to <new file>" : "Usage: restore --from <backup file>");
            Environment.ExitCode = 2;
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServantLeaderDb>();
        if (!Microsoft.EntityFrameworkCore.SqliteDatabaseFacadeExtensions.IsSqlite(db.Database))
        {
            await Console.Error.WriteLineAsync("This database is PostgreSQL: back it up with pg_dump and restore with pg_restore (docs/operations.md).");
            Environment.ExitCode = 2;
            return;
        }
        var connection = Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetConnectionString(db.Database)!;
        try
        {
            if (backup)
            {
                var result = await SqliteBackup.BackupAsync(connection, file, CancellationToken.None);
                await Console.Out.WriteLineAsync(
                    $"Backed up to {result.Path}: {result.Bytes / 1024.0 / 1024.0:0.0} MB in {result.Elapsed.TotalSeconds:0.0} s, integrity check ok.");
            }
            else
            {
                await SqliteBackup.RestoreAsync(file, connection, CancellationToken.None);
                await Console.Out.WriteLineAsync($"Restored {Path.GetFullPath(file)}. Start the app; it applies any newer migrations.");
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or Microsoft.Data.Sqlite.SqliteException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync((backup ? "Backup failed: " : "Restore failed: ") + ex.Message);
            Environment.ExitCode = 1;
        }
    }

    private static async Task CreateAdminAsync(WebApplication app, string[] args)
    {
        // --recover: when every administrator is deactivated or locked out (PeopleService.RecoverAdminAsync).
        var recover = args.Contains("--recover", StringComparer.Ordinal);
        var email = Option(args, "--email");
        var name = Option(args, "--name") ?? email;
        if (email is null)
        {
            await Console.Error.WriteLineAsync("Usage: create-admin --email <address> [--name <display name>] [--recover]");
            Environment.ExitCode = 2;
            return;
        }
        var password = Environment.GetEnvironmentVariable(PasswordVariable) ?? ReadPassword();

        await DatabaseSetup.InitializeAsync(app.Services, CancellationToken.None);
        await using var scope = app.Services.CreateAsyncScope();
        var people = scope.ServiceProvider.GetRequiredService<PeopleService>();
        try
        {
            if (recover)
            {
                await people.RecoverAdminAsync(name!, email, password, CancellationToken.None);
                await Console.Out.WriteLineAsync($"Administrator access restored for {email}. Sign in; the audit log records the recovery.");
            }
            else
            {
                await people.CreateFirstAdminAsync(name!, email, password, CancellationToken.None);
                await Console.Out.WriteLineAsync($"Created administrator {email}. Sign in and add people and teams.");
            }
        }
        catch (RuleViolationException ex)
        {
            await Console.Error.WriteLineAsync("Not created: " + ex.Message);
            Environment.ExitCode = 1;
        }
        catch (ActionNotAllowedException ex)
        {
            await Console.Error.WriteLineAsync("Not created: " + ex.Message);
            Environment.ExitCode = 1;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.ReadLine() ?? "";
        }
        Console.Write("Password for the new administrator (at least 10 characters): ");
        var password = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }
            if (key.Key == ConsoleKey.Backspace && password.Length > 0)
            {
                password.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
        Console.WriteLine();
        return password.ToString();
    }
}
