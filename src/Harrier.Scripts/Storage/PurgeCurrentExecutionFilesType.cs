using Harrier.Core.Tasks.Types;

namespace Harrier.Scripts.Storage;

/// <summary>Declaration of <c>io.kestra.plugin.core.storage.PurgeCurrentExecutionFiles</c>.</summary>
public static class PurgeCurrentExecutionFilesType
{
    public const string Type = "io.kestra.plugin.core.storage.PurgeCurrentExecutionFiles";

    public static TaskTypeDescriptor Descriptor { get; } = new(Type, TaskKind.Runnable,
    [
        Prop.Boolean("includeChildExecutions", "Accepted for compatibility; Kestra's task reads it and does nothing with it, and so does Harrier's.", false),
        Prop.Boolean("includeStates", "Accepted for compatibility; Kestra's task reads it and does nothing with it, and so does Harrier's.", false),
    ])
    {
        Aliases = ["io.kestra.core.tasks.storages.PurgeExecution", "io.kestra.plugin.core.storage.PurgeExecution"],
        Description = "Delete every file of this execution from internal storage: inputs, outputs, task files (output uris).",
    };
}
