namespace Harrier.Scripts.Runners;

/// <summary>
/// Runs one argv for a script task and streams its output. Cancellation is the kill signal: the runner
/// stops everything it started (gracefully, then forcibly) and returns with <see cref="TaskRunnerResult.Killed"/>.
/// </summary>
public interface ITaskRunner
{
    Task<TaskRunnerResult> RunAsync(TaskRunnerRequest request, ITaskOutputSink sink, CancellationToken cancellationToken);
}
