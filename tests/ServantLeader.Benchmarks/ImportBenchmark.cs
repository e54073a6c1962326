using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServantLeader.Domain;
using ServantLeader.Domain.Common;
using ServantLeader.Domain.Data;
using ServantLeader.Domain.People;
using ServantLeader.Domain.People.Import;
using ServantLeader.Domain.Teams;

namespace ServantLeader.Benchmarks;

/// <summary>
/// The org-chart import at the size the issue names. Usage:
///   dotnet run -c Release --project tests/ServantLeader.Benchmarks -- import [--rows 5000] [--runs 3]
/// Each run starts from an empty SQLite file with 50 teams, previews and applies a file of N rows (everyone new),
/// previews the same file again (nothing to do), then applies a second file where a tenth of the people changed
/// and a twentieth (none of them leaders) are gone. The last line printed is one JSON object with the medians.
/// </summary>
internal static class ImportBenchmark
{
    private const int Teams = 50;

    public static async Task RunAsync(int rows, int runs)
    {
        var results = new List<(double Preview, double Apply, double Again, double Changes)>();
        for (var run = 0; run < runs; run++)
        {
            results.Add(await OnceAsync(rows));
            var r = results[^1];
            Console.WriteLine(FormattableString.Invariant(
                $"run {run + 1}: preview {r.Preview:0} ms, apply {r.Apply:0} ms, same file again {r.Again:0} ms, second file applied {r.Changes:0} ms"));
        }
        double Median(Func<(double, double, double, double), double> pick) =>
            results.Select(pick).Order().ElementAt(results.Count / 2);
        var summary = new
        {
            rows,
            runs,
            previewMs = Median(r => r.Item1),
            applyMs = Median(r => r.Item2),
            previewAndApplySeconds = Math.Round((Median(r => r.Item1) + Median(r => r.Item2)) / 1000, 2),
            sameFileAgainMs = Median(r => r.Item3),
            secondFileMs = Median(r => r.Item4),
        };
        Console.WriteLine($"Median of {runs}: preview + apply of {rows:N0} rows took {summary.previewAndApplySeconds:0.00} s (goal < 10 s)");
        Console.WriteLine(JsonSerializer.Serialize(summary));
    }

    private static async Task<(double, double, double, double)> OnceAsync(int rows)
    {
        var file = Path.Combine(Path.GetTempPath(), $"servantleader-import-{Guid.NewGuid():N}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContextFactory<ServantLeaderDb>(o => o.UseServantLeaderSqlite(connectionString));
        services.AddServantLeaderServices();
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1);
        await using var provider = services.BuildServiceProvider();
        try
        {
            await DatabaseSetup.InitializeAsync(provider, CancellationToken.None);
            var admin = new Actor(0, IsAdmin: true);
            await using (var scope = provider.CreateAsyncScope())
            {
                var teams = scope.ServiceProvider.GetRequiredService<TeamService>();
                for (var t = 0; t < Teams; t++)
                {
                    await teams.CreateAsync(admin, new TeamDraft { Name = $"Team {t}", Purpose = "Benchmark." }, CancellationToken.None);
                }
            }
            var hr = new Actor(0, IsHr: true);
            var first = Csv(rows, changed: false);
            await using var importScope = provider.CreateAsyncScope();
            var import = importScope.ServiceProvider.GetRequiredService<OrgChartImport>();

            var clock = Stopwatch.StartNew();
            var preview = await import.PreviewAsync(hr, first, CancellationToken.None);
            var previewMs = clock.Elapsed.TotalMilliseconds;
            if (!preview.CanApply || preview.Added != Distinct(rows))
            {
                throw new InvalidOperationException($"Unexpected preview: {preview.ProblemCount} problems, {preview.Added} to add.");
            }
            clock.Restart();
            await import.ApplyAsync(hr, first, preview.Fingerprint, CancellationToken.None);
            var applyMs = clock.Elapsed.TotalMilliseconds;

            clock.Restart();
            var again = await import.PreviewAsync(hr, first, CancellationToken.None);
            var againMs = clock.Elapsed.TotalMilliseconds;
            if (again.HasChanges)
            {
                throw new InvalidOperationException("Re-importing the same file should change nothing.");
            }

            var second = Csv(rows, changed: true);
            clock.Restart();
            var next = await import.PreviewAsync(hr, second, CancellationToken.None);
            await import.ApplyAsync(hr, second, next.Fingerprint, CancellationToken.None);
            return (previewMs, applyMs, againMs, clock.Elapsed.TotalMilliseconds);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }
    }

    /// <summary>
    /// One line per person and team: two leaders per team, and every tenth person also a member of a second team.
    /// The changed file renames every tenth person, moves every tenth team's members, and drops every twentieth person who is not a leader.
    /// </summary>
    private static byte[] Csv(int rows, bool changed)
    {
        var text = new StringBuilder("employee id,name,email,team,role,manager employee id\n");
        var written = 0;
        for (var i = 0; written < rows; i++)
        {
            if (changed && i % 20 == 19 && i >= Teams * 2)
            {
                written++;
                continue;
            }
            var team = i % Teams;
            var leader = i < Teams * 2;
            var name = changed && i % 10 == 3 ? $"Person {i} Renamed" : $"Person {i}";
            var manager = leader ? "" : $"E{team}";
            var role = changed && team % 10 == 5 && !leader ? "leader" : leader ? "leader" : "member";
            text.Append(CultureInfo.InvariantCulture, $"E{i},{name},person{i}@example.org,Team {team},{role},{manager}\n");
            written++;
            if (!leader && i % 10 == 7 && written < rows)
            {
                text.Append(CultureInfo.InvariantCulture, $"E{i},{name},person{i}@example.org,Team {(team + 1) % Teams},member,{manager}\n");
                written++;
            }
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static int Distinct(int rows) =>
        Encoding.UTF8.GetString(Csv(rows, false)).Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[0]).Distinct().Count();
}
