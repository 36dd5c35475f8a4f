using Harrier.Core.Storage;
using Harrier.Core.Tasks.Running;

namespace Harrier.Scripts.Storage;

/// <summary><c>storage.Size</c>: output <c>size</c>, the bytes of the file at <c>uri</c> (one this task run may read, as with <c>fileSize()</c>).</summary>
public sealed class SizeTask : IRunnableTask
{
    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var files = StorageTaskFiles.Require(context);
        var uri = context.Properties.RequiredString("uri").Trim();
        long size;
        try
        {
            size = StorageUri.IsStorageUri(uri)
                ? (await files.Storage.GetInfoAsync(files.Authorize(uri), cancellationToken).ConfigureAwait(false))?.Size ?? throw new FileNotFoundException(uri)
                : files.Size(uri);
        }
        catch (StoragePathException ex)
        {
            throw StorageTaskFiles.Fail(context, "uri", $"{ex.Message}; give the URI of a file of this execution, such as {{{{ outputs.some_task.uri }}}}");
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw StorageTaskFiles.Fail(context, "uri", $"there is no file at '{uri}'");
        }

        return TaskOutcome.Success(new Dictionary<string, object?> { ["size"] = size });
    }
}
