using Harrier.Core.Tasks.Types;

namespace Harrier.Scripts.Storage;

/// <summary>Declaration of <c>io.kestra.plugin.core.storage.DeduplicateItems</c>.</summary>
public static class DeduplicateItemsType
{
    public const string Type = "io.kestra.plugin.core.storage.DeduplicateItems";

    public static TaskTypeDescriptor Descriptor { get; } = new(Type, TaskKind.Runnable,
    [
        Prop.String("from", "The file to deduplicate: one ION or JSON record per line (a storage URI).", required: true),
        Prop.String("expr", "The key, rendered for each record, whose fields are variables ({{ customer_email }}).", required: true),
    ])
    {
        Aliases = ["io.kestra.core.tasks.storages.DeduplicateItems"],
        Description = "Keep the last record of each key of an ION file (outputs uri, numKeys, processedItemsTotal, droppedItemsTotal).",
    };
}
