using Harrier.Core.Tasks.Types;

namespace Harrier.Scripts.Storage;

/// <summary>Declaration of <c>io.kestra.plugin.core.storage.Size</c>.</summary>
public static class SizeType
{
    public const string Type = "io.kestra.plugin.core.storage.Size";

    public static TaskTypeDescriptor Descriptor { get; } = new(Type, TaskKind.Runnable,
    [
        Prop.String("uri", "The file whose size is wanted (a storage URI).", required: true),
    ])
    {
        Aliases = ["io.kestra.core.tasks.storages.Size"],
        Description = "The size in bytes of a file of internal storage (output size).",
    };
}
