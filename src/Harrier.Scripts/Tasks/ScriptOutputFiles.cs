using Harrier.Core.Tasks.Files;
using Harrier.Core.Tasks.Running;
using Harrier.Scripts.Protocol;

namespace Harrier.Scripts.Tasks;

/// <summary>A script task's <c>outputFiles</c> value: the declared globs and the output directory, uploaded (spec §5.2, §5.3).</summary>
internal static class ScriptOutputFiles
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { ExecutionContextFile.FileName, OutputsFile.FileName };

    public static async Task<Dictionary<string, object?>> CollectAsync(TaskRunContext context, IReadOnlyList<string>? patterns, RunnerVariables variables, CancellationToken cancellationToken)
    {
        if (patterns is not { Count: > 0 } && variables.OutputDirectory is null)
        {
            return new Dictionary<string, object?>(StringComparer.Ordinal);
        }

        var files = context.Files ?? throw new TaskFailedException("outputFiles and outputDir need internal storage, which this engine was started without");
        var request = new OutputFilesRequest(variables.WorkingDirectory, patterns ?? [])
        {
            OutputDirectory = variables.OutputDirectory,
            Reserved = Reserved,
        };
        return await OutputFilesCollector.CollectAsync(files, request, cancellationToken).ConfigureAwait(false);
    }
}
