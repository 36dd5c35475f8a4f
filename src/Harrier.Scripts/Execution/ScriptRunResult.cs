using Harrier.Core.Metrics;

namespace Harrier.Scripts.Execution;

/// <summary>What a script run produced; on a non-zero exit the task fails but all of this is still published.</summary>
/// <param name="Vars">Merged <c>outputs</c> (the task output's <c>vars</c>).</param>
public sealed record ScriptRunResult(
    int ExitCode,
    bool Killed,
    IReadOnlyDictionary<string, object?> Vars,
    IReadOnlyList<MetricEntry> Metrics,
    int StdOutLineCount,
    int StdErrLineCount)
{
    /// <summary>Why the task failed before or instead of its command (a missing interpreter, a C# compile error); null otherwise.</summary>
    public string? Failure { get; init; }

    public static ScriptRunResult NotRun(int exitCode, bool killed, string? failure) =>
        new(exitCode, killed, new Dictionary<string, object?>(), [], 0, 0) { Failure = failure };
}
