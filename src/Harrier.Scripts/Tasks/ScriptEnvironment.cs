using Harrier.Core.Tasks.Running;

namespace Harrier.Scripts.Tasks;

/// <summary>
/// The task's part of a script's environment, in Kestra's precedence (spec §3.1, §12.5 #44): the task's
/// <c>env</c>, then <c>WORKING_DIR</c>/<c>OUTPUT_DIR</c> which override it. The script runner adds the
/// language's variables, the helpers and the outputs side channel on top.
/// </summary>
internal static class ScriptEnvironment
{
    public static Dictionary<string, string> Build(PropertyReader properties, RunnerVariables variables)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in properties.StringMap("env") ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        environment["WORKING_DIR"] = variables.WorkingDirectory;
        if (variables.OutputDirectory is { } outputDirectory)
        {
            environment["OUTPUT_DIR"] = outputDirectory;
        }

        return environment;
    }
}
