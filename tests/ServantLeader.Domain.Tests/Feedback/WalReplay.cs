using System.Buffers.Binary;

namespace ServantLeader.Domain.Tests.Feedback;

/// <summary>
/// What someone holding a copy of a SQLite database and its write-ahead log can reconstruct: the database as it was
/// after each commit still in the log. The log is parsed by hand (https://www.sqlite.org/fileformat2.html#walformat):
/// a 32-byte header, then frames of a 24-byte header and one page; a frame whose "database size" field is non-zero ends
/// a commit. Cutting the log just after such a frame and opening the copy makes SQLite show exactly that commit's state.
/// </summary>
internal static class WalReplay
{
    private const int HeaderSize = 32;
    private const int FrameHeaderSize = 24;

    /// <summary>A commit found in a log: its salt (which log generation) and where its last frame ends.</summary>
    internal sealed record Commit(uint Salt, int Index, long End);

    /// <summary>The commits in a log file, oldest first. Frames with a stale salt (left from before a checkpoint) end the log.</summary>
    public static IReadOnlyList<Commit> Commits(byte[] wal)
    {
        var commits = new List<Commit>();
        if (wal.Length < HeaderSize)
        {
            return commits;
        }
        var pageSize = (int)BinaryPrimitives.ReadUInt32BigEndian(wal.AsSpan(8));
        var salt1 = BinaryPrimitives.ReadUInt32BigEndian(wal.AsSpan(16));
        var frameSize = FrameHeaderSize + pageSize;
        var index = 0;
        for (long at = HeaderSize; at + frameSize <= wal.Length; at += frameSize, index++)
        {
            if (BinaryPrimitives.ReadUInt32BigEndian(wal.AsSpan((int)at + 8)) != salt1)
            {
                break;
            }
            if (BinaryPrimitives.ReadUInt32BigEndian(wal.AsSpan((int)at + 4)) != 0)
            {
                commits.Add(new Commit(salt1, index, at + frameSize));
            }
        }
        return commits;
    }

    /// <summary>Writes the database file and the log cut after <paramref name="commit"/> into a fresh folder; returns the database's path.</summary>
    public static string Materialise(byte[] database, byte[] wal, Commit commit, string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "state.db");
        File.WriteAllBytes(path, database);
        File.WriteAllBytes(path + "-wal", wal.AsSpan(0, (int)commit.End).ToArray());
        return path;
    }
}
