using Harrier.Core.Tasks.Files;
using Harrier.Core.Tasks.Running;
using Harrier.Scripts.Tasks;

namespace Harrier.Scripts.Storage;

/// <summary>
/// <c>LocalFiles</c>: writes <c>inputs</c> into the working directory (a WorkingDirectory's, or its own), with the same
/// containment rules as <c>inputFiles</c>, then uploads the files matching <c>outputs</c>; output <c>uris</c> maps each
/// uploaded file's relative path to its storage URI.
/// </summary>
public sealed class LocalFilesTask : IRunnableTask
{
    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        using var owned = context.SharedWorkingDirectory is null ? AttemptDirectory.Create(context.TempDirectory) : null;
        var workingDirectory = context.SharedWorkingDirectory ?? owned!.Path;
        await InputFilesWriter.WriteAsync(context.Properties, context.Files, workingDirectory, cancellationToken, property: "inputs").ConfigureAwait(false);

        var patterns = context.Properties.StringList("outputs");
        if (patterns is not { Count: > 0 })
        {
            return TaskOutcome.Success(new Dictionary<string, object?> { ["uris"] = new Dictionary<string, object?>() });
        }

        var files = context.Files ?? throw new TaskFailedException("outputs need internal storage, which this engine was started without");
        var uris = await OutputFilesCollector.CollectAsync(files, new OutputFilesRequest(workingDirectory, patterns), cancellationToken).ConfigureAwait(false);
        return TaskOutcome.Success(new Dictionary<string, object?> { ["uris"] = uris });
    }
}
