namespace Harrier.Persistence;

/// <summary>
/// What Harrier keeps in a data directory is for its owner only: folders it creates are 0700, files 0600, whatever
/// the umask. The database holds outputs and logs, storage holds output files and FILE inputs: another local user must
/// not read them. Files left more open by an older Harrier are tightened when they are opened.
/// </summary>
public static class OwnerOnly
{
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Creates the directory (and missing parents) owner-only; an existing one keeps its mode (it may be the user's own folder).</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        // Directory.CreateDirectory(path, mode) gives the mode to the last folder only: each missing one is made here.
        var missing = new Stack<string>();
        for (var current = Path.GetFullPath(path); !Directory.Exists(current); current = Path.GetDirectoryName(current)!)
        {
            missing.Push(current);
            if (Path.GetDirectoryName(current) is null)
            {
                break;
            }
        }

        while (missing.TryPop(out var folder))
        {
            Directory.CreateDirectory(folder, DirectoryMode);
        }
    }

    /// <summary>Creates a folder of Harrier's own (storage) owner-only, and tightens it when it exists with group or other access.</summary>
    public static void CreateOwnDirectory(string path)
    {
        CreateDirectory(path);
        Tighten(path, DirectoryMode);
    }

    /// <summary>
    /// Before SQLite opens <paramref name="databasePath"/>: creates it empty and 0600 when missing (SQLite gives its
    /// <c>-wal</c> and <c>-shm</c> files the database's mode), or tightens it and them when they are more open. Errors are
    /// left to the caller's write probe, which explains them.
    /// </summary>
    public static void PrepareDatabase(string databasePath)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
            if (!File.Exists(databasePath))
            {
                using var _ = new FileStream(databasePath, new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileMode });
            }

            foreach (var path in (string[])[databasePath, databasePath + "-wal", databasePath + "-shm", databasePath + "-journal"])
            {
                Tighten(path, FileMode);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The data directory cannot be written; the probe that follows says so in one sentence.
        }
    }

    /// <summary>Options for a new file that only its owner may read and write.</summary>
    public static FileStreamOptions NewFile(System.IO.FileMode mode = System.IO.FileMode.CreateNew, FileOptions options = FileOptions.Asynchronous)
    {
        var stream = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 1, Options = options };
        if (!OperatingSystem.IsWindows())
        {
            stream.UnixCreateMode = FileMode;
        }

        return stream;
    }

    /// <summary>Removes group and other access from an existing file or folder (a copy keeps its source's mode).</summary>
    public static void Tighten(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows() || !Path.Exists(path))
        {
            return;
        }

        if ((File.GetUnixFileMode(path) & GroupOrOther) != 0)
        {
            File.SetUnixFileMode(path, mode);
        }
    }
}
