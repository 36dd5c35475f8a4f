using Harrier.Core.Tasks.Types;

namespace Harrier.Scripts.Logs;

/// <summary>Declaration of <c>io.kestra.plugin.core.log.Fetch</c>.</summary>
public static class LogFetchType
{
    public const string Type = "io.kestra.plugin.core.log.Fetch";

    public static TaskTypeDescriptor Descriptor { get; } = new(Type, TaskKind.Runnable,
    [
        Prop.String("executionId", "Execution whose logs to fetch (default: this one)."),
        Prop.String("namespace", "Namespace of that execution's flow (default: this flow's)."),
        Prop.String("flowId", "Id of that execution's flow (default: this flow's)."),
        Prop.StringList("tasksId", "Only the logs of these tasks."),
        Prop.Enum("level", "Lowest level fetched.", "INFO", "TRACE", "DEBUG", "INFO", "WARN", "ERROR"),
    ])
    {
        Aliases = ["io.kestra.core.tasks.log.Fetch"],
        Description = "Write an execution's logs to an ION file in internal storage (outputs uri, size).",
    };
}
