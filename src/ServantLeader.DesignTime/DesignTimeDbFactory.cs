using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using ServantLeader.Domain.Data;

namespace ServantLeader.DesignTime;

/// <summary>Lets `dotnet ef` build the model without starting the web app. The file is never opened.</summary>
internal sealed class DesignTimeDbFactory : IDesignTimeDbContextFactory<ServantLeaderDb>
{
    public ServantLeaderDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ServantLeaderDb>().UseServantLeaderSqlite("Data Source=design-time.db").Options);
}

/// <summary>The PostgreSQL model, for its own migrations. No server is contacted.</summary>
internal sealed class PostgresDesignTimeDbFactory : IDesignTimeDbContextFactory<PostgresServantLeaderDb>
{
    public PostgresServantLeaderDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresServantLeaderDb>().UseServantLeaderPostgres("Host=localhost;Database=design_time").Options);
}
