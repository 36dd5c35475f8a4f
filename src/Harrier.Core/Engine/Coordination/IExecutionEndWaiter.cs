using Harrier.Core.Executions;

namespace Harrier.Core.Engine.Coordination;

/// <summary>
/// Waiting for an execution to end, whichever process ends it. Durable: the answer is the stored terminal state, read
/// from the store (in-process nudges only make it come sooner), so an execution finished by another process, or before
/// the wait began, is seen too.
/// </summary>
public interface IExecutionEndWaiter
{
    /// <summary>The execution as stored once it is terminal. Throws <see cref="KeyNotFoundException"/> when there is no such execution.</summary>
    Task<Execution> WaitAsync(string executionId, CancellationToken cancellationToken);
}
