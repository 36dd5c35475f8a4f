using Harrier.Core.Tasks.Types;

namespace Harrier.Scripts.Storage;

/// <summary>Declaration of <c>io.kestra.plugin.core.storage.Reverse</c>.</summary>
public static class ReverseType
{
    public const string Type = "io.kestra.plugin.core.storage.Reverse";

    public static TaskTypeDescriptor Descriptor { get; } = new(Type, TaskKind.Runnable,
    [
        Prop.String("from", "The file to reverse (a storage URI).", required: true),
        Prop.String("separator", "Written after every line.", defaultValue: "\n"),
        Prop.String("charset", "Charset the file is read and written in.", defaultValue: "UTF-8"),
    ])
    {
        Aliases = ["io.kestra.core.tasks.storages.Reverse"],
        Description = "Write the lines of a file of internal storage last first (output uri).",
    };
}
