using System.Collections;
using Harrier.Core.Executions;

namespace Harrier.Persistence.Logs;

/// <summary>
/// The lines of an append as stored: each with its sequence (<c>first + index</c>), made when it is read.
/// Copying every line up front cost a second object per line (a quarter of what a million-line task allocated),
/// mostly for a caller (the log writer) whose listeners are often none; a listener pays for what it reads.
/// </summary>
internal sealed class SequencedLogEntries(IReadOnlyList<LogEntry> appended, long first) : IReadOnlyList<LogEntry>
{
    // A copy of the references (8 bytes a line), so a caller reusing its list cannot change what was returned.
    private readonly LogEntry[] _entries = [.. appended];

    public int Count => _entries.Length;

    public LogEntry this[int index] => _entries[index] with { Sequence = first + index };

    public IEnumerator<LogEntry> GetEnumerator()
    {
        for (var i = 0; i < _entries.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
