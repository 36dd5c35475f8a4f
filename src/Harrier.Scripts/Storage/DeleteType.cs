using Harrier.Core.Tasks.Types;

namespace Harrier.Scripts.Storage;

/// <summary>Declaration of <c>io.kestra.plugin.core.storage.Delete</c>.</summary>
public static class DeleteType
{
    public const string Type = "io.kestra.plugin.core.storage.Delete";

    public static TaskTypeDescriptor Descriptor { get; } = new(Type, TaskKind.Runnable,
    [
        Prop.String("uri", "The file to delete (a storage URI of this execution).", required: true),
        Prop.Boolean("errorOnMissing", "Fail when there is no file at uri.", false),
    ])
    {
        Aliases = ["io.kestra.core.tasks.storages.Delete"],
        Description = "Delete a file of this execution from internal storage (outputs uri, deleted).",
    };
}
