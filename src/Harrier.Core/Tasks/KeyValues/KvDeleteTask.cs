using Harrier.Core.Store.KeyValues;
using Harrier.Core.Tasks.Running;

namespace Harrier.Core.Tasks.KeyValues;

/// <summary><c>io.kestra.plugin.core.kv.Delete</c>: output <c>deleted</c>, whether there was a pair to delete.</summary>
public sealed class KvDeleteTask(IKeyValueStore store) : IRunnableTask
{
    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var ns = KeyValueTasks.NamespaceOf(context);
        var key = context.Properties.RequiredString("key");
        var deleted = await store.DeleteAsync(ns, key, cancellationToken).ConfigureAwait(false);
        if (!deleted && context.Properties.Bool("errorOnMissing", false))
        {
            throw new TaskFailedException($"{context.Task.Path}: there is no key '{key}' in namespace {ns}");
        }

        return TaskOutcome.Success(new Dictionary<string, object?> { ["deleted"] = deleted });
    }
}
