using Harrier.Scripts.Commands;
using Harrier.Scripts.Execution;
using Harrier.Scripts.Helpers;
using Harrier.Scripts.Runners;
using Harrier.Scripts.Runners.Containers;
using Harrier.Scripts.Runners.Process;

namespace Harrier.Scripts.Tasks;

/// <summary>Process-wide parts script tasks share: the script runner over the Process runner, the helper files, the resolved Python.</summary>
public sealed class ScriptTaskServices
{
    public ScriptTaskServices(ITaskRunner? processRunner = null, IReadOnlyDictionary<string, string>? workerEnvironment = null, IContainerRunnerFactory? containers = null, bool dockerIsDefault = false)
    {
        Containers = containers;
        DockerIsDefault = dockerIsDefault;
        Scripts = new ScriptRunner(processRunner ?? new ProcessTaskRunner(), new HelperEnvironment(), new PythonInterpreterResolver(), workerEnvironment ?? CurrentEnvironment());
    }


    public ScriptRunner Scripts { get; }

    /// <summary>Builds container runners (Docker); null when this process has no container engine configured.</summary>
    public IContainerRunnerFactory? Containers { get; }

    /// <summary>Whether tasks without a runner run in containers (a server setting; Harrier's default is Process).</summary>
    public bool DockerIsDefault { get; }

    private static Dictionary<string, string> CurrentEnvironment()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            environment[(string)entry.Key] = (string?)entry.Value ?? "";
        }

        return environment;
    }
}
