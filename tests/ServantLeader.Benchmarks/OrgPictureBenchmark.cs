using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServantLeader.Domain;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.Growth;
using ServantLeader.TestData;
using ServantLeader.Web.Components.Pages.Growth;

namespace ServantLeader.Benchmarks;

/// <summary>
/// The upside-down picture at 500 teams: what one page load costs on the server, split into the query
/// (<see cref="OrgPicture.ReadAsync"/>), the layout at both widths and the SVG rendered to HTML (both drawings, as
/// the page sends them). Seeds the dashboard's generated organisation (team sizes varying, so that some teams are too
/// small for HR), then an org chart three levels deep, peer support and mentoring pairs.
/// Usage: dotnet run -c Release --project tests/ServantLeader.Benchmarks -- picture [--teams 500] [--support 1000000] [--runs 31]
/// </summary>
internal static class OrgPictureBenchmark
{
    public static async Task RunAsync(int teams, int supportEntries, int runs, bool reuse)
    {
        var people = teams * 10;
        var file = Path.Combine(Path.GetTempPath(), $"servantleader-picture-{teams}-{supportEntries}.db");
        // --reuse keeps the database an earlier run seeded (same sizes), to iterate on the queries quickly.
        reuse = reuse && File.Exists(file);
        foreach (var suffix in reuse ? [] : new[] { "", "-wal", "-shm" })
        {
            File.Delete(file + suffix);
        }
        var now = new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString();
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            if (Environment.GetEnvironmentVariable("BENCHMARK_SQL_LOG") == "1")
            {
                b.AddSimpleConsole().AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information);
            }
        });
        services.AddDbContextFactory<ServantLeaderDb>(o => o.UseServantLeaderSqlite(connectionString));
        services.AddServantLeaderServices();
        services.AddSingleton<TimeProvider>(new FixedClock(now));
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1);
        await using var provider = services.BuildServiceProvider();
        await DatabaseSetup.InitializeAsync(provider, CancellationToken.None);

        var size = new OrganisationSize(people, teams, supportEntries, 0, 0, 0, 730) { VaryTeamSizes = true };
        GeneratedOrganisation org;
        var seeding = Stopwatch.StartNew();
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            if (reuse)
            {
                org = await OrganisationGenerator.ReadAsync(connection);
            }
            else
            {
                org = await new OrganisationGenerator(connection, now, seed: 2026).GenerateAsync(size);
                await GrowthRowsAsync(connection, org, now);
            }
        }
        Console.WriteLine($"Load average before timing: {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown")} on {Environment.ProcessorCount} cores");
        Console.WriteLine($"Seeded {people:N0} people in {teams:N0} teams, {supportEntries:N0} support entries, an org chart and growth rows in {seeding.Elapsed.TotalSeconds:0.0} s");

        var pictures = provider.GetRequiredService<OrgPicture>();
        var hr = new Actor(0, IsHr: true);
        var random = new Random(7);
        var sample = await pictures.ReadAsync(hr, null, OrgPicture.DefaultWeeks, CancellationToken.None);
        Console.WriteLine($"HR's picture: {sample.Nodes.Count(n => n.Kind == PictureNodeKind.Team)} teams ({sample.Nodes.Count(n => n.Withheld && n.Kind == PictureNodeKind.Team)} withheld), "
            + $"{sample.Nodes.Count(n => n.Kind == PictureNodeKind.Group)} groups on {sample.Levels.Count} levels, {sample.Edges.Count} edges; "
            + $"{Encoding(await RenderAsync(provider, sample)) / 1024.0:0} KiB of SVG; drawn {OrgPictureLayout.Wide:0} px wide it is "
            + $"{OrgPictureLayout.Compute(sample, OrgPictureLayout.Wide).Height:0} px tall, {OrgPictureLayout.Narrow:0} px wide {OrgPictureLayout.Compute(sample, OrgPictureLayout.Narrow).Height:0} px");

        await using var renderer = new HtmlRenderer(provider, provider.GetRequiredService<ILoggerFactory>());
        await Measure("HR, whole organisation, 4 weeks", runs, () => pictures.ReadAsync(hr, null, 4, CancellationToken.None), renderer);
        await Measure("HR, whole organisation, 52 weeks", runs, () => pictures.ReadAsync(hr, null, 52, CancellationToken.None), renderer);
        await Measure("leader, one team, 4 weeks", runs, () =>
        {
            var team = org.TeamIds[random.Next(org.TeamIds.Count)];
            return pictures.ReadAsync(new Actor(org.LeaderOfTeam[team]), team, 4, CancellationToken.None);
        }, renderer);
    }

    private static long Encoding(string html) => System.Text.Encoding.UTF8.GetByteCount(html);

    private static async Task<string> RenderAsync(IServiceProvider provider, OrgPictureView view)
    {
        await using var renderer = new HtmlRenderer(provider, provider.GetRequiredService<ILoggerFactory>());
        return await RenderAsync(renderer, view);
    }

    /// <summary>Layout at both widths and both SVGs to HTML, as the page does.</summary>
    private static Task<string> RenderAsync(HtmlRenderer renderer, OrgPictureView view) => renderer.Dispatcher.InvokeAsync(async () =>
    {
        var html = new System.Text.StringBuilder();
        foreach (var (width, id) in new[] { (OrgPictureLayout.Narrow, "narrow"), (OrgPictureLayout.Wide, "wide") })
        {
            var layout = OrgPictureLayout.Compute(view, width);
            var output = await renderer.RenderComponentAsync<OrgPictureSvg>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(OrgPictureSvg.View)] = view, [nameof(OrgPictureSvg.Layout)] = layout, [nameof(OrgPictureSvg.Id)] = id,
            }));
            html.Append(output.ToHtmlString());
        }
        return html.ToString();
    });

    private static async Task Measure(string name, int runs, Func<Task<OrgPictureView>> read, HtmlRenderer renderer)
    {
        var query = new List<double>();
        var draw = new List<double>();
        var total = new List<double>();
        var cpu = new List<double>();
        var process = Process.GetCurrentProcess();
        for (var i = -2; i < runs; i++)   // two warm-up runs: JIT, query plans, page cache
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var view = await read();
            var queried = clock.Elapsed.TotalMilliseconds;
            await RenderAsync(renderer, view);
            if (i >= 0)
            {
                query.Add(queried);
                draw.Add(clock.Elapsed.TotalMilliseconds - queried);
                total.Add(clock.Elapsed.TotalMilliseconds);
                process.Refresh();
                cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            }
        }
        Console.WriteLine($"{name}: total median {Median(total):0.0} ms, p95 {P95(total):0.0} ms "
            + $"(CPU time median {Median(cpu):0.0} ms, p95 {P95(cpu):0.0} ms; query median {Median(query):0.0} / p95 {P95(query):0.0}; layout + SVG median {Median(draw):0.0} / p95 {P95(draw):0.0}; {runs} runs)");
    }

    private static double Median(List<double> times) => Percentile.Of(times, 50) ?? 0;
    private static double P95(List<double> times) => Percentile.Of(times, 95) ?? 0;

    /// <summary>
    /// An org chart three levels deep over the team leaders (leader of team i reports to the leader of team i/10*10,
    /// who reports to the leader of team i/100*100, who reports to the leader of the first team), peer support between
    /// teammates over the last four months (60% confirmed) and a mentoring pair for about one person in five.
    /// </summary>
    private static async Task GrowthRowsAsync(SqliteConnection connection, GeneratedOrganisation org, DateTimeOffset now)
    {
        var random = new Random(15);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        var leaders = org.TeamIds.Select(t => org.LeaderOfTeam[t]).ToList();
        for (var i = 1; i < leaders.Count; i++)
        {
            var boss = i % 10 != 0 ? leaders[i / 10 * 10] : i % 100 != 0 ? leaders[i / 100 * 100] : leaders[0];
            await ExecuteAsync(connection, tx, "UPDATE People SET ManagerId = $m WHERE Id = $p", ("$m", boss), ("$p", leaders[i]));
        }
        var members = new List<(int Team, int Person)>();
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = tx;
            read.CommandText = "SELECT TeamId, PersonId FROM Memberships WHERE Role = 'Member'";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                members.Add((reader.GetInt32(0), reader.GetInt32(1)));
            }
        }
        var byTeam = members.GroupBy(m => m.Team).Where(g => g.Count() > 1).ToDictionary(g => g.Key, g => g.Select(m => m.Person).ToList());
        var teams = byTeam.Keys.ToList();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        for (var i = 0; i < members.Count * 2; i++)
        {
            var team = teams[random.Next(teams.Count)];
            var giver = byTeam[team][random.Next(byTeam[team].Count)];
            var receiver = byTeam[team].First(p => p != giver);
            var created = now.AddDays(-random.Next(0, 120));
            await ExecuteAsync(connection, tx, """
                INSERT INTO PeerSupport (GiverId, ReceiverId, TeamId, Category, Minutes, Date, Note, SharedWithReceiver, CreatedAt, ConfirmedAt)
                VALUES ($g, $r, $t, 'Mentoring', $min, $d, '', 0, $c, $ca)
                """, ("$g", giver), ("$r", receiver), ("$t", team), ("$min", random.Next(10, 120)),
                ("$d", today.AddDays(-(int)(now - created).TotalDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("$c", created.ToUnixTimeMilliseconds()), ("$ca", random.NextDouble() < 0.6 ? created.AddDays(1).ToUnixTimeMilliseconds() : null));
        }
        for (var i = 0; i < members.Count / 5; i++)
        {
            var mentor = members[random.Next(members.Count)].Person;
            var mentee = members[random.Next(members.Count)].Person;
            if (mentor != mentee)
            {
                await ExecuteAsync(connection, tx, """
                    INSERT INTO MentoringPairs (MentorId, MenteeId, ProposedById, Focus, Status, PlanShared, ProposedAt, StartedAt, Version)
                    VALUES ($a, $b, $a, 'Generated', 'Active', 0, $c, $c, 1)
                    """, ("$a", mentor), ("$b", mentee), ("$c", now.AddDays(-30).ToUnixTimeMilliseconds()));
            }
        }
        await tx.CommitAsync();
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction tx, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        await command.ExecuteNonQueryAsync();
    }
}
