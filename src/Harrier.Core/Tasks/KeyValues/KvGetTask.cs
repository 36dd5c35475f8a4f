using Harrier.Core.Store.KeyValues;
using Harrier.Core.Tasks.Running;

namespace Harrier.Core.Tasks.KeyValues;

/// <summary><c>io.kestra.plugin.core.kv.Get</c>: output <c>value</c>, the pair's typed value (null when missing or expired, unless <c>errorOnMissing</c>).</summary>
public sealed class KvGetTask(IKeyValueStore store) : IRunnableTask
{
    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var ns = KeyValueTasks.NamespaceOf(context);
        var key = context.Properties.RequiredString("key");
        var entry = await store.GetAsync(ns, key, cancellationToken).ConfigureAwait(false);
        if (entry is null || entry.IsExpiredAt(context.Time.GetUtcNow()))
        {
            return context.Properties.Bool("errorOnMissing", false)
                ? throw new TaskFailedException($"{context.Task.Path}: there is no key '{key}' in namespace {ns}")
                : TaskOutcome.Success(new Dictionary<string, object?> { ["value"] = null });
        }

        return TaskOutcome.Success(new Dictionary<string, object?> { ["value"] = entry.Value });
    }
}
