using Harrier.Core.Store;

namespace Harrier.Core.Engine.Recovery;

/// <summary>
/// Finds interrupted executions (not finished, their owner process gone) and hands them to a new owner, which then runs
/// them to their end: finished task runs are kept, interrupted attempts run again as new attempts. The caller sweeps
/// leftovers first (<see cref="LeftoverSweeper"/>), so nothing of a dead attempt still runs when it runs again.
/// </summary>
public sealed class ExecutionRecovery(IExecutionOwnership ownership, IProcessRegistry processes, TimeProvider time, TimeSpan heartbeatTimeout)
{
    public async Task<IReadOnlyList<InterruptedExecution>> FindInterruptedAsync(CancellationToken cancellationToken)
    {
        var liveness = await OwnerLiveness.ReadAsync(processes, time, heartbeatTimeout, cancellationToken).ConfigureAwait(false);
        var unfinished = await ownership.ListUnfinishedAsync(cancellationToken).ConfigureAwait(false);
        return [.. unfinished.Where(e => !liveness.IsAlive(e.Owner)).Select(e => new InterruptedExecution(e, liveness.Describe(e.Owner)))];
    }

    /// <summary>
    /// Adopts <paramref name="execution"/> for <paramref name="newOwner"/> if its owner is still the dead one it was found
    /// with. False when another process adopted it first or it ended meanwhile.
    /// </summary>
    public Task<bool> AdoptAsync(UnfinishedExecution execution, string? newOwner, CancellationToken cancellationToken) =>
        ownership.AdoptAsync(execution.Id, execution.Owner, newOwner, cancellationToken);

    /// <summary>Why an unfinished execution is not interrupted, or null when it is (for a message naming its live owner).</summary>
    public async Task<string?> WhyNotInterruptedAsync(UnfinishedExecution execution, CancellationToken cancellationToken)
    {
        var liveness = await OwnerLiveness.ReadAsync(processes, time, heartbeatTimeout, cancellationToken).ConfigureAwait(false);
        if (!liveness.IsAlive(execution.Owner))
        {
            return null;
        }

        if (execution.Owner is null)
        {
            return "it belongs to the server pool and a server is running; that server runs it";
        }

        var record = liveness.Describe(execution.Owner);
        var who = record is null ? execution.Owner : $"pid {record.Pid} on {record.Host} ({record.Kind}, since {record.StartedAt:u})";
        return $"the process running it is alive: {who}";
    }
}

/// <summary>An execution whose owner is gone, with what the registry knew of that owner.</summary>
public sealed record InterruptedExecution(UnfinishedExecution Execution, ProcessRecord? FormerOwner);
