using Harrier.Core.Logs;
using Harrier.Scripts.Commands;
using Harrier.Scripts.Languages;
using Harrier.Scripts.Runners;

namespace Harrier.Scripts.Execution;

/// <summary>A rendered Script or Commands task, ready to run (every string already rendered by the engine).</summary>
/// <param name="Language">From <see cref="ScriptLanguages.TryFindByTypeName"/>.</param>
/// <param name="IsCommandsTask">Commands (true) or Script (false).</param>
/// <param name="WorkingDirectory">The attempt's working directory, existing and with its input files written.</param>
public sealed record ScriptRunRequest(IScriptLanguage Language, bool IsCommandsTask, string WorkingDirectory)
{
    /// <summary>The task's id, for messages (null outside a flow).</summary>
    public string? TaskId { get; init; }

    /// <summary>The rendered <c>script</c> of a Script task.</summary>
    public string? Script { get; init; }

    /// <summary>The rendered <c>commands</c> of a Commands task.</summary>
    public IReadOnlyList<string> Commands { get; init; } = [];

    public IReadOnlyList<string> BeforeCommands { get; init; } = [];

    /// <summary>The rendered <c>interpreter</c>; null = the language default.</summary>
    public IReadOnlyList<string>? Interpreter { get; init; }

    public bool FailFast { get; init; } = true;

    public TargetOs TargetOs { get; init; } = TargetOs.Auto;

    /// <summary>Task <c>env</c> then runner variables (<c>WORKING_DIR</c>, <c>OUTPUT_DIR</c>…), in the §3.1 precedence order.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public TimeSpan KillGracePeriod { get; init; } = TimeSpan.FromSeconds(5);

    public TaskLogLevel StderrLevel { get; init; } = TaskLogLevel.Error;

    /// <summary>
    /// A container runner for this attempt; null runs on the worker with the Process runner. In a container
    /// the worker's helper paths and resolved Python do not exist, so neither is used there.
    /// </summary>
    public ITaskRunner? ContainerRunner { get; init; }

    /// <summary>Python: Harrier installed the task's <c>dependencies</c> (so the script runs with the resolved interpreter, no venv detection).</summary>
    public bool PythonPackagesInstalled { get; init; }
}
