using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace ServantLeader.Domain.Data;

/// <summary>
/// The one place that tells EF where each provider's migrations live. They are generated code, kept in assemblies of
/// their own (src/ServantLeader.Migrations.Sqlite and .Postgres) so that they do not outweigh the domain; those reference
/// the domain, so the domain names them by assembly name, and every host that migrates references them so they load.
/// Build the options with these, not with UseSqlite/UseNpgsql alone: without the name EF looks in this assembly, finds
/// no migrations, and reports the whole model as a pending change.
/// </summary>
public static class DatabaseOptions
{
    public const string SqliteMigrationsAssembly = "ServantLeader.Migrations.Sqlite";

    public const string PostgresMigrationsAssembly = "ServantLeader.Migrations.Postgres";

    public static DbContextOptionsBuilder UseServantLeaderSqlite(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));

    /// <summary>On a connection the caller keeps open: an in-memory database lives only as long as its connection.</summary>
    public static DbContextOptionsBuilder UseServantLeaderSqlite(this DbContextOptionsBuilder options, DbConnection connection) =>
        options.UseSqlite(connection, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));

    public static DbContextOptionsBuilder UseServantLeaderPostgres(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly));

    // The same, typed for `new ServantLeaderDb(builder.Options)` and its PostgreSQL twin.

    public static DbContextOptionsBuilder<ServantLeaderDb> UseServantLeaderSqlite(this DbContextOptionsBuilder<ServantLeaderDb> options,
        string connectionString) =>
        (DbContextOptionsBuilder<ServantLeaderDb>)UseServantLeaderSqlite((DbContextOptionsBuilder)options, connectionString);

    public static DbContextOptionsBuilder<ServantLeaderDb> UseServantLeaderSqlite(this DbContextOptionsBuilder<ServantLeaderDb> options,
        DbConnection connection) =>
        (DbContextOptionsBuilder<ServantLeaderDb>)UseServantLeaderSqlite((DbContextOptionsBuilder)options, connection);

    public static DbContextOptionsBuilder<PostgresServantLeaderDb> UseServantLeaderPostgres(
        this DbContextOptionsBuilder<PostgresServantLeaderDb> options, string connectionString) =>
        (DbContextOptionsBuilder<PostgresServantLeaderDb>)UseServantLeaderPostgres((DbContextOptionsBuilder)options, connectionString);
}
