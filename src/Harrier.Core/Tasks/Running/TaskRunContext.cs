using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Logs;
using Harrier.Core.Rendering;
using Harrier.Core.Storage;

namespace Harrier.Core.Tasks.Running;

/// <summary>Everything one attempt of one task sees: its definition, its run, its variables, a logger.</summary>
public sealed class TaskRunContext
{
    public required FlowDefinition Flow { get; init; }

    public required Execution Execution { get; init; }

    public required TaskDefinition Task { get; init; }

    public required TaskRun TaskRun { get; init; }

    /// <summary>0 for the first attempt.</summary>
    public required int Attempt { get; init; }

    public required RenderScope Scope { get; init; }

    public required ITemplateRenderer Renderer { get; init; }

    public required ITaskLogger Logger { get; init; }

    public required TimeProvider Time { get; init; }

    /// <summary>Folder under which attempts create their working directories.</summary>
    public required string TempDirectory { get; init; }

    /// <summary>
    /// A directory shared with sibling tasks (inside a WorkingDirectory): the task runs there and must not
    /// delete it. Null: the task makes its own directory.
    /// </summary>
    public string? SharedWorkingDirectory { get; init; }

    /// <summary>The secrets known to this attempt (SECRET inputs, the worker's secrets, every <c>secret()</c> rendered so far), masked in what it produces.</summary>
    public SecretMasker? Secrets { get; init; }

    /// <summary>Runs child tasks on this worker; set for flowables that execute on the worker (WorkingDirectory).</summary>
    public IChildTaskRunner? Children { get; init; }

    /// <summary>This task run's files in internal storage (null when the engine has no storage).</summary>
    public ExecutionFiles? Files { get; init; }

    /// <summary>Services of the worker (file storage, runners…) that task implementations may need.</summary>
    public IServiceProvider? Services { get; init; }

    /// <summary>Reads this task's properties, rendering expressions with <see cref="Scope"/>.</summary>
    public PropertyReader Properties => new(Task, Renderer, Scope);

    /// <summary>Reads the properties with extra variables (a script task's <c>workingDir</c>, for one).</summary>
    public PropertyReader PropertiesWith(IReadOnlyDictionary<string, object?> extra)
    {
        var variables = new Dictionary<string, object?>(Scope.Variables, StringComparer.Ordinal);
        foreach (var (key, value) in extra)
        {
            variables[key] = value;
        }

        return new PropertyReader(Task, Renderer, Scope with { Variables = variables });
    }

    public T? GetService<T>()
        where T : class => Services?.GetService(typeof(T)) as T;
}
