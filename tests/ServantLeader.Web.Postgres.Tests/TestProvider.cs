// Every test in this assembly runs on PostgreSQL: `dotnet test --filter Area=Postgres` selects them.
[assembly: Xunit.AssemblyTrait("Area", "Postgres")]

namespace ServantLeader.Web.Tests;

/// <summary>This build of the web tests runs on PostgreSQL (see the project file).</summary>
internal static class TestProvider
{
    public static bool Postgres => true;
}
