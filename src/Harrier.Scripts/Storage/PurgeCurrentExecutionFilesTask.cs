using Harrier.Core.Tasks.Running;

namespace Harrier.Scripts.Storage;

/// <summary>
/// <c>storage.PurgeCurrentExecutionFiles</c>: deletes every file under this execution's storage prefix (FILE inputs,
/// task outputs, files of earlier tasks) and outputs their <c>uris</c>. Files are deleted one by one from a listing, so
/// the output names exactly what went; a file a parallel task writes meanwhile stays. Nothing to delete is no error.
/// </summary>
public sealed class PurgeCurrentExecutionFilesTask : IRunnableTask
{
    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var files = StorageTaskFiles.Require(context);
        var listed = await files.Storage.ListAsync(files.Scope.ExecutionPrefix, cancellationToken).ConfigureAwait(false);
        var deleted = new List<object?>(listed.Count);
        foreach (var file in listed)
        {
            if (await files.Storage.DeleteAsync(file.Uri, cancellationToken).ConfigureAwait(false) > 0)
            {
                deleted.Add(file.Uri.ToString());
            }
        }

        return TaskOutcome.Success(new Dictionary<string, object?> { ["uris"] = deleted });
    }
}
