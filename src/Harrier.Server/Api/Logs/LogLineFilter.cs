using Harrier.Core.Executions;
using Harrier.Core.Logs;
using Harrier.Server.Api.Errors;

namespace Harrier.Server.Api.Logs;

/// <summary>
/// Which lines of one execution a logs request wants: <c>minLevel</c>, <c>taskRunId</c>, <c>taskId</c>, <c>attempt</c>
/// (Kestra's parameters), or the same as <c>filters[level|taskId|taskRunId][EQUALS]=…</c>; and a text, <c>q</c> or
/// <c>filters[q][EQUALS|CONTAINS]=…</c>, that a line's message contains, ignoring case (Kestra's per-execution log
/// endpoints take its log filters, the text one included, as its /logs/search does).
/// </summary>
public sealed class LogLineFilter
{
    private TaskLogLevel? _minLevel;
    private string? _taskRunId;
    private string? _taskId;
    private int? _attempt;
    private string? _text;

    public static LogLineFilter Read(IQueryCollection query)
    {
        var filter = new LogLineFilter();
        var level = First(query, "minLevel", "filters[level][EQUALS]", "filters[level][GREATER_THAN_OR_EQUAL_TO]");
        if (level is not null)
        {
            filter._minLevel = TaskLogLevels.TryParse(level, out var parsed) ? parsed : throw ApiException.IllegalArgument($"'{level}' is not a log level; use TRACE, DEBUG, INFO, WARN or ERROR");
        }

        filter._taskRunId = First(query, "taskRunId", "filters[taskRunId][EQUALS]");
        filter._taskId = First(query, "taskId", "filters[taskId][EQUALS]");
        if (First(query, "attempt") is { } attempt)
        {
            filter._attempt = int.TryParse(attempt, out var number) ? number : throw ApiException.IllegalArgument($"attempt must be a whole number, not '{attempt}'");
        }

        filter._text = First(query, "q", "filters[q][EQUALS]", "filters[q][CONTAINS]");
        return filter;
    }

    public bool Matches(LogEntry entry) =>
        (_minLevel is not { } min || entry.Level >= min)
        && (_taskRunId is null || entry.TaskRunId == _taskRunId)
        && (_taskId is null || entry.TaskId == _taskId)
        && (_attempt is null || entry.Attempt == _attempt)
        && (_text is null || entry.Message.Contains(_text, StringComparison.OrdinalIgnoreCase));

    private static string? First(IQueryCollection query, params string[] names) =>
        names.Select(n => query[n].ToString()).FirstOrDefault(v => v.Length > 0);
}
