using Harrier.Scripts.Commands;
using Harrier.Scripts.Helpers;
using Harrier.Scripts.Runners;
using Harrier.Scripts.Runners.Process;

namespace Harrier.Scripts.Tasks;

/// <summary>Process-wide parts script tasks share: the Process runner, the helper files, the resolved Python.</summary>
public sealed class ScriptTaskServices
{
    public ScriptTaskServices(ITaskRunner? processRunner = null, HelperEnvironment? helpers = null, PythonInterpreterResolver? python = null)
    {
        ProcessRunner = processRunner ?? new ProcessTaskRunner();
        Helpers = helpers ?? new HelperEnvironment();
        Python = python ?? new PythonInterpreterResolver();
    }

    public ITaskRunner ProcessRunner { get; }

    public HelperEnvironment Helpers { get; }

    public PythonInterpreterResolver Python { get; }
}
