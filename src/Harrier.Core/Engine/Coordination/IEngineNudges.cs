namespace Harrier.Core.Engine.Coordination;

/// <summary>
/// In-process wake-ups between this process's executor, workers and waiters. NOT durable and never the only way work is
/// found: everything they announce is already stored (a wake-up row, a job, a kill request, a terminal state), and every
/// loop also polls the store at a bounded interval, so a lost nudge only delays work.
/// </summary>
public interface IEngineNudges
{
    /// <summary>An execution of this process has a new wake-up: executor slots look at the planning queue.</summary>
    void ExecutionsChanged();

    /// <summary>True when nudged, false when <paramref name="timeout"/> passed first.</summary>
    Task<bool> WaitForExecutionsAsync(TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>
    /// A planning lease this process's worker took in its attempt commit (see <see cref="Store.AttemptCommit.HandOffTo"/>),
    /// for an executor slot to plan without a claim of its own. A lease never taken expires and is claimed again.
    /// </summary>
    /// <remarks>
    /// With a <paramref name="delay"/> the lease is taken only once it has passed: the worker knows more of the
    /// execution's jobs are queued, so its completions can gather into one pass (the lease holds meanwhile, and a
    /// wake-up that comes during the delay is seen by that pass's read).
    /// </remarks>
    void HandOff(Queue.PlanningLease lease, TimeSpan delay = default);

    /// <summary>A handed-off lease whose delay has passed, the oldest first.</summary>
    bool TryTakeHandOff([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Queue.PlanningLease? lease);

    /// <summary>Every handed-off lease not taken yet, delayed ones included (for a stopping process to give them back).</summary>
    IReadOnlyList<Queue.PlanningLease> TakeAllHandOffs();

    /// <summary>New jobs are in the queue: idle worker slots look.</summary>
    void JobsAvailable(int count = 1);

    /// <summary>True when nudged, false when <paramref name="timeout"/> passed first.</summary>
    Task<bool> WaitForJobsAsync(TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>An execution reached a terminal state (stored): waiters read it at once.</summary>
    void ExecutionEnded(string executionId);

    /// <summary>A kill of this execution was stored: this process's workers stop its running tasks at once.</summary>
    void KillRequested(string executionId);

    event Action<string>? Ended;

    event Action<string>? Killed;
}
