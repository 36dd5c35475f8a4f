namespace Harrier.Core.Tasks.Running;

/// <summary>
/// The work of one task type, run by a worker for one attempt. Cancellation is the kill signal (kill,
/// timeout, shutdown): an implementation stops everything it started and lets the exception through.
/// </summary>
public interface IRunnableTask
{
    Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken);
}
