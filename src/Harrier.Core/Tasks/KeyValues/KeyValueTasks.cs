using Harrier.Core.Store.KeyValues;
using Harrier.Core.Tasks.Running;

namespace Harrier.Core.Tasks.KeyValues;

/// <summary>Registers the KV tasks over a store (the one the server's KV API reads, so both see the same pairs).</summary>
public static class KeyValueTasks
{
    public static TaskImplementations AddKeyValueTasks(this TaskImplementations implementations, IKeyValueStore store) => implementations
        .Add(KeyValueTaskTypes.Set, () => new KvSetTask(store))
        .Add(KeyValueTaskTypes.Get, () => new KvGetTask(store))
        .Add(KeyValueTaskTypes.Delete, () => new KvDeleteTask(store))
        .Add(KeyValueTaskTypes.GetKeys, () => new KvGetKeysTask(store));

    /// <summary>The namespace a KV task works in: <c>namespace</c> rendered, the flow's when not given.</summary>
    internal static string NamespaceOf(TaskRunContext context) => context.Properties.String("namespace") is { Length: > 0 } ns ? ns : context.Flow.Namespace;
}
