using Harrier.Core.Storage;
using Harrier.Core.Tasks.Running;

namespace Harrier.Scripts.Storage;

/// <summary>
/// <c>storage.Delete</c>: deletes the file at <c>uri</c>; outputs <c>uri</c> and <c>deleted</c> (false when there was no
/// file, which fails the task only with <c>errorOnMissing</c>). Only a file of this execution can go: namespace files
/// and other executions' files are refused, and a folder is no file (nothing below it is deleted).
/// </summary>
public sealed class DeleteTask : IRunnableTask
{
    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var files = StorageTaskFiles.Require(context);
        var properties = context.Properties;
        var text = properties.RequiredString("uri").Trim();
        if (!StorageUri.TryParse(text, out var uri, out var error))
        {
            throw StorageTaskFiles.Fail(context, "uri", $"{error}; give the URI of a file of this execution, such as {{{{ outputs.some_task.uri }}}}");
        }

        if (!uri.IsUnder(files.Scope.ExecutionPrefix))
        {
            throw StorageTaskFiles.Fail(context, "uri", $"'{text}' is not a file of this execution; Delete removes only this execution's files ({files.Scope.ExecutionPrefix}/…)");
        }

        var deleted = await files.Storage.GetInfoAsync(uri, cancellationToken).ConfigureAwait(false) is not null
            && await files.Storage.DeleteAsync(uri, cancellationToken).ConfigureAwait(false) > 0;
        if (!deleted && properties.Bool("errorOnMissing", false))
        {
            throw StorageTaskFiles.Fail(context, "uri", $"there is no file at '{text}'; set errorOnMissing: false to accept a file that is already gone");
        }

        return TaskOutcome.Success(new Dictionary<string, object?> { ["uri"] = text, ["deleted"] = deleted });
    }
}
