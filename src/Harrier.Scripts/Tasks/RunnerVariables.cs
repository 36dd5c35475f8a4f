using Harrier.Core.Engine;

namespace Harrier.Scripts.Tasks;

/// <summary>
/// The runner's additional variables (spec §5.3): <c>workingDir</c> always, <c>outputDir</c> only when enabled
/// (referencing it otherwise is an undefined-variable error, as in Kestra), and the 2026 <c>outputFiles</c> map
/// of every non-glob declared output to its absolute path.
/// </summary>
internal sealed record RunnerVariables(string WorkingDirectory, string? OutputDirectory, IReadOnlyDictionary<string, object?> ForExpressions)
{
    public static RunnerVariables Create(string workingDirectory, bool outputDirectoryEnabled, IReadOnlyList<string>? outputFiles)
    {
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal) { ["workingDir"] = workingDirectory };
        string? outputDirectory = null;
        if (outputDirectoryEnabled)
        {
            outputDirectory = Path.Combine(workingDirectory, Ids.New(10));
            Directory.CreateDirectory(outputDirectory);
            variables["outputDir"] = outputDirectory;
        }

        var files = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var pattern in outputFiles ?? [])
        {
            if (pattern.IndexOfAny(['*', '?', '[', '{']) < 0 && !pattern.StartsWith("regex:", StringComparison.Ordinal) && !pattern.StartsWith("glob:", StringComparison.Ordinal))
            {
                files[pattern] = InputFilesWriter.SafePath(workingDirectory, pattern);
            }
        }

        variables["outputFiles"] = files;
        return new RunnerVariables(workingDirectory, outputDirectory, variables);
    }
}
