using Harrier.Core.Executions;

namespace Harrier.Core.Store;

/// <summary>
/// Task logs, line by line (a backend may store a run of lines together, as SQLite's chunks do, but every line keeps
/// its own sequence, level and timestamp). Appends are durable when the call returns; readers see lines in
/// <see cref="LogEntry.Sequence"/> order, which increases per execution.
/// </summary>
public interface ILogStore
{
    /// <summary>Appends lines in one transaction and returns them with their sequence numbers.</summary>
    Task<IReadOnlyList<LogEntry>> AppendAsync(IReadOnlyList<LogEntry> entries, CancellationToken cancellationToken);

    /// <summary>Lines of an execution with a sequence greater than <paramref name="afterSequence"/>, oldest first.</summary>
    Task<IReadOnlyList<LogEntry>> ReadAsync(string executionId, long afterSequence, int limit, CancellationToken cancellationToken);

    Task<long> CountAsync(string executionId, CancellationToken cancellationToken);
}
