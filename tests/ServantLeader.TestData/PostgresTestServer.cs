using Npgsql;

namespace ServantLeader.TestData;

/// <summary>
/// Throw-away databases on a real PostgreSQL server for the PostgreSQL runs of the test suites: one per test class,
/// dropped afterwards. The server comes from <c>SERVANTLEADER_TEST_POSTGRES</c> (a connection string for a role that
/// may create databases), by default the one <c>.ci/run</c> sets up on 127.0.0.1.
/// </summary>
public static class PostgresTestServer
{
    public const string Variable = "SERVANTLEADER_TEST_POSTGRES";
    private const string Default = "Host=127.0.0.1;Port=5432;Username=servantleader;Password=servantleader;Database=postgres";

    public static string AdminConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured ? configured : Default;

    /// <summary>Creates an empty database and returns the connection string to it.</summary>
    public static string CreateDatabase()
    {
        var name = "sl_test_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = Open())
        using (var create = connection.CreateCommand())
        {
            create.CommandText = $"CREATE DATABASE \"{name}\"";
            create.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ToString();
    }

    /// <summary>
    /// Drops a test database. Clean-up, not part of what a test proves: when the server will not drop it yet (a
    /// background worker still attached, say), it tries a few more times and then leaves it for the next server reset.
    /// </summary>
    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var connection = Open();
                using var drop = connection.CreateCommand();
                drop.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
                drop.ExecuteNonQuery();
                return;
            }
            catch (PostgresException) when (attempt < 5)
            {
                Thread.Sleep(200 * attempt);
            }
            catch (PostgresException)
            {
                return;
            }
        }
    }

    private static NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(AdminConnectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            connection.Dispose();
            throw new InvalidOperationException(
                $"The PostgreSQL test runs need a server: none answered at \"{new NpgsqlConnectionStringBuilder(AdminConnectionString) { Password = "…" }}\". " +
                $".ci/run installs and starts one; or set {Variable} to a connection string for a role that may create databases.", ex);
        }
    }
}
