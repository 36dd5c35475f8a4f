using System.Text;
using Harrier.Core.Logs;
using Harrier.Core.Store;
using Harrier.Core.Tasks.Running;
using Harrier.Scripts.Ion;

namespace Harrier.Scripts.Logs;

/// <summary>
/// <c>log.Fetch</c>: the logs of this execution (or of <c>executionId</c>, which must belong to <c>namespace</c>.<c>flowId</c>,
/// this flow by default) at <c>level</c> or above, of <c>tasksId</c> only when given, written one ION struct per line to
/// internal storage; outputs <c>uri</c> and <c>size</c> (the number of lines). Lines are read a page at a time and
/// streamed to the file, so memory stays flat in their number.
/// </summary>
public sealed class LogFetchTask(ILogStore logs, IExecutionStore executions) : IRunnableTask
{
    private const int Page = 5000;

    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var properties = context.Properties;
        var files = context.Files ?? throw new TaskFailedException("log.Fetch writes to internal storage, which this engine was started without");
        var target = await Core.Tasks.Executions.ExecutionTargets.FindAsync(context, executions, cancellationToken).ConfigureAwait(false);
        var executionId = target.Id;
        var minimum = TaskLogLevels.TryParse(properties.String("level") ?? "INFO", out var level) ? level : TaskLogLevel.Info;
        var tasks = properties.StringList("tasksId") is { Count: > 0 } list ? new HashSet<string>(list, StringComparer.Ordinal) : null;

        var path = Path.Combine(context.TempDirectory, $"harrier-fetch-{context.TaskRun.Id}-{context.Attempt}.ion");
        long count = 0;
        try
        {
            await using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)))
            {
                long after = 0;
                while (true)
                {
                    var page = await logs.ReadAsync(executionId, after, Page, cancellationToken).ConfigureAwait(false);
                    if (page.Count == 0)
                    {
                        break;
                    }

                    foreach (var entry in page.Where(e => e.Level >= minimum && (tasks is null || (e.TaskId is { } t && tasks.Contains(t)))))
                    {
                        await writer.WriteLineAsync(IonTextWriter.Write(Entry(target, entry))).ConfigureAwait(false);
                        count++;
                    }

                    after = page[^1].Sequence;
                }
            }

            var uri = await files.UploadAsync($"{context.Task.Id}.ion", path, cancellationToken).ConfigureAwait(false);
            return TaskOutcome.Success(new Dictionary<string, object?> { ["uri"] = uri.ToString(), ["size"] = count });
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Dictionary<string, object?> Entry(Core.Executions.Execution execution, Core.Executions.LogEntry entry) =>
        KestraLogEntries.ToMap(execution.Namespace, execution.FlowId, execution.Id, entry);
}
