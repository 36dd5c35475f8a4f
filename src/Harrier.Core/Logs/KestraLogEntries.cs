using System.Globalization;
using Harrier.Core.Executions;

namespace Harrier.Core.Logs;

/// <summary>
/// A stored log line in the shape of Kestra's log entry (<c>namespace</c>, <c>flowId</c>, <c>taskId</c>,
/// <c>executionId</c>, <c>taskRunId</c>, <c>attemptNumber</c>, <c>timestamp</c> in milliseconds, <c>level</c>,
/// <c>message</c>), as <c>errorLogs()</c> returns them and <c>log.Fetch</c> writes them.
/// </summary>
public static class KestraLogEntries
{
    public static Dictionary<string, object?> ToMap(string ns, string flowId, string executionId, LogEntry entry) => new(StringComparer.Ordinal)
    {
        ["namespace"] = ns,
        ["flowId"] = flowId,
        ["taskId"] = entry.TaskId,
        ["executionId"] = executionId,
        ["taskRunId"] = entry.TaskRunId,
        ["attemptNumber"] = entry.Attempt is { } attempt ? (long)attempt : null,
        ["timestamp"] = Milliseconds(entry.Timestamp),
        ["level"] = entry.Level.ToName(),
        ["message"] = entry.Message,
    };

    /// <summary>ISO 8601 in UTC with milliseconds, as Kestra renders its dates.</summary>
    public static string Milliseconds(DateTimeOffset date) =>
        date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
