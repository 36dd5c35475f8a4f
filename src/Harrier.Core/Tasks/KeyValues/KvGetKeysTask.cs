using Harrier.Core.Store.KeyValues;
using Harrier.Core.Tasks.Running;

namespace Harrier.Core.Tasks.KeyValues;

/// <summary><c>io.kestra.plugin.core.kv.GetKeys</c>: output <c>keys</c>, the unexpired keys of the namespace (starting with <c>prefix</c> when given).</summary>
public sealed class KvGetKeysTask(IKeyValueStore store) : IRunnableTask
{
    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var prefix = context.Properties.String("prefix") ?? "";
        var entries = await store.ListAsync(KeyValueTasks.NamespaceOf(context), cancellationToken).ConfigureAwait(false);
        var keys = entries.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(e => (object?)e.Key).ToList();
        return TaskOutcome.Success(new Dictionary<string, object?> { ["keys"] = keys });
    }
}
