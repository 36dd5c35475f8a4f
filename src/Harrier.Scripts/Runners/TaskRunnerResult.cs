namespace Harrier.Scripts.Runners;

/// <summary>How a run ended.</summary>
/// <param name="ExitCode">The process exit code; 128 + signal number when a signal ended it.</param>
/// <param name="Killed">True when the run was stopped because cancellation was requested.</param>
public sealed record TaskRunnerResult(int ExitCode, bool Killed);
