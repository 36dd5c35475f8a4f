using System.Globalization;
using Harrier.Core.Executions;
using Harrier.Core.Json;

namespace Harrier.Cli.Executions;

/// <summary>The human summary printed after <c>harrier run</c> and by <c>executions show</c>: task runs, outputs, metrics.</summary>
public static class ExecutionSummary
{
    private const int MaxValueWidth = 200;

    public static async Task WriteAsync(TextWriter output, Execution execution, IReadOnlyList<TaskRun> taskRuns)
    {
        await output.WriteLineAsync().ConfigureAwait(false);
        var width = Math.Max(4, taskRuns.Select(t => t.TaskId.Length + Depth(t, taskRuns) * 2).DefaultIfEmpty(4).Max());
        foreach (var run in taskRuns)
        {
            var indent = new string(' ', Depth(run, taskRuns) * 2);
            var name = (indent + run.TaskId + (run.Value is null ? "" : $" [{run.Value}]")).PadRight(width);
            await output.WriteLineAsync($"  {name}  {run.State.ToName(),-8} {Duration(run.Attempts.Count > 0 ? run.Attempts[0].StartDate : run.CreatedAt, run.EndDate)}").ConfigureAwait(false);
            if (run.Outputs.Count > 0)
            {
                await output.WriteLineAsync($"  {new string(' ', width)}  outputs: {Truncate(PlainJson.Serialize(run.Outputs))}").ConfigureAwait(false);
            }

            foreach (var metric in run.Metrics)
            {
                var tags = metric.Tags.Count == 0 ? "" : " " + string.Join(",", metric.Tags.Select(t => $"{t.Key}={t.Value}"));
                await output.WriteLineAsync($"  {new string(' ', width)}  metric {metric.Name} ({metric.Type.ToString().ToLowerInvariant()}) = {metric.Value.ToString(CultureInfo.InvariantCulture)}{tags}").ConfigureAwait(false);
            }
        }

        if (execution.Outputs.Count > 0)
        {
            await output.WriteLineAsync($"  flow outputs: {Truncate(PlainJson.Serialize(execution.Outputs))}").ConfigureAwait(false);
        }

        if (execution.AttemptNumber > 1)
        {
            await output.WriteLineAsync($"  attempt {execution.AttemptNumber}; the first attempt is execution {execution.OriginalId}").ConfigureAwait(false);
        }

        if (execution is { State: State.Retried, RetryAt: { } retryAt })
        {
            await output.WriteLineAsync($"  next attempt ({execution.AttemptNumber + 1}) due at {retryAt:O}: {Core.Engine.Executors.NewExecutionRetry.NextId(execution)}").ConfigureAwait(false);
        }
        else if (execution.State == State.Retried)
        {
            await output.WriteLineAsync($"  retried by execution {Core.Engine.Executors.NewExecutionRetry.NextId(execution)} (attempt {execution.AttemptNumber + 1})").ConfigureAwait(false);
        }

        var took = Duration(execution.StartDate ?? execution.CreatedAt, execution.EndDate);
        await output.WriteLineAsync(execution.State == State.Paused
            ? $"Execution {execution.Id} PAUSED after {Duration(execution.StartDate ?? execution.CreatedAt, DateTimeOffset.UtcNow)}"
            : $"Execution {execution.Id} {execution.State.ToName()} in {took}").ConfigureAwait(false);
    }

    private static int Depth(TaskRun run, IReadOnlyList<TaskRun> all)
    {
        var depth = 0;
        var parent = run.ParentTaskRunId;
        while (parent is not null && all.FirstOrDefault(t => t.Id == parent) is { } p)
        {
            depth++;
            parent = p.ParentTaskRunId;
        }

        return depth;
    }

    private static string Duration(DateTimeOffset start, DateTimeOffset? end) =>
        end is { } e ? $"{(e - start).TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)} s" : "";

    private static string Truncate(string text) => text.Length <= MaxValueWidth ? text : text[..MaxValueWidth] + "…";
}
