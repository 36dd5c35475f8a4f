using Harrier.Core.Tasks.Running;
using Harrier.Scripts.Tasks;

namespace Harrier.Scripts.Storage;

/// <summary>
/// <c>storage.DeduplicateItems</c>: keeps, for each key <c>expr</c> renders to, the last record with that key, where
/// that record stands (Kestra's order: <c>a1 b1 a2</c> gives <c>b1 a2</c>). Two passes over <c>from</c>: the first
/// renders every key and keeps the line number of each key's last record, the second copies those lines. Memory
/// grows with the number of keys, never with the file's size. Outputs <c>uri</c> (an ION file), <c>numKeys</c>,
/// <c>processedItemsTotal</c>, <c>droppedItemsTotal</c>; blank lines are no records and are left out.
/// </summary>
public sealed class DeduplicateItemsTask : IRunnableTask
{
    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var properties = context.Properties;
        var from = properties.RequiredString("from");
        if (!properties.Has("expr"))
        {
            throw StorageTaskFiles.Fail(context, "expr", "must not be null: the property is required");
        }

        var lastLineOfKey = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var source = await StorageTaskFiles.OpenAsync(context, "from", from, cancellationToken).ConfigureAwait(false))
        {
            using var reader = StorageTaskFiles.Lines(source);
            long number = 0;
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                number++;
                if (ItemVariables.ScopeFor(context, line, number) is { } scope)
                {
                    lastLineOfKey[Key(context, scope, number)] = number;
                }
            }
        }

        var kept = lastLineOfKey.Values.ToArray();
        Array.Sort(kept);
        using var directory = AttemptDirectory.Create(context.TempDirectory);
        var local = Path.Combine(directory.Path, "deduplicated");
        long processed = 0;
        await using (var source = await StorageTaskFiles.OpenAsync(context, "from", from, cancellationToken).ConfigureAwait(false))
        await using (var target = StorageTaskFiles.CreateText(local))
        {
            using var reader = StorageTaskFiles.Lines(source);
            long number = 0;
            var next = 0;
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                processed++;
                if (next < kept.Length && kept[next] == number)
                {
                    next++;
                    await target.WriteAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
                    await target.WriteAsync('\n').ConfigureAwait(false);
                }
            }

            if (next != kept.Length)
            {
                throw new TaskFailedException($"{context.Task.Path}.from changed while it was read twice; run the task again");
            }
        }

        var uri = await StorageTaskFiles.UploadAsync(context, context.Task.Id + ".ion", local, cancellationToken).ConfigureAwait(false);
        return TaskOutcome.Success(new Dictionary<string, object?>
        {
            ["uri"] = uri,
            ["numKeys"] = (long)kept.Length,
            ["processedItemsTotal"] = processed,
            ["droppedItemsTotal"] = processed - kept.Length,
        });
    }

    private static string Key(TaskRunContext context, Harrier.Core.Rendering.RenderScope scope, long number)
    {
        try
        {
            return new PropertyReader(context.Task, context.Renderer, scope).String("expr") ?? "";
        }
        catch (TaskFailedException ex)
        {
            throw new TaskFailedException($"{ex.Message} (for the record on line {number})", ex);
        }
    }
}
