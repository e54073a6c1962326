using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace ServantLeader.Domain.Data;

public sealed record BackupResult(string Path, long Bytes, TimeSpan Elapsed);

/// <summary>
/// Online backup and restore of the SQLite database with SQLite's own backup API (sqlite3_backup): the copy is one
/// consistent state of the database even while the app keeps writing, and it includes the Data Protection keys.
/// </summary>
public static class SqliteBackup
{
    public static async Task<BackupResult> BackupAsync(string sourceConnectionString, string destination, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var target = Path.GetFullPath(destination);
        if (File.Exists(target))
        {
            throw new IOException($"{target} already exists; choose a new file name so no earlier backup is overwritten.");
        }
        OwnerOnlyFiles.CreateFolder(Path.GetDirectoryName(target)!);
        var temporary = target + ".partial";
        File.Delete(temporary);
        // An empty owner-only file that SQLite fills: the copy holds everything the database holds.
        OwnerOnlyFiles.CreateFile(temporary);
        await using (var source = new SqliteConnection(sourceConnectionString))
        await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()))
        {
            await source.OpenAsync(ct);
            await copy.OpenAsync(ct);
            source.BackupDatabase(copy);
            // A backup is a single file: no write-ahead log beside it.
            await ExecuteAsync(copy, "PRAGMA journal_mode=DELETE;", ct);
            await RequireIntactAsync(copy, "The copy", ct);
        }
        File.Move(temporary, target);
        return new BackupResult(target, new FileInfo(target).Length, clock.Elapsed);
    }

    /// <summary>Puts a backup in place of the database. The app must be stopped: it holds the file open.</summary>
    public static async Task RestoreAsync(string backup, string targetConnectionString, CancellationToken ct)
    {
        var source = Path.GetFullPath(backup);
        if (!File.Exists(source))
        {
            throw new FileNotFoundException($"There is no backup at {source}.", source);
        }
        await using (var check = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            await check.OpenAsync(ct);
            await RequireIntactAsync(check, "The backup", ct);
        }
        var target = Path.GetFullPath(new SqliteConnectionStringBuilder(targetConnectionString).DataSource);
        OwnerOnlyFiles.CreateFolder(Path.GetDirectoryName(target)!);
        // The old log belongs to the old database; left beside the restored file it would be replayed into it.
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            File.Delete(target + suffix);
        }
        File.Copy(source, target, overwrite: true);
        // A copy takes the backup's mode, which may be wider than the database's should be.
        DatabaseSetup.TightenSqliteFiles(target);
    }

    public static async Task<string> IntegrityAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task RequireIntactAsync(SqliteConnection connection, string what, CancellationToken ct)
    {
        var result = await IntegrityAsync(connection, ct);
        if (result != "ok")
        {
            throw new InvalidDataException($"{what} failed SQLite's integrity check: {result}");
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
