namespace ServantLeader.Domain.Data;

/// <summary>Configuration <c>ServantLeader:Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded default: one file, one app instance.</summary>
    Sqlite,

    /// <summary>For organisations: several app instances on one database server.</summary>
    Postgres,
}
