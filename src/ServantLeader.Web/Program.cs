using ServantLeader.Web.Api;
using ServantLeader.Web.CommandLine;
using ServantLeader.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddServantLeaderLogging();
builder.AddServantLeaderData();
builder.AddServantLeaderIdentity();
builder.AddServantLeaderUi();
builder.AddServantLeaderIntegrations();
builder.AddServantLeaderRateLimits();

var app = builder.Build();

if (await app.RunCommandLineAsync(args))
{
    return;
}

await app.PrepareDatabaseAsync();
app.UseServantLeaderPipeline();
app.MapServantLeaderEndpoints();
app.MapServantLeaderApi();

await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
