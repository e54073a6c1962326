using Microsoft.EntityFrameworkCore;

namespace ServantLeader.Domain.Data;

/// <summary>
/// The same model on PostgreSQL. A type of its own only so that EF keeps its migrations
/// (src/ServantLeader.Migrations.Postgres) apart from SQLite's (src/ServantLeader.Migrations.Sqlite): each provider
/// writes its own DDL.
/// </summary>
public sealed class PostgresServantLeaderDb(DbContextOptions<PostgresServantLeaderDb> options) : ServantLeaderDb(options);
