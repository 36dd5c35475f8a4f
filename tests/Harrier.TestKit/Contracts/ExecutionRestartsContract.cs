using Harrier.Core.Executions;
using Harrier.Core.Executions.Replays;
using Harrier.Core.Executions.Restarts;
using Harrier.Core.Storage;
using Harrier.Core.Queue;
using Harrier.Core.Store;
using Xunit;
using static Harrier.TestKit.Contracts.ContractData;

namespace Harrier.TestKit.Contracts;

/// <summary>
/// What every <see cref="IExecutionRestarts"/> must do: reopen an ended execution once, in the server pool, with its jobs and a
/// wake-up; store a replay's new execution once, with its copied runs (their metrics and ForEach values), jobs and a wake-up.
/// </summary>
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

    private static ExecutionReplay ReplayOf(Execution original, TaskRun failed, TaskRun each)
    {
        var replayId = NewId("replay");
        var files = new ReplayFileMap(StoragePaths.Execution(original.Namespace, original.FlowId, original.Id),
            StoragePaths.Execution(original.Namespace, original.FlowId, replayId), new Dictionary<string, string>(), null);
        var (failedCopy, eachCopy) = (NewId("tr"), NewId("tr"));
        var replay = original with { Id = replayId, State = State.Restarted, EndDate = null, Owner = null, ChangeSeq = 0, PlannedSeq = 0, FlowSource = ContractData.Execution().FlowSource };
        return new ExecutionReplay(
            replay,
            [
                failed with { Id = failedCopy, ExecutionId = replayId, State = State.Restarted, EndDate = null, Version = 0 },
                each with { Id = eachCopy, ExecutionId = replayId, State = State.Running, EndDate = null, Version = 0 },
            ],
            [new WorkerJob(replayId, failedCopy, 1)],
            new Dictionary<string, string> { [failedCopy] = failed.Id, [eachCopy] = each.Id },
            files);
    }

    private async Task<(Execution Execution, TaskRun Failed, TaskRun Each)> FailedExecutionWithAForEachAsync()
    {
        var (execution, failed) = await FailedExecutionAsync();
        var each = NewRun(execution.Id, "each") with
        {
            State = State.Success,
            EndDate = T0,
            Decision = new FlowableDecision { Values = ["a", "b", "c"], ValueCount = 3 },
            Metrics = [new Core.Metrics.MetricEntry("rows", Core.Metrics.MetricType.Counter, 3, Core.Metrics.MetricEntry.NoTags)],
        };
        await Store.SaveTaskRunAsync(each, Ct);
        return ((await Store.GetExecutionAsync(execution.Id, Ct))!, failed, (await Store.GetTaskRunAsync(each.Id, Ct))!);
    }

    [Fact]
    public async Task Replay_StoresTheNewExecutionInThePool_WithItsCopiedRuns_TheirForEachValuesAndMetrics_ItsJobs_AndAWakeup()
    {
        var (original, failed, each) = await FailedExecutionWithAForEachAsync();
        var replay = ReplayOf(original, failed, each);

        Assert.True(await Restarts.ReplayAsync(replay, Ct));

        var stored = await Store.GetExecutionAsync(replay.Execution.Id, Ct);
        Assert.Equal((State.Restarted, (string?)null), (stored!.State, stored.Owner));
        var runs = await Store.GetTaskRunsAsync(replay.Execution.Id, Ct);
        Assert.Equal(replay.TaskRuns.Select(r => (r.Id, r.State)).Order(), runs.Select(r => (r.Id, r.State)).Order());
        var eachCopy = replay.TaskRuns[1].Id;
        Assert.Equal(["a", "b", "c"], await Store.GetForEachValuesAsync(eachCopy, 0, 10, Ct));
        Assert.Equal("rows", Assert.Single(runs.Single(r => r.Id == eachCopy).Metrics).Name);
        Assert.Equal(["a", "b", "c"], await Store.GetForEachValuesAsync(each.Id, 0, 10, Ct));
        Assert.Equal(State.Failed, (await Store.GetExecutionAsync(original.Id, Ct))!.State);
        Assert.Equal(replay.Execution.Id, (await Planning.TryClaimAsync("pool-executor", null, Lease, Ct))?.ExecutionId);
        var job = await Queue.TryClaimAsync(new JobClaim("pool-worker", null, null, Lease), Ct);
        Assert.Equal((replay.Execution.Id, replay.TaskRuns[0].Id, 1), (job?.Job.ExecutionId, job?.Job.TaskRunId, job?.Job.Attempt));
    }

    [Fact]
    public async Task Replay_StoredTwice_ChangesNothingTheSecondTime()
    {
        var (original, failed, each) = await FailedExecutionWithAForEachAsync();
        var replay = ReplayOf(original, failed, each);
        Assert.True(await Restarts.ReplayAsync(replay, Ct));

        Assert.False(await Restarts.ReplayAsync(replay, Ct));

        Assert.Equal(2, (await Store.GetTaskRunsAsync(replay.Execution.Id, Ct)).Count);
        Assert.NotNull(await Queue.TryClaimAsync(new JobClaim("pool-worker", null, null, Lease), Ct));
        Assert.Null(await Queue.TryClaimAsync(new JobClaim("pool-worker-2", null, null, Lease), Ct));
    }
}
