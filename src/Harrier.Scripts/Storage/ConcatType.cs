using Harrier.Core.Tasks.Types;

namespace Harrier.Scripts.Storage;

/// <summary>Declaration of <c>io.kestra.plugin.core.storage.Concat</c>.</summary>
public static class ConcatType
{
    public const string Type = "io.kestra.plugin.core.storage.Concat";

    public static TaskTypeDescriptor Descriptor { get; } = new(Type, TaskKind.Runnable,
    [
        Prop.Any("files", "The files to join, in order: a list of storage URIs, or a text holding a JSON list of them.", required: true),
        Prop.String("separator", "Written after each file (none by default)."),
        Prop.String("extension", "Extension of the joined file.", defaultValue: ".tmp"),
    ])
    {
        Aliases = ["io.kestra.core.tasks.storages.Concat"],
        Description = "Join files of internal storage into one (output uri).",
    };
}
