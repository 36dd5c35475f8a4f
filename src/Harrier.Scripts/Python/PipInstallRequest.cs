using Harrier.Core.Tasks.Running;
using Harrier.Scripts.Runners;

namespace Harrier.Scripts.Python;

/// <summary>One pip install: which interpreter, which requirements, into which directory.</summary>
internal sealed record PipInstallRequest(
    ITaskRunner Runner, ITaskLogger Logger, string Python, IReadOnlyList<string> Requirements, string LibraryDirectory, string WorkingDirectory, string TempDirectory)
{
    /// <summary>Variables over the worker's environment (the task's env: PIP_INDEX_URL and friends reach pip).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
