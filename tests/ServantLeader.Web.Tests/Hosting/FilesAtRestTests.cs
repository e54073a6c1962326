using Microsoft.Data.Sqlite;
using ServantLeader.Domain.Data;
using ServantLeader.Web.Tests.TestHost;

namespace ServantLeader.Web.Tests.Hosting;

/// <summary>What the app writes to disk is readable by its own user only: 0600 files, 0700 folders it creates.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Trait("Area", "Trust")]
[Trait("Area", "Security")]
public sealed class FilesAtRestTests : IDisposable
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerFolder = OwnerFile | UnixFileMode.UserExecute;

    private readonly string _root = FolderApp.NewFolder();

    public FilesAtRestTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task A_new_database_its_log_files_and_the_app_log_are_created_owner_only()
    {
        var data = Path.Combine(_root, "data");
        var logs = Path.Combine(_root, "logs");
        var database = Path.Combine(data, "app.db");
        await using var app = new FolderApp(database, new Dictionary<string, string?> { ["ServantLeader:LogDirectory"] = logs });

        // The first request starts the app (folder, migrations, WAL); a failed sign-in writes a warning to the log.
        using var response = await AppFactory.PostLoginAsync(app.Browser(), "nobody@example.org", "wrong-password");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);

        // SQLite removes -wal and -shm when its last connection closes and makes them again, with the database
        // file's mode, when one opens: hold one open as the app's pool does, so they are there to look at.
        await using var open = new SqliteConnection(app.ConnectionString);
        await open.OpenAsync();
        await using (var read = open.CreateCommand())
        {
            read.CommandText = "SELECT count(*) FROM AspNetUsers;";
            await read.ExecuteScalarAsync();
        }

        Assert.Equal(OwnerFolder, File.GetUnixFileMode(data));
        Assert.Equal(OwnerFolder, File.GetUnixFileMode(logs));
        foreach (var file in new[] { database, database + "-wal", database + "-shm" }.Concat(Directory.GetFiles(logs)))
        {
            Assert.True(File.Exists(file), $"{file} is missing.");
            Assert.Equal((file, OwnerFile), (file, File.GetUnixFileMode(file)));
        }
        Assert.NotEmpty(Directory.GetFiles(logs));
    }

    [Fact]
    public async Task Files_made_earlier_with_wider_modes_are_tightened_at_start_up()
    {
        var database = Path.Combine(_root, "app.db");
        var logs = Path.Combine(_root, "logs");
        Directory.CreateDirectory(logs);
        var oldLog = Path.Combine(logs, "servantleader-20260101.json");
        await File.WriteAllTextAsync(oldLog, "{}\n");
        await File.WriteAllBytesAsync(database, []);
        var wide = OwnerFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        File.SetUnixFileMode(database, wide);
        File.SetUnixFileMode(oldLog, wide);

        await using var app = new FolderApp(database, new Dictionary<string, string?> { ["ServantLeader:LogDirectory"] = logs });
        using var response = await app.Browser().GetAsync("/account/login");
        response.EnsureSuccessStatusCode();

        Assert.Equal(OwnerFile, File.GetUnixFileMode(database));
        Assert.Equal(OwnerFile, File.GetUnixFileMode(oldLog));
    }

    [Fact]
    public async Task A_backup_and_its_new_folder_are_owner_only_and_so_is_a_restored_database()
    {
        var database = Path.Combine(_root, "app.db");
        await using (var app = new FolderApp(database))
        {
            using var response = await app.Browser().GetAsync("/account/login");
            response.EnsureSuccessStatusCode();
            var backups = Path.Combine(_root, "backups");
            var backup = await SqliteBackup.BackupAsync(app.ConnectionString, Path.Combine(backups, "copy.db"), CancellationToken.None);

            Assert.Equal(OwnerFolder, File.GetUnixFileMode(backups));
            Assert.Equal(OwnerFile, File.GetUnixFileMode(backup.Path));
            // A backup copied about by hand may come back with any mode.
            File.SetUnixFileMode(backup.Path, OwnerFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        SqliteConnection.ClearAllPools();

        var restored = Path.Combine(_root, "restored", "app.db");
        await SqliteBackup.RestoreAsync(Path.Combine(_root, "backups", "copy.db"), $"Data Source={restored}", CancellationToken.None);

        Assert.Equal(OwnerFolder, File.GetUnixFileMode(Path.GetDirectoryName(restored)!));
        Assert.Equal(OwnerFile, File.GetUnixFileMode(restored));
    }
}
