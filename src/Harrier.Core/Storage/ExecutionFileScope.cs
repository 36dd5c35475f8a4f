namespace Harrier.Core.Storage;

/// <summary>Whose files a task run may touch: its execution's, namespace files, and local files in allowed folders.</summary>
public sealed record ExecutionFileScope(string Namespace, string FlowId, string ExecutionId, string TaskId, string TaskRunId)
{
    /// <summary>Folders whose files <c>file://</c> URIs may read (Kestra's <c>kestra.local-files.allowed-paths</c>); none by default.</summary>
    public IReadOnlyList<string> AllowedLocalPaths { get; init; } = [];

    public StorageUri ExecutionPrefix => StoragePaths.Execution(Namespace, FlowId, ExecutionId);

    public StorageUri TaskRunPrefix => StoragePaths.TaskRun(Namespace, FlowId, ExecutionId, TaskId, TaskRunId);
}
