using Harrier.Core.Tasks.Types;

namespace Harrier.Scripts.Storage;

/// <summary>Declaration of <c>io.kestra.plugin.core.storage.Split</c>.</summary>
public static class SplitType
{
    public const string Type = "io.kestra.plugin.core.storage.Split";

    public static TaskTypeDescriptor Descriptor { get; } = new(Type, TaskKind.Runnable,
    [
        Prop.String("from", "The file to split (a storage URI).", required: true),
        Prop.String("bytes", "Start a new file once one holds this size or more (10MB, 500KB or a number of bytes)."),
        Prop.Integer("partitions", "Deal the lines round-robin into this many files (empty ones are left out)."),
        Prop.Integer("rows", "Lines per file."),
        Prop.String("regexPattern", "Group lines by the value of the pattern's first capture group, one file per value; lines that do not match are left out."),
        Prop.String("separator", "Written after every line.", defaultValue: "\n"),
    ])
    {
        Aliases = ["io.kestra.core.tasks.storages.Split"],
        Description = "Split a file of internal storage into several by size, rows, partitions or a regex key (output uris).",
    };
}
