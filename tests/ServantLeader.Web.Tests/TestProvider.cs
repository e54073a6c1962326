namespace ServantLeader.Web.Tests;

/// <summary>
/// Which database this build of the tests runs on. This project: SQLite. ServantLeader.Web.Postgres.Tests compiles
/// the same test files with its own copy of this class saying PostgreSQL.
/// </summary>
internal static class TestProvider
{
    public static bool Postgres => false;
}
