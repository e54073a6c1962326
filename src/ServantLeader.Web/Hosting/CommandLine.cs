using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.People;

namespace ServantLeader.Web.Hosting;

/// <summary>
/// Administrative commands run through the app itself, so they use the same configuration and database:
/// <c>dotnet ServantLeader.Web.dll create-admin --email a@b.org --name "Ada Admin"</c>.
/// The password comes from SERVANTLEADER_ADMIN_PASSWORD, or is asked for without echo.
/// </summary>
internal static class CommandLine
{
    public const string PasswordVariable = "SERVANTLEADER_ADMIN_PASSWORD";

    public static async Task<bool> RunCommandLineAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "create-admin")
        {
            return false;
        }

        var email = Option(args, "--email");
        var name = Option(args, "--name") ?? email;
        if (email is null)
        {
            await Console.Error.WriteLineAsync("Usage: create-admin --email <address> [--name <display name>]");
            Environment.ExitCode = 2;
            return true;
        }
        var password = Environment.GetEnvironmentVariable(PasswordVariable) ?? ReadPassword();

        await DatabaseSetup.InitializeAsync(app.Services, CancellationToken.None);
        await using var scope = app.Services.CreateAsyncScope();
        var people = scope.ServiceProvider.GetRequiredService<PeopleService>();
        try
        {
            await people.CreateFirstAdminAsync(name!, email, password, CancellationToken.None);
            await Console.Out.WriteLineAsync($"Created administrator {email}. Sign in and add people and teams.");
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
        return true;
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
