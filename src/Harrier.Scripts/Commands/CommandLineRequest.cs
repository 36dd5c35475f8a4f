using Harrier.Scripts.Languages;

namespace Harrier.Scripts.Commands;

/// <summary>Rendered inputs of §2.5's argv construction for one Script or Commands task.</summary>
/// <param name="Language">The task's language (default interpreter, failFast line, Perl quirk).</param>
/// <param name="IsCommandsTask">Commands (true) or Script (false); only Perl behaves differently.</param>
/// <param name="Commands">The rendered commands; for a Script task the one synthesised command.</param>
public sealed record CommandLineRequest(IScriptLanguage Language, bool IsCommandsTask, IReadOnlyList<string> Commands)
{
    /// <summary>The rendered <c>interpreter</c>; null means the language default. An empty list is allowed (§2.5's raw-argv case).</summary>
    public IReadOnlyList<string>? Interpreter { get; init; }

    public IReadOnlyList<string> BeforeCommands { get; init; } = [];

    public bool FailFast { get; init; } = true;

    /// <summary>
    /// Surround before-commands with the <c>##kestra:log:debug##</c>/<c>##kestra:log:info##</c> markers so
    /// their output is logged at DEBUG (Kestra 2026). False reproduces Kestra 1.3's plain joining.
    /// </summary>
    public bool MarkBeforeCommands { get; init; } = true;

    public TargetOs TargetOs { get; init; } = TargetOs.Auto;

    /// <summary>Whether the worker runs Windows (AUTO then means Windows for the Process runner).</summary>
    public bool WorkerIsWindows { get; init; } = OperatingSystem.IsWindows();

    /// <summary>Whether the task runs on the Process runner (AUTO follows the worker's OS only then).</summary>
    public bool RunnerIsProcess { get; init; } = true;
}
