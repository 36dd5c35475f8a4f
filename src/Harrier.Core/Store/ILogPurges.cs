namespace Harrier.Core.Store;

/// <summary>
/// Deletes log lines by execution, level and date (<see cref="LogPurge"/>), in one transaction. A backend that stores lines
/// in chunks deletes a chunk whose every line matches and rewrites one where only some do; the lines kept keep their
/// sequences, and lines appended while a purge runs are never lost (a purge only deletes lines it has read).
/// </summary>
public interface ILogPurges
{
    /// <summary>Deletes the matching lines; returns how many.</summary>
    Task<long> PurgeAsync(LogPurge purge, CancellationToken cancellationToken);
}
