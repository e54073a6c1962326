namespace ServantLeader.Domain.Data;

/// <summary>
/// The database, its write-ahead log, backups and logs hold everyone's words: on Unix they are readable by the app's
/// own user only (files 0600, folders the app creates 0700), whatever the process umask. Windows files inherit the
/// folder's access list instead, so nothing is changed there.
/// </summary>
public static class OwnerOnlyFiles
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode Others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                                        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Creates the folder owner-only when it does not exist; an existing folder is the operator's choice and left alone.</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path, FolderMode);
        }
    }

    /// <summary>Creates an empty owner-only file if there is none, so whatever opens it next (SQLite) keeps that mode.</summary>
    public static void CreateFile(string path)
    {
        if (OperatingSystem.IsWindows() || File.Exists(path))
        {
            return;
        }
        try
        {
            using var _ = new FileStream(path, new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileMode });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance made it first; Tighten deals with its mode.
        }
    }

    /// <summary>Takes group and other access away from an existing file (for files made before this rule, or by others' umask).</summary>
    public static void Tighten(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path))
        {
            return;
        }
        var mode = File.GetUnixFileMode(path);
        if ((mode & Others) != 0)
        {
            File.SetUnixFileMode(path, mode & ~Others);
        }
    }
}
