using Harrier.Core.Flows;
using Harrier.Core.Store;
using Harrier.Core.Tasks.Running;
using Harrier.Core.Tasks.Types;

namespace Harrier.Core.Tasks.Executions;

/// <summary>
/// <c>io.kestra.plugin.core.execution.Labels</c>: adds <c>labels</c> — a map, or a list of <c>{key, value}</c> — to the
/// running execution (a key it already has is replaced). Keys under <c>system.</c> are Harrier's and Kestra's own and are
/// refused, as the API refuses them.
/// </summary>
public sealed class LabelsTask(IExecutionStore store) : IRunnableTask
{
    public const string Type = "io.kestra.plugin.core.execution.Labels";

    public static TaskTypeDescriptor Descriptor { get; } = new(Type, TaskKind.Runnable,
        [Prop.Any("labels", "Labels to add: a map of key to value, or a list of {key, value}.", required: true)])
    {
        Aliases = ["io.kestra.core.tasks.executions.Labels"],
        Description = "Add labels to the running execution.",
    };

    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var labels = Read(context.Properties.Value("labels"), context.Task.Path);
        if (labels.FirstOrDefault(l => l.Key.StartsWith("system.", StringComparison.Ordinal)) is { } reserved)
        {
            throw new TaskFailedException($"{context.Task.Path}.labels: '{reserved.Key}' is reserved (labels starting with 'system.' are set by Harrier)");
        }

        _ = await store.AddLabelsAsync(context.Execution.Id, labels, cancellationToken).ConfigureAwait(false)
            ?? throw new TaskFailedException($"{context.Task.Path}: execution {context.Execution.Id} is no longer stored");
        context.Logger.Log(Logs.TaskLogLevel.Info, $"labels added: {string.Join(", ", labels.Select(l => $"{l.Key}:{l.Value}"))}");
        return TaskOutcome.Success();
    }

    private static List<FlowLabel> Read(object? value, string path)
    {
        var text = (object? v) => Expressions.ValueText.ToText(v);
        if (Expressions.ValueAccess.TryAsMap(value, out var map))
        {
            return [.. map.Select(e => new FlowLabel(e.Key, text(e.Value)))];
        }

        if (Expressions.ValueAccess.TryAsList(value, out var list))
        {
            return [.. list.Select((item, i) => Expressions.ValueAccess.TryAsMap(item, out var pair) && pair.TryGetValue("key", out var key) && key is not null
                ? new FlowLabel(text(key), text(pair.GetValueOrDefault("value")))
                : throw new TaskFailedException($"{path}.labels[{i}]: each label of a list must be {{key, value}}"))];
        }

        throw new TaskFailedException($"{path}.labels: give a map of key to value, or a list of {{key, value}}");
    }
}
