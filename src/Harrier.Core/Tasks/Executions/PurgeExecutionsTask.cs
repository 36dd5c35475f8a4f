using System.Globalization;
using Harrier.Core.Executions;
using Harrier.Core.Storage;
using Harrier.Core.Store;
using Harrier.Core.Store.Search;
using Harrier.Core.Tasks.Running;
using Harrier.Core.Tasks.Types;

namespace Harrier.Core.Tasks.Executions;

/// <summary>
/// <c>io.kestra.plugin.core.execution.PurgeExecutions</c>: deletes the executions started at or after <c>startDate</c>
/// and ended at or before <c>endDate</c> — of one flow (<c>namespace</c> + <c>flowId</c>), of a namespace and its
/// children, or of every namespace — in <c>states</c> when given, as Kestra's repository query selects them. An execution
/// not ended has no end date, so it is never selected (the running one included). Each is deleted with its task runs,
/// jobs and metrics in one transaction (<see cref="IExecutionDeletions"/>), with its log lines unless <c>purgeLog</c> is
/// false, and its files in storage unless <c>purgeStorage</c> is false. Outputs Kestra's counts.
/// </summary>
/// <remarks>
/// Harrier keeps metrics inside task runs, so they go with the execution: <c>purgeMetric: false</c> with
/// <c>purgeExecution: true</c> cannot keep them and is refused, as is purging logs or files of executions that are kept
/// (<c>purgeExecution: false</c>), rather than silently doing something else.
/// </remarks>
public sealed class PurgeExecutionsTask(IExecutionSearch search, IExecutionStore executions, IExecutionDeletions deletions, ILogStore logs, IFileStorage? files) : IRunnableTask
{
    public const string Type = "io.kestra.plugin.core.execution.PurgeExecutions";

    private const int PageSize = 500;

    public static TaskTypeDescriptor Descriptor { get; } = new(Type, TaskKind.Runnable,
    [
        Prop.String("namespace", "The namespace of the flow (with flowId), or a namespace whose executions and its children's are purged (without)."),
        Prop.String("flowId", "The flow whose executions are purged (needs namespace)."),
        Prop.String("startDate", "Purge executions started at or after this date (ISO-8601)."),
        Prop.String("endDate", "Purge executions ended at or before this date (ISO-8601).", required: true),
        Prop.StringList("states", "Purge only executions in these states."),
        Prop.Boolean("purgeExecution", "Delete the executions.", true),
        Prop.Boolean("purgeLog", "Delete their log lines.", true),
        Prop.Boolean("purgeMetric", "Delete their metrics (kept in task runs: they go with the execution).", true),
        Prop.Boolean("purgeStorage", "Delete their files in internal storage.", true),
    ])
    {
        Aliases = ["io.kestra.core.tasks.storages.Purge", "io.kestra.plugin.core.storage.Purge"],
        Description = "Purge executions, their logs, metrics and files, by flow or namespace and date range.",
    };

    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var properties = context.Properties;
        var (purgeExecution, purgeLog, purgeMetric, purgeStorage) =
            (properties.Bool("purgeExecution", true), properties.Bool("purgeLog", true), properties.Bool("purgeMetric", true), properties.Bool("purgeStorage", true));
        if (!purgeExecution && (purgeLog || purgeStorage))
        {
            throw new TaskFailedException("purgeExecution: false with purgeLog or purgeStorage is not supported by Harrier: an execution's logs and files are deleted with it; set purgeLog: false and purgeStorage: false, or purgeExecution: true");
        }

        if (purgeExecution && !purgeMetric)
        {
            throw new TaskFailedException("purgeMetric: false is not supported by Harrier: metrics are kept in task runs and are deleted with their execution; remove purgeMetric or set purgeExecution: false");
        }

        var filters = Filters(properties.String("namespace"), properties.String("flowId"), properties.String("startDate"), properties.RequiredString("endDate"), properties.StringList("states"));
        var (executionsCount, logsCount, metricsCount, storagesCount) = (0, 0L, 0, 0);
        if (!purgeExecution)
        {
            return Outcome(0, 0, 0, 0);
        }

        // Deleting shifts later pages: always read the first page again until it is empty (or holds only what could not go).
        var skipped = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var page = await search.SearchAsync(new SearchQuery { Filters = filters, Size = PageSize }, cancellationToken).ConfigureAwait(false);
            var candidates = page.Results.Where(e => !skipped.Contains(e.Id) && e.Id != context.Execution.Id).ToList();
            if (candidates.Count == 0)
            {
                break;
            }

            foreach (var execution in candidates)
            {
                var lines = purgeLog ? await logs.CountAsync(execution.Id, cancellationToken).ConfigureAwait(false) : 0;
                var metrics = (await executions.GetTaskRunsAsync(execution.Id, cancellationToken).ConfigureAwait(false)).Sum(r => r.Metrics.Count);
                if (await deletions.DeleteAsync(execution.Id, keepLogs: !purgeLog, cancellationToken).ConfigureAwait(false) != ExecutionDeletion.Deleted)
                {
                    // Restarted (no longer ended) or deleted by someone else since the search: not ours to count.
                    skipped.Add(execution.Id);
                    continue;
                }

                executionsCount++;
                logsCount += lines;
                metricsCount += metrics;
                if (purgeStorage && files is not null)
                {
                    storagesCount += await files.DeleteAsync(StoragePaths.Execution(execution.Namespace, execution.FlowId, execution.Id), cancellationToken).ConfigureAwait(false);
                }
            }
        }

        context.Logger.Log(Logs.TaskLogLevel.Info, $"purged {executionsCount} executions, {logsCount} log lines, {metricsCount} metrics, {storagesCount} files");
        return Outcome(executionsCount, logsCount, metricsCount, storagesCount);
    }

    private static TaskOutcome Outcome(int executions, long logs, int metrics, int storages) =>
        TaskOutcome.Success(new Dictionary<string, object?>
        {
            ["executionsCount"] = executions,
            ["logsCount"] = logs,
            ["metricsCount"] = metrics,
            ["storagesCount"] = storages,
        });

    private static List<SearchFilter> Filters(string? ns, string? flowId, string? startDate, string endDate, IReadOnlyList<string>? states)
    {
        if (flowId is { Length: > 0 } && ns is not { Length: > 0 })
        {
            throw new TaskFailedException("flowId needs namespace: give the namespace of the flow whose executions are purged");
        }

        var filters = new List<SearchFilter> { new("endDate", FilterOperation.LessThanOrEqualTo, Date(endDate, "endDate")) };
        if (startDate is { Length: > 0 })
        {
            filters.Add(new SearchFilter("startDate", FilterOperation.GreaterThanOrEqualTo, Date(startDate, "startDate")));
        }

        if (ns is { Length: > 0 })
        {
            filters.Add(flowId is { Length: > 0 }
                ? new SearchFilter("namespace", FilterOperation.EqualTo, ns)
                : new SearchFilter("namespace", FilterOperation.Prefix, ns));
        }

        if (flowId is { Length: > 0 })
        {
            filters.Add(new SearchFilter("flowId", FilterOperation.EqualTo, flowId));
        }

        if (states is { Count: > 0 })
        {
            filters.Add(new SearchFilter("state", FilterOperation.In, [.. states.Select(s => States.Parse(s).ToName())]));
        }

        return filters;
    }

    private static string Date(string text, string property) => PropertyDates.Iso(text, property);
}
