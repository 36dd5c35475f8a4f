using Harrier.Core.Flows;
using Harrier.Core.Logs;
using Harrier.Core.Store;

namespace Harrier.Core.Engine.Workers;

/// <summary>
/// <c>errorLogs()</c>: the ERROR lines of the current execution stored so far, oldest first, each as Kestra's log entry
/// (<c>namespace</c>, <c>flowId</c>, <c>executionId</c>, <c>taskId</c>, <c>taskRunId</c>, <c>attemptNumber</c>,
/// <c>timestamp</c>, <c>level</c>, <c>message</c>) — what an <c>errors</c> branch reports.
/// </summary>
/// <remarks>
/// Read only when an expression calls the function, synchronously (expressions are evaluated synchronously), a page at a
/// time; at most <see cref="Limit"/> entries, so an execution that logged a million errors cannot exhaust the worker.
/// </remarks>
internal static class ErrorLogs
{
    public const int Limit = 1000;
    private const int Page = 5000;

    public static IReadOnlyList<object?> Read(ILogStore logs, FlowDefinition flow, string executionId)
    {
        var errors = new List<object?>();
        long after = 0;
        while (errors.Count < Limit)
        {
            var page = logs.ReadAsync(executionId, after, Page, CancellationToken.None).GetAwaiter().GetResult();
            if (page.Count == 0)
            {
                break;
            }

            foreach (var entry in page.Where(e => e.Level == TaskLogLevel.Error).Take(Limit - errors.Count))
            {
                errors.Add(KestraLogEntries.ToMap(flow.Namespace, flow.Id, executionId, entry));
            }

            after = page[^1].Sequence;
        }

        return errors;
    }
}
