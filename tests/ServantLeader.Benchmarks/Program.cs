using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServantLeader.Benchmarks;
using ServantLeader.Domain;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Dashboard;
using ServantLeader.Domain.Data;
using ServantLeader.TestData;

// The dashboard at organisation scale. Usage:
//   dotnet run -c Release --project tests/ServantLeader.Benchmarks -- [--people 5000] [--runs 21] [--file path]
// The last line printed is one JSON object with the medians.
var people = Option("--people", 5_000);
var runs = Option("--runs", 21);
var file = OptionText("--file", Path.Combine(Path.GetTempPath(), $"servantleader-benchmark-{people}.db"));
var size = people == 5_000 ? OrganisationSize.Benchmark : OrganisationSize.Scaled(people);
var now = new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);

foreach (var suffix in new[] { "", "-wal", "-shm" })
{
    File.Delete(file + suffix);
}
var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString();
var services = new ServiceCollection();
services.AddLogging(b => { if (Environment.GetEnvironmentVariable("BENCHMARK_SQL_LOG") == "1") { b.AddSimpleConsole(); b.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", Microsoft.Extensions.Logging.LogLevel.Information); } });
services.AddDbContextFactory<ServantLeaderDb>(o => o.UseSqlite(connectionString));
services.AddServantLeaderServices();
services.AddSingleton<TimeProvider>(new FixedClock(now));
services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1);
await using var provider = services.BuildServiceProvider();
await DatabaseSetup.InitializeAsync(provider, CancellationToken.None);

Console.WriteLine($"Generating {size.People:N0} people, {size.Teams:N0} teams, {size.SupportEntries:N0} support entries, {size.Requests:N0} requests, {size.CheckIns:N0} check-ins into {file}");
GeneratedOrganisation org;
await using (var connection = new SqliteConnection(connectionString))
{
    await connection.OpenAsync();
    org = await new OrganisationGenerator(connection, now, seed: 2026).GenerateAsync(size);
}
Console.WriteLine($"Loaded {org.Rows:N0} rows in {org.Elapsed.TotalSeconds:0.0} s ({new FileInfo(file).Length / 1048576.0:0} MiB)");

var dashboards = provider.GetRequiredService<DashboardService>();
var dbs = provider.GetRequiredService<IDbContextFactory<ServantLeaderDb>>();
var hr = new Actor(0, IsHr: true);
var year = dashboards.LastWeeks(52);
var quarter = dashboards.LastWeeks(12);
var random = new Random(7);
int NextTeam() => org.TeamIds[random.Next(org.TeamIds.Count)];

if (Environment.GetEnvironmentVariable("BENCHMARK_PROFILE") == "1")
{
    foreach (var w in new[] { 1, 4, 12, 26, 52 })
    {
        var p = dashboards.LastWeeks(w);
        await Median($"team dashboard, {w} weeks", runs, async () => { var id = NextTeam(); await dashboards.TeamAsync(new Actor(org.LeaderOfTeam[id]), id, p, 4, CancellationToken.None); });
    }
}
var team = await Median("team dashboard, one team, 52 weeks", runs, async () =>
{
    var id = NextTeam();
    await dashboards.TeamAsync(new Actor(org.LeaderOfTeam[id]), id, year, 4, CancellationToken.None);
});
var overview = await Median("HR overview, all teams, 12 weeks", runs, () => dashboards.OverviewAsync(hr, quarter, CancellationToken.None));
var floor = new FloorQueries(connectionString, now);
var floorTeam = await Median("floor: one SQL statement per figure, one team, 52 weeks", runs, () => floor.TeamAsync(NextTeam(), year));
var floorOrg = await Median("floor: one SQL statement per figure, all teams, 12 weeks", runs, () => floor.OrganisationAsync(quarter));
var naive = new NaiveDashboard(dbs, now);
var naiveTeam = await Median("naive EF, rows loaded and aggregated in memory, one team, 52 weeks", Math.Max(3, runs / 3), () => naive.TeamAsync(NextTeam(), year));
var naiveOrg = await Median("naive EF, all teams, 12 weeks", 3, () => naive.OrganisationAsync(quarter));

Console.WriteLine($"ours/floor: team {team / floorTeam:0.00}, org {overview / floorOrg:0.00}; naive/ours: team {naiveTeam / team:0.0}, org {naiveOrg / overview:0.0}");
Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
{
    ["team_ms"] = Math.Round(team, 2),
    ["org_ms"] = Math.Round(overview, 2),
    ["floor_team_ms"] = Math.Round(floorTeam, 2),
    ["floor_org_ms"] = Math.Round(floorOrg, 2),
    ["naive_team_ms"] = Math.Round(naiveTeam, 2),
    ["naive_org_ms"] = Math.Round(naiveOrg, 2),
    ["people"] = size.People,
    ["teams"] = size.Teams,
    ["support_entries"] = size.SupportEntries,
    ["requests"] = size.Requests,
    ["check_ins"] = size.CheckIns,
    ["load_s"] = Math.Round(org.Elapsed.TotalSeconds, 1),
    ["runs"] = runs,
}));
return 0;

static async Task<double> Median(string name, int runs, Func<Task> run)
{
    await run();   // warm-up: JIT, query plans, page cache
    await run();
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var clock = Stopwatch.StartNew();
        await run();
        times.Add(clock.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    var median = times[times.Count / 2];
    Console.WriteLine($"{name}: median {median:0.00} ms (min {times[0]:0.00}, max {times[^1]:0.00}, {runs} runs)");
    return median;
}

int Option(string name, int fallback) =>
    int.Parse(OptionText(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

string OptionText(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
