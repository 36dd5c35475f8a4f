using Harrier.Core.Tasks.Running;
using Harrier.Scripts.Helpers;
using Harrier.Scripts.Languages;
using Harrier.Scripts.Protocol;

namespace Harrier.Scripts.Tasks;

/// <summary>
/// A script's computed environment, in Kestra's precedence (spec §3.1, §12.5 #44): the task's <c>env</c>, then
/// <c>WORKING_DIR</c>/<c>OUTPUT_DIR</c>, then the language's variables, then Harrier's (helpers, the outputs
/// side-channel file). The Process runner adds it on top of the worker's environment.
/// </summary>
internal static class ScriptEnvironment
{
    public static Dictionary<string, string> Build(PropertyReader properties, IScriptLanguage language, RunnerVariables variables, HelperEnvironment helpers)
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

        foreach (var (key, value) in language.ExtraEnvironment)
        {
            environment[key] = value;
        }

        var inherited = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            inherited[(string)entry.Key] = (string?)entry.Value ?? "";
        }

        foreach (var (key, value) in environment)
        {
            inherited[key] = value;
        }

        foreach (var (key, value) in helpers.BuildVariables(inherited))
        {
            environment[key] = value;
        }

        environment[OutputsFile.EnvironmentVariable] = OutputsFile.PathIn(variables.WorkingDirectory);
        return environment;
    }
}
