namespace Harrier.Core.Storage;

/// <summary>Whose files a task run may touch: its execution's, namespace files, and local files in allowed folders.</summary>
public sealed record ExecutionFileScope(string Namespace, string FlowId, string ExecutionId, string TaskId, string TaskRunId)
{
    /// <summary>Folders whose files <c>file://</c> URIs may read (Kestra's <c>kestra.local-files.allowed-paths</c>); none by default.</summary>
    public IReadOnlyList<string> AllowedLocalPaths { get; init; } = [];

    public StorageUri ExecutionPrefix => StoragePaths.Execution(Namespace, FlowId, ExecutionId);

    /// <summary>
    /// The files of the execution that started this one (a Subflow's or a ForEachItem's), readable too, as in Kestra:
    /// what a parent hands its child (a batch file, an output file as a FILE input) lives there. Null for any other execution.
    /// </summary>
    public StorageUri? ParentExecutionPrefix { get; init; }

    public StorageUri TaskRunPrefix => StoragePaths.TaskRun(Namespace, FlowId, ExecutionId, TaskId, TaskRunId);
}
