namespace Harrier.Persistence.Sqlite;

/// <summary>Settings of the embedded SQLite store. Validated by <see cref="Validate"/> when the store opens.</summary>
public sealed record SqliteOptions
{
    /// <summary>Directory holding the database; created when missing. Required.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>File name inside <see cref="DataDirectory"/>. Default <c>harrier.db</c>.</summary>
    public string FileName { get; init; } = "harrier.db";

    /// <summary>How long a statement waits for a lock held by another process before failing. Default 30 s.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// <c>synchronous=FULL</c> instead of NORMAL: fsync on every commit, so even a power loss loses nothing,
    /// at the price of one disk flush per write. Default false (see <see cref="SqliteDatabase"/>).
    /// </summary>
    public bool SynchronousFull { get; init; }

    public string DatabasePath => Path.Combine(Path.GetFullPath(DataDirectory), FileName);

    /// <summary>Throws <see cref="DataDirectoryException"/> with a sentence a user can act on.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            throw new DataDirectoryException("The data directory is empty. Set it to a writable directory (for example ./.harrier).");
        }

        if (string.IsNullOrWhiteSpace(FileName) || FileName.IndexOfAny(['/', '\\']) >= 0)
        {
            throw new DataDirectoryException($"The database file name '{FileName}' is not a plain file name.");
        }

        if (BusyTimeout < TimeSpan.Zero || BusyTimeout > TimeSpan.FromMinutes(10))
        {
            throw new DataDirectoryException($"The SQLite busy timeout {BusyTimeout} is outside 0 to 10 minutes.");
        }
    }
}
