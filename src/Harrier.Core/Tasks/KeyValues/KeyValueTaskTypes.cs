using Harrier.Core.Tasks.Types;

namespace Harrier.Core.Tasks.KeyValues;

/// <summary>Declarations of Kestra's KV store tasks (<c>io.kestra.plugin.core.kv.*</c>).</summary>
public static class KeyValueTaskTypes
{
    public const string Set = "io.kestra.plugin.core.kv.Set";
    public const string Get = "io.kestra.plugin.core.kv.Get";
    public const string Delete = "io.kestra.plugin.core.kv.Delete";
    public const string GetKeys = "io.kestra.plugin.core.kv.GetKeys";

    private static PropertyDescriptor Namespace => Prop.String("namespace", "Namespace of the pair; the flow's by default.", defaultValue: "{{ flow.namespace }}");

    private static PropertyDescriptor ErrorOnMissing => Prop.Boolean("errorOnMissing", "Fail when the key does not exist.", false);

    public static IReadOnlyList<TaskTypeDescriptor> All { get; } =
    [
        new(Set, TaskKind.Runnable,
        [
            Prop.String("key", "The key.", required: true),
            Prop.Any("value", "The value (its type is kept: text, number, boolean, list or map).", required: true),
            Namespace,
            Prop.Boolean("overwrite", "Replace an existing value; false fails when the key exists.", true),
            Prop.Duration("ttl", "How long the pair lives."),
            Prop.Enum("kvType", "Type to store the value as; inferred from the value by default.", null, "STRING", "NUMBER", "BOOLEAN", "DATETIME", "DATE", "DURATION", "JSON"),
        ]) { Description = "Store a value in the namespace's KV store." },
        new(Get, TaskKind.Runnable, [Prop.String("key", "The key.", required: true), Namespace, ErrorOnMissing])
        { Description = "Read a value of the KV store as output `value`." },
        new(Delete, TaskKind.Runnable, [Prop.String("key", "The key.", required: true), Namespace, ErrorOnMissing])
        { Description = "Delete a pair of the KV store; output `deleted`." },
        new(GetKeys, TaskKind.Runnable, [Prop.String("prefix", "Only keys starting with this."), Namespace])
        { Description = "List the keys of the namespace's KV store (unexpired) as output `keys`." },
    ];
}
