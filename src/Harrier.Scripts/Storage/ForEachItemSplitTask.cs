using Harrier.Core.Storage;
using Harrier.Core.Tasks.Running;

namespace Harrier.Scripts.Storage;

/// <summary>
/// ForEachItem's worker side: cuts <c>items</c> into batch files by <c>batch</c> (Kestra's precedence: <c>bytes</c>,
/// else <c>partitions</c>, else <c>rows</c>, 1 by default; <c>separator</c> after every line) and hands their URIs to
/// the executor as the run's values, which starts one child execution per batch (see ForEachItemFlowable).
/// </summary>
/// <remarks>Run again after a crash, it cuts the file again; only the run of the attempt that committed counts.</remarks>
public sealed class ForEachItemSplitTask : IRunnableTask
{
    private static readonly string[] Ways = ["bytes", "partitions", "rows"];

    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var items = context.Properties.RequiredString("items").Trim();
        if (!StorageUri.IsStorageUri(items))
        {
            // As Kestra: a path or a URL would be read from wherever the worker runs, not from the execution's files.
            throw StorageTaskFiles.Fail(context, "items", $"'{items}' is not an internal storage URI; give a file of this execution, such as {{{{ outputs.some_task.uri }}}} or a FILE input");
        }

        // The batch's properties read as a task of their own, so that their errors say tasks[0].batch.rows (line 9).
        var batch = context.Task with
        {
            Node = context.Task.Property("batch") as Core.Yaml.YMapping ?? new Core.Yaml.YMapping([], context.Task.Position),
            Path = context.Task.Path + ".batch",
        };
        var properties = new PropertyReader(batch, context.Renderer, context.Scope);
        var way = Ways.FirstOrDefault(w => SplitRouter.IsGiven(properties, w));
        var router = way is null ? SplitRouter.EveryRows(1) : SplitRouter.Of(batch, properties, way);
        var separator = properties.String("separator") ?? "\n";
        var uris = await LineSplitter.SplitAsync(context, "items", items, separator, router, cancellationToken).ConfigureAwait(false);
        return TaskOutcome.Success() with { Values = uris };
    }
}
