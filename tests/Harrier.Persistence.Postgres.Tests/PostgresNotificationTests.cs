using Harrier.Core.Queue;
using Harrier.Core.Store;
using Harrier.TestKit.Contracts;
using Xunit;

namespace Harrier.Persistence.Postgres.Tests;

/// <summary>
/// LISTEN/NOTIFY between two stores on one database (two pools, as two processes have): what one commits, the other's
/// listener hears — and nothing of a transaction that rolled back.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresNotificationTests(PostgresCluster cluster) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly TempDatabase _database = new(cluster);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _database.DeleteAsync();

    [Fact]
    public async Task AnEnqueue_AWakeUp_AKill_AndAnEnd_InOneProcess_ReachTheOther()
    {
        var writer = await _database.OpenAsync();
        var listener = (await _database.OpenAsync()).Listener;
        var jobs = Signal();
        var wakeups = Signal();
        var killed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var ended = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        listener.JobsAvailable += () => jobs.TrySetResult();
        listener.ExecutionsChanged += () => wakeups.TrySetResult();
        listener.KillRequested += id => killed.TrySetResult(id);
        listener.ExecutionEnded += id => ended.TrySetResult(id);
        await listener.Listening.WaitAsync(Patience);
        // The listener looks once when it starts listening; the signals below must come from the writer's commits.
        await Task.Delay(100);
        (jobs, wakeups) = (Signal(), Signal());

        var execution = ContractData.Execution();
        await writer.Executions.CreateExecutionAsync(execution, CancellationToken.None);
        await wakeups.Task.WaitAsync(Patience);

        await writer.Jobs.EnqueueAsync(new WorkerJob(execution.Id, "tr", 0), null, CancellationToken.None);
        await jobs.Task.WaitAsync(Patience);

        Assert.Equal(KillRequestOutcome.Requested, await writer.Kills.RequestKillAsync(execution.Id, CancellationToken.None));
        Assert.Equal(execution.Id, await killed.Task.WaitAsync(Patience));

        var lease = await writer.Planning.TryClaimAsync("e1", null, TimeSpan.FromSeconds(30), CancellationToken.None);
        await writer.Commits.CommitPlanAsync(new PlanCommit(lease!) { Execution = execution with { State = Core.Executions.State.Killed, EndDate = DateTimeOffset.UtcNow } }, CancellationToken.None);
        Assert.Equal(execution.Id, await ended.Task.WaitAsync(Patience));
    }

    [Fact]
    public async Task ACommitThatFails_NotifiesNothing()
    {
        var writer = await _database.OpenAsync();
        var listener = (await _database.OpenAsync()).Listener;
        var heard = 0;
        listener.JobsAvailable += () => Interlocked.Increment(ref heard);
        await listener.Listening.WaitAsync(Patience);
        await Task.Delay(100);
        Volatile.Write(ref heard, 0);

        // The plan commit enqueues a job, then fails (its lease is not held): rolled back, so no notification either.
        var execution = ContractData.Execution();
        await writer.Executions.CreateExecutionAsync(execution, CancellationToken.None);
        var stale = new PlanningLease(execution.Id, "nobody", 42, 1, DateTimeOffset.UtcNow);
        await Assert.ThrowsAsync<LeaseLostException>(() => writer.Commits.CommitPlanAsync(
            new PlanCommit(stale) { Jobs = [new WorkerJob(execution.Id, "tr", 0)] }, CancellationToken.None));

        // A later enqueue is heard, and it is the only one.
        var after = Signal();
        listener.JobsAvailable += () => after.TrySetResult();
        await writer.Jobs.EnqueueAsync(new WorkerJob(execution.Id, "tr", 0), null, CancellationToken.None);
        await after.Task.WaitAsync(Patience);
        Assert.Equal(1, Volatile.Read(ref heard));
    }

    private static TaskCompletionSource Signal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
