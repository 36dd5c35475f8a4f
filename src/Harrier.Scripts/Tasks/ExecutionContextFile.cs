using Harrier.Core.Json;
using Harrier.Core.Tasks.Running;

namespace Harrier.Scripts.Tasks;

/// <summary>
/// <c>executionContext: true</c> (Kestra 2026, spec §5.7): the execution's context as JSON in the working
/// directory, its path in <c>KESTRA_EXECUTION_CONTEXT_FILE</c>. Worker environment (<c>envs</c>, <c>globals</c>) is left out.
/// </summary>
internal static class ExecutionContextFile
{
    public const string FileName = ".kestra-execution-context.json";
    private static readonly string[] Keys = ["inputs", "outputs", "labels", "vars", "trigger", "flow", "execution", "task", "taskrun"];

    public static async Task WriteAsync(TaskRunContext context, string workingDirectory, Dictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var content = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var key in Keys)
        {
            if (context.Scope.Variables.TryGetValue(key, out var value))
            {
                content[key] = value;
            }
        }

        var path = Path.Combine(workingDirectory, FileName);
        await File.WriteAllTextAsync(path, PlainJson.Serialize(content), cancellationToken).ConfigureAwait(false);
        environment["KESTRA_EXECUTION_CONTEXT_FILE"] = path;
    }
}
