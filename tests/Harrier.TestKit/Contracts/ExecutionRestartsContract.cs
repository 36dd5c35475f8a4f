using Harrier.Core.Executions;
using Harrier.Core.Executions.Restarts;
using Harrier.Core.Queue;
using Harrier.Core.Store;
using Xunit;
using static Harrier.TestKit.Contracts.ContractData;

namespace Harrier.TestKit.Contracts;

/// <summary>What every <see cref="IExecutionRestarts"/> must do: reopen an ended execution once, in the server pool, with its jobs and a wake-up.</summary>
public abstract class ExecutionRestartsContract : StoreContract
{
    protected abstract IExecutionRestarts Restarts { get; }

    private async Task<(Execution Execution, TaskRun Failed)> FailedExecutionAsync()
    {
        var execution = await CreateExecutionAsync(owner: "host:1:2");
        await DrainWakeupsAsync("host:1:2");
        var failed = NewRun(execution.Id) with { State = State.Failed, Attempts = [new TaskRunAttempt(State.Failed, T0, T0)], EndDate = T0 };
        await Store.SaveTaskRunAsync(failed, Ct);
        await Planning.WakeAsync(execution.Id, null, Ct);
        var lease = await ClaimPlanningAsync("host:1:2");
        await Commits.CommitPlanAsync(new PlanCommit(lease)
        {
            Execution = (await Store.GetExecutionAsync(execution.Id, Ct))! with { State = State.Failed, EndDate = T0 },
        }, Ct);
        await DrainWakeupsAsync("host:1:2");
        return ((await Store.GetExecutionAsync(execution.Id, Ct))!, (await Store.GetTaskRunAsync(failed.Id, Ct))!);
    }

    private static ExecutionRestart Restart(Execution execution, TaskRun failed) => new(
        execution with { State = State.Restarted, EndDate = null, Owner = null },
        [failed with { State = State.Restarted, EndDate = null }],
        [new WorkerJob(execution.Id, failed.Id, 1)]);

    [Fact]
    public async Task Restart_ReopensTheExecutionInThePool_WithTheResetRuns_ItsJobs_AndAWakeup()
    {
        var (execution, failed) = await FailedExecutionAsync();

        Assert.True(await Restarts.RestartAsync(Restart(execution, failed), Ct));

        var reopened = await Store.GetExecutionAsync(execution.Id, Ct);
        Assert.Equal((State.Restarted, (string?)null, (DateTimeOffset?)null), (reopened!.State, reopened.Owner, reopened.EndDate));
        Assert.Equal(State.Restarted, (await Store.GetTaskRunAsync(failed.Id, Ct))!.State);
        Assert.Equal(execution.Id, (await Planning.TryClaimAsync("pool-executor", null, Lease, Ct))?.ExecutionId);
        var job = await Queue.TryClaimAsync(new JobClaim("pool-worker", null, null, Lease), Ct);
        Assert.Equal((failed.Id, 1), (job?.Job.TaskRunId, job?.Job.Attempt));
    }

    [Fact]
    public async Task Restart_OfTheSameReadTwice_OrOfAnExecutionThatChanged_ChangesNothing()
    {
        var (execution, failed) = await FailedExecutionAsync();
        Assert.True(await Restarts.RestartAsync(Restart(execution, failed), Ct));

        Assert.False(await Restarts.RestartAsync(Restart(execution, failed), Ct));
        Assert.NotNull(await Queue.TryClaimAsync(new JobClaim("pool-worker", null, null, Lease), Ct));
        Assert.Null(await Queue.TryClaimAsync(new JobClaim("pool-worker-2", null, null, Lease), Ct));
    }

    [Fact]
    public async Task Restart_WithATaskRunWrittenSinceItWasRead_FailsAndChangesNothing()
    {
        var (execution, failed) = await FailedExecutionAsync();
        await Store.SaveTaskRunAsync(failed with { Outputs = new Dictionary<string, object?> { ["late"] = true } }, Ct);
        var current = (await Store.GetExecutionAsync(execution.Id, Ct))!;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Restarts.RestartAsync(Restart(current, failed), Ct));

        Assert.Equal(State.Failed, (await Store.GetExecutionAsync(execution.Id, Ct))!.State);
        Assert.Null(await Queue.TryClaimAsync(new JobClaim("pool-worker", null, null, Lease), Ct));
    }
}
