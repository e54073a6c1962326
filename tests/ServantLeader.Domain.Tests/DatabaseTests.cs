namespace ServantLeader.Domain.Tests;

/// <summary>Base for test classes that need a fresh database per test.</summary>
public abstract class DatabaseTests : IAsyncLifetime
{
    protected TestDatabase Db { get; } = new();

    public virtual Task InitializeAsync() => Db.InitializeAsync();

    public virtual Task DisposeAsync() => Db.DisposeAsync();
}

/// <summary>Base for test classes that need the standard two-team <see cref="Organisation"/>.</summary>
public abstract class OrganisationTests : DatabaseTests
{
    protected Organisation Org { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Org = await Organisation.CreateAsync(Db);
    }
}
