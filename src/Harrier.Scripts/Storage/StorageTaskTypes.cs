using Harrier.Core.Tasks.Running;
using Harrier.Core.Tasks.Types;

namespace Harrier.Scripts.Storage;

/// <summary>Kestra's core storage tasks (<c>io.kestra.plugin.core.storage.*</c>): their declarations and implementations.</summary>
public static class StorageTaskTypes
{
    public static IReadOnlyList<TaskTypeDescriptor> All { get; } =
    [
        LocalFilesType.Descriptor,
        SplitType.Descriptor,
        ConcatType.Descriptor,
        SizeType.Descriptor,
        DeleteType.Descriptor,
        ReverseType.Descriptor,
        FilterItemsType.Descriptor,
        DeduplicateItemsType.Descriptor,
        PurgeCurrentExecutionFilesType.Descriptor,
    ];

    public static TaskImplementations AddStorageTasks(this TaskImplementations implementations) => implementations
        .Add(LocalFilesType.Type, () => new LocalFilesTask())
        .Add(SplitType.Type, () => new SplitTask())
        .Add(CoreTaskTypes.ForEachItem, () => new ForEachItemSplitTask())
        .Add(ConcatType.Type, () => new ConcatTask())
        .Add(SizeType.Type, () => new SizeTask())
        .Add(DeleteType.Type, () => new DeleteTask())
        .Add(ReverseType.Type, () => new ReverseTask())
        .Add(FilterItemsType.Type, () => new FilterItemsTask())
        .Add(DeduplicateItemsType.Type, () => new DeduplicateItemsTask())
        .Add(PurgeCurrentExecutionFilesType.Type, () => new PurgeCurrentExecutionFilesTask());
}
