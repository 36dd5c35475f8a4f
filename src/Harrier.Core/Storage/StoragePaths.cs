namespace Harrier.Core.Storage;

/// <summary>
/// Where things live in internal storage (Kestra's layout with <c>harrier://</c>): a namespace's dots become
/// folders; executions under <c>/&lt;ns&gt;/&lt;flow&gt;/executions/&lt;id&gt;</c>; namespace files under
/// <c>/&lt;ns&gt;/_files</c> (flow ids and namespace parts cannot start with '_', so nothing else lands there).
/// </summary>
public static class StoragePaths
{
    public const string NamespaceFilesFolder = "_files";

    /// <summary>A namespace's folder; a name <see cref="NamespaceNames"/> refuses (<c>..</c>, <c>a.b.executions.x</c>) throws.</summary>
    public static StorageUri Namespace(string ns) => StorageUri.Root.Append(NamespaceNames.Require(ns).Replace('.', '/'));

    public static StorageUri NamespaceFiles(string ns) => Namespace(ns).Append(NamespaceFilesFolder);

    public static StorageUri Execution(string ns, string flowId, string executionId) =>
        Namespace(ns).Append(flowId).Append("executions").Append(executionId);

    public static StorageUri TaskRun(string ns, string flowId, string executionId, string taskId, string taskRunId) =>
        Execution(ns, flowId, executionId).Append("tasks").Append(taskId).Append(taskRunId);

    /// <summary>A FILE input's upload: <c>…/executions/&lt;id&gt;/inputs/&lt;input id&gt;/&lt;file name&gt;</c>.</summary>
    public static StorageUri Input(string ns, string flowId, string executionId, string inputId, string fileName) =>
        Execution(ns, flowId, executionId).Append("inputs").Append(inputId).Append(Path.GetFileName(fileName));
}
