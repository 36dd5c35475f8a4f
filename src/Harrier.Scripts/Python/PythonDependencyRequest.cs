using Harrier.Core.Tasks.Running;
using Harrier.Scripts.Tasks;

namespace Harrier.Scripts.Python;

/// <summary>What <see cref="PythonDependencies.PrepareAsync"/> needs: the task, its rendered requirements and environment.</summary>
internal sealed record PythonDependencyRequest(TaskRunContext Context, ScriptTaskServices Services, IReadOnlyList<string> Requirements, string WorkingDirectory)
{
    /// <summary>The task's computed environment (its <c>env</c> and runner variables), applied over the worker's.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The <c>pythonVersion</c> property; null asks the interpreter.</summary>
    public string? PythonVersion { get; init; }

    public bool CacheEnabled { get; init; } = true;
}
