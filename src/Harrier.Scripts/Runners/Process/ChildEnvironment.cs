using System.Collections;
using Harrier.Core.Engine.Coordination;

namespace Harrier.Scripts.Runners.Process;

/// <summary>The environment a child gets: the worker's own (when inherited) overridden by the computed one.</summary>
internal static class ChildEnvironment
{
    public static Dictionary<string, string> Build(TaskRunnerRequest request)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.InheritEnvironment)
        {
            // Inheriting the worker's environment is the Process runner's contract (Kestra's too), so this
            // is the one place outside configuration that reads it.
            foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
            {
                environment[(string)entry.Key] = (string?)entry.Value ?? string.Empty;
            }
        }

        foreach (var (name, value) in request.Environment)
        {
            environment[name] = value;
        }

        // The worker's mark: if this Harrier process dies, the next one on the machine finds the task's processes by it.
        environment[AttemptEnvironment.WorkerVariable] = ProcessIdentity.Current.ToString();
        return environment;
    }
}
