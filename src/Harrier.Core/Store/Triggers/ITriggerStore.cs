namespace Harrier.Core.Store.Triggers;

/// <summary>
/// The scheduler's state: one row per trigger of a deployed flow, the windows of conditions that wait for several
/// executions, and the outbox of ended executions. Every write that fires is one transaction with the executions it
/// creates, guarded by a compare-and-set on the trigger's version: a slot fires at most once whatever the number of
/// schedulers, and a process killed at any instruction leaves nothing half done and nothing locked. Contract:
/// <c>Harrier.TestKit.Contracts.TriggerStoreContract</c>.
/// </summary>
public interface ITriggerStore
{
    Task<IReadOnlyList<TriggerState>> ListAsync(CancellationToken cancellationToken);

    Task<TriggerState?> GetAsync(TriggerKey key, CancellationToken cancellationToken);

    /// <summary>Applies every write whose version still matches, with its executions, in one transaction; returns the keys refused.</summary>
    Task<IReadOnlyList<TriggerKey>> WriteAsync(IReadOnlyList<TriggerWrite> writes, CancellationToken cancellationToken);

    /// <summary>Forgets triggers (their flow or the trigger itself is gone), windows included; returns how many rows went.</summary>
    Task<int> DeleteAsync(IReadOnlyList<TriggerKey> keys, CancellationToken cancellationToken);

    /// <summary>A number that changes whenever a flow revision is stored, by any process.</summary>
    Task<long> FlowChangesAsync(CancellationToken cancellationToken);

    /// <summary>The latest revisions of undeleted deployed flows that declare triggers.</summary>
    Task<IReadOnlyList<TriggerFlowSource>> ListTriggerFlowsAsync(CancellationToken cancellationToken);

    /// <summary>The oldest outbox entries, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<EndedExecution>> ReadEndedAsync(int limit, CancellationToken cancellationToken);

    /// <summary>The members met so far of one windowed condition (empty when none).</summary>
    Task<IReadOnlyDictionary<string, WindowMember>> ReadWindowAsync(TriggerKey key, string windowId, CancellationToken cancellationToken);

    /// <summary>
    /// Acts on an outbox entry in one transaction: removes it, then writes the windows, the trigger states and the
    /// executions. False when the entry was already consumed (another scheduler): nothing is written.
    /// Throws <see cref="ConcurrencyConflictException"/> when a trigger write's version no longer matches (nothing written).
    /// </summary>
    Task<bool> ConsumeEndedAsync(EndedConsumption consumption, CancellationToken cancellationToken);
}
