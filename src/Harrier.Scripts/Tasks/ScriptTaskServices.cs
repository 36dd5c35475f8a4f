using Harrier.Scripts.Commands;
using Harrier.Scripts.Execution;
using Harrier.Scripts.Helpers;
using Harrier.Scripts.Jvm;
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
        ProcessRunner = processRunner ?? new ProcessTaskRunner();
        WorkerEnvironment = workerEnvironment ?? CurrentEnvironment();
        Scripts = new ScriptRunner(ProcessRunner, Helpers, Python, WorkerEnvironment);
        JvmScripts = new JvmScriptRunner(ProcessRunner, Helpers);
    }

    /// <summary>Runs processes on the worker (tasks, and the pip that installs Python <c>dependencies</c>).</summary>
    public ITaskRunner ProcessRunner { get; }

    public PythonInterpreterResolver Python { get; } = new();

    /// <summary>Harrier's helper libraries on disk (every language's, the JVM engines' preludes).</summary>
    public HelperEnvironment Helpers { get; } = new();

    /// <summary>Runs Groovy, Jython and Nashorn Eval/FileTransform scripts in child processes.</summary>
    public JvmScriptRunner JvmScripts { get; }

    /// <summary>The worker's own environment, the base of every process it starts.</summary>
    public IReadOnlyDictionary<string, string> WorkerEnvironment { get; }

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
