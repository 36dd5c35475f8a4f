using Harrier.Core.Tasks.Types;

namespace Harrier.Scripts.Storage;

/// <summary>Declaration of Kestra's deprecated <c>io.kestra.plugin.core.storage.LocalFiles</c> (today: inputFiles/outputFiles).</summary>
public static class LocalFilesType
{
    public const string Type = "io.kestra.plugin.core.storage.LocalFiles";

    public static TaskTypeDescriptor Descriptor { get; } = new(Type, TaskKind.Runnable,
    [
        new PropertyDescriptor("inputs", PropertyKind.MapOrString) { Description = "Files to create: relative path to content (or a storage URI)." },
        Prop.StringList("outputs", "Globs of files to upload to internal storage (output uris)."),
    ])
    {
        Aliases = ["io.kestra.core.tasks.storages.LocalFiles"],
        Description = "Create files in the working directory and upload others (deprecated in Kestra for inputFiles/outputFiles).",
    };
}
