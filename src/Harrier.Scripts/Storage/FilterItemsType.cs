using Harrier.Core.Tasks.Types;

namespace Harrier.Scripts.Storage;

/// <summary>Declaration of <c>io.kestra.plugin.core.storage.FilterItems</c>.</summary>
public static class FilterItemsType
{
    public const string Type = "io.kestra.plugin.core.storage.FilterItems";

    public static TaskTypeDescriptor Descriptor { get; } = new(Type, TaskKind.Runnable,
    [
        Prop.String("from", "The file to filter: one ION or JSON record per line (a storage URI).", required: true),
        Prop.String("filterCondition", "Rendered for each record, whose fields are variables ({{ price > 10 }}); false, 0, -0 and empty are false.", required: true),
        Prop.Enum("filterType", "Keep (INCLUDE) or drop (EXCLUDE) the records that match.", "INCLUDE", "INCLUDE", "EXCLUDE"),
        Prop.Enum("errorOrNullBehavior", "What a record whose condition fails or gives null does: FAIL the task, or INCLUDE or EXCLUDE the record.", "FAIL", "FAIL", "INCLUDE", "EXCLUDE"),
    ])
    {
        Aliases = ["io.kestra.core.tasks.storages.FilterItems"],
        Description = "Keep or drop the records of an ION file by a condition (outputs uri, processedItemsTotal, droppedItemsTotal).",
    };
}
