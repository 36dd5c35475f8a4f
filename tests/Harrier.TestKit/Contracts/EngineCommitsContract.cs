using Harrier.Core.Executions;
using Harrier.Core.Queue;
using Harrier.Core.Store;
using Xunit;
using static Harrier.TestKit.Contracts.ContractData;

namespace Harrier.TestKit.Contracts;

/// <summary>
/// What every <see cref="IEngineCommits"/> must do: each commit all or nothing, fenced by its lease, and task run writes
/// fenced by version — a writer that lost its lease or read an old version changes nothing.
/// </summary>
public abstract class EngineCommitsContract : StoreContract
{
    [Fact]
    public async Task CommitPlan_SavesTaskRunsEnqueuesJobsAndStoresThePlannerFields()
    {
        var execution = await CreateExecutionAsync();
        var lease = await ClaimPlanningAsync();
        var first = NewRun(execution.Id, "first");
        var second = NewRun(execution.Id, "second");

        await Commits.CommitPlanAsync(new PlanCommit(lease)
        {
            TaskRuns = [first, second],
            Jobs = [new WorkerJob(execution.Id, first.Id, 0)],
            Execution = execution with { State = State.Running, Error = "changed", Progress = PlanProgress.Empty.With("tasks", new ListProgress(1, State.Success)) },
        }, Ct);

        Assert.Equal([first.Id, second.Id], (await Store.GetTaskRunsAsync(execution.Id, Ct)).Select(run => run.Id));
        var stored = (await Store.GetExecutionAsync(execution.Id, Ct))!;
        Assert.Equal(("changed", State.Running), (stored.Error, stored.State));
        Assert.Equal(new ListProgress(1, State.Success), stored.Progress?.Get("tasks"));
        Assert.Equal(first.Id, (await ClaimJobAsync())?.Job.TaskRunId);
    }

    [Fact]
    public async Task CommitPlan_NeverWritesTheOwnerOrTheKillRequest()
    {
        var execution = await CreateExecutionAsync(owner: "host:1:2");
        await Subject.Kills.RequestKillAsync(execution.Id, Ct);
        var lease = await ClaimPlanningAsync("host:1:2");

        await Commits.CommitPlanAsync(new PlanCommit(lease) { Execution = execution with { Owner = "someone:else:0", State = State.Killing } }, Ct);

        var stored = (await Store.GetExecutionAsync(execution.Id, Ct))!;
        Assert.Equal("host:1:2", stored.Owner);
        Assert.NotNull(stored.KillRequestedAt);
        Assert.Equal(State.Killing, stored.State);
    }

    [Fact]
    public async Task CommitPlan_GivesJobsTheExecutionsOwner()
    {
        var execution = await CreateExecutionAsync(owner: "host:1:2");
        var run = NewRun(execution.Id);

        await PlanAsync(execution, run);

        Assert.Null(await ClaimJobAsync(owner: null));
        Assert.Equal(run.Id, (await ClaimJobAsync(owner: "host:1:2"))?.Job.TaskRunId);
    }

    [Fact]
    public async Task CommitPlan_CompletesTheWakeUp_WhenNothingWokeTheExecutionDuringThePass()
    {
        await CreateExecutionAsync();
        var lease = await ClaimPlanningAsync();

        await Commits.CommitPlanAsync(new PlanCommit(lease), Ct);

        Time.Advance(Lease * 2);
        Assert.Null(await Planning.TryClaimAsync("e2", null, Lease, Ct));
    }

    [Fact]
    public async Task CommitPlan_LeavesTheWakeUpDue_WhenTheExecutionWasWokenDuringThePass()
    {
        var execution = await CreateExecutionAsync();
        var lease = await ClaimPlanningAsync();
        await Planning.WakeAsync(execution.Id, null, Ct);

        await Commits.CommitPlanAsync(new PlanCommit(lease), Ct);

        Assert.Equal(execution.Id, (await Planning.TryClaimAsync("e2", null, Lease, Ct))?.ExecutionId);
    }

    [Fact]
    public async Task CommitPlan_WithATimer_WakesTheExecutionAtThatTime()
    {
        var execution = await CreateExecutionAsync();
        var lease = await ClaimPlanningAsync();

        await Commits.CommitPlanAsync(new PlanCommit(lease) { WakeAt = T0.AddMinutes(5) }, Ct);

        Assert.Null(await Planning.TryClaimAsync("e2", null, Lease, Ct));
        Assert.Equal(T0.AddMinutes(5), await Planning.NextDueAsync(null, Ct));
        Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(execution.Id, (await Planning.TryClaimAsync("e2", null, Lease, Ct))?.ExecutionId);
    }

    [Fact]
    public async Task CommitPlan_UnderALostPlanningLease_IsRefused_AndStoresNothing()
    {
        var execution = await CreateExecutionAsync();
        var stale = await ClaimPlanningAsync(executor: "e1");
        Time.Advance(Lease * 2);
        await Planning.TryClaimAsync("e2", null, Lease, Ct);
        var run = NewRun(execution.Id);

        await Assert.ThrowsAsync<LeaseLostException>(() =>
            Commits.CommitPlanAsync(new PlanCommit(stale) { TaskRuns = [run], Jobs = [new WorkerJob(execution.Id, run.Id, 0)] }, Ct));

        Assert.Empty(await Store.GetTaskRunsAsync(execution.Id, Ct));
        Assert.Null(await ClaimJobAsync());
    }

    [Fact]
    public async Task CommitPlan_OfATaskRunChangedMeanwhile_IsRefused_AndStoresNothing()
    {
        var (execution, taskRun, jobLease) = await ClaimedRunAsync();
        // A worker started the attempt after the planner read the run as CREATED.
        await Commits.StartAttemptAsync(jobLease, taskRun with { State = State.Running }, Ct);
        await Planning.WakeAsync(execution.Id, null, Ct);
        var lease = await ClaimPlanningAsync();
        var other = NewRun(execution.Id);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Commits.CommitPlanAsync(new PlanCommit(lease) { TaskRuns = [taskRun with { State = State.Killed }, other] }, Ct));

        Assert.Equal(State.Running, (await Store.GetTaskRunAsync(taskRun.Id, Ct))!.State);
        Assert.Null(await Store.GetTaskRunAsync(other.Id, Ct));
    }

    [Fact]
    public async Task CommitPlan_OfASecondRunWithTheSameIdentity_IsRefused()
    {
        var execution = await CreateExecutionAsync();
        var first = NewRun(execution.Id, "step");
        await PlanAsync(execution, first);
        await Planning.WakeAsync(execution.Id, null, Ct);
        var lease = await ClaimPlanningAsync(executor: "e2");

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Commits.CommitPlanAsync(new PlanCommit(lease) { TaskRuns = [NewRun(execution.Id, "step")] }, Ct));

        Assert.Single(await Store.GetTaskRunsAsync(execution.Id, Ct));
    }

    [Fact]
    public async Task CommitPlan_CancellingJobs_RemovesOnlyTheUnleasedOnes()
    {
        var execution = await CreateExecutionAsync();
        var (leased, waiting) = (NewRun(execution.Id), NewRun(execution.Id));
        await PlanAsync(execution, leased);
        var held = await ClaimJobAsync();
        await PlanAsync(execution, waiting);
        await Planning.WakeAsync(execution.Id, null, Ct);
        var lease = await ClaimPlanningAsync();

        await Commits.CommitPlanAsync(new PlanCommit(lease) { CancelUnleasedJobs = true }, Ct);

        Assert.Equal(leased.Id, held?.Job.TaskRunId);
        Assert.True(await Queue.RenewAsync(held!, Lease, Ct));
        Assert.Null(await ClaimJobAsync("w2"));
    }

    [Fact]
    public async Task CommitPlan_CreatesTheNewExecutions_AndWakesEachForItsOwner()
    {
        var parent = await CreateExecutionAsync(owner: "host:1:2");
        var lease = await ClaimPlanningAsync("host:1:2");
        var child = Execution() with { Owner = "host:1:2", ParentExecutionId = parent.Id, ParentTaskRunId = "tr-1", State = State.Created };

        await Commits.CommitPlanAsync(new PlanCommit(lease) { NewExecutions = [child] }, Ct);

        var stored = await Store.GetExecutionAsync(child.Id, Ct);
        Assert.Equal((parent.Id, "tr-1"), (stored?.ParentExecutionId, stored?.ParentTaskRunId));
        Assert.Equal(child.Id, (await Planning.TryClaimAsync("e2", "host:1:2", Lease, Ct))?.ExecutionId);
    }

    [Fact]
    public async Task CommitPlan_KillingChildren_RequestsTheKillOfEachUnfinishedOne_AndWakesIt()
    {
        var parent = await CreateExecutionAsync();
        var running = Execution() with { ParentExecutionId = parent.Id };
        var ended = Execution() with { ParentExecutionId = parent.Id, State = State.Success };
        await Store.CreateExecutionAsync(running, Ct);
        await Store.CreateExecutionAsync(ended, Ct);
        await DrainWakeupsAsync();
        await Planning.WakeAsync(parent.Id, null, Ct);
        var lease = await ClaimPlanningAsync();

        await Commits.CommitPlanAsync(new PlanCommit(lease) { KillExecutions = [running.Id, ended.Id, "no-such-execution"] }, Ct);

        Assert.Equal(T0, (await Store.GetExecutionAsync(running.Id, Ct))!.KillRequestedAt);
        Assert.Null((await Store.GetExecutionAsync(ended.Id, Ct))!.KillRequestedAt);
        Assert.Equal(running.Id, (await Planning.TryClaimAsync("e2", null, Lease, Ct))?.ExecutionId);
    }

    [Fact]
    public async Task CommitPlan_ThatEndsAChild_WakesItsParent()
    {
        var parent = await CreateExecutionAsync();
        var child = Execution() with { ParentExecutionId = parent.Id };
        await Store.CreateExecutionAsync(child, Ct);
        await DrainWakeupsAsync();
        await Planning.WakeAsync(child.Id, null, Ct);
        var lease = await ClaimPlanningAsync();

        await Commits.CommitPlanAsync(new PlanCommit(lease) { Execution = (await Store.GetExecutionAsync(child.Id, Ct))! with { State = State.Success } }, Ct);

        Assert.Equal(parent.Id, (await Planning.TryClaimAsync("e2", null, Lease, Ct))?.ExecutionId);
    }

    [Fact]
    public async Task CommitPlan_KeepsTheMetricsAWorkerStored()
    {
        var (execution, taskRun, lease) = await ClaimedRunAsync();
        var metric = new Harrier.Core.Metrics.MetricEntry("rows", Harrier.Core.Metrics.MetricType.Counter, 3, Harrier.Core.Metrics.MetricEntry.NoTags);
        var done = (await Commits.CommitAttemptAsync(new AttemptCommit(lease, taskRun with { State = State.Success, Metrics = [metric] }), Ct)).TaskRun;
        var planning = await ClaimPlanningAsync();

        // The planner reads runs without their metrics and may write them again (a flowable finishing).
        await Commits.CommitPlanAsync(new PlanCommit(planning) { TaskRuns = [done! with { Metrics = [], EndDate = T0 }] }, Ct);

        Assert.Equal("rows", Assert.Single((await Store.GetTaskRunAsync(taskRun.Id, Ct))!.Metrics).Name);
    }

    [Fact]
    public async Task StartAttempt_StoresTheRunningRun_UnderTheLease()
    {
        var (_, taskRun, lease) = await ClaimedRunAsync();
        var running = taskRun with { State = State.Running, Attempts = [new TaskRunAttempt(State.Running, T0, null) { Worker = "host:1:2" }] };

        var stored = await Commits.StartAttemptAsync(lease, running, Ct);

        Assert.True(stored.Version > taskRun.Version);
        RecordAssert.Equal(running, await Store.GetTaskRunAsync(taskRun.Id, Ct));
        Assert.Equal("host:1:2", (await Store.GetTaskRunAsync(taskRun.Id, Ct))!.Attempts[0].Worker);
    }

    [Fact]
    public async Task StartAttempt_UnderALostLease_IsRefused()
    {
        var (_, taskRun, stale) = await ClaimedRunAsync();
        Time.Advance(Lease * 2);
        Assert.NotNull(await ClaimJobAsync("w2"));

        await Assert.ThrowsAsync<LeaseLostException>(() => Commits.StartAttemptAsync(stale, taskRun with { State = State.Running }, Ct));

        Assert.Equal(State.Created, (await Store.GetTaskRunAsync(taskRun.Id, Ct))!.State);
    }

    [Fact]
    public async Task SaveChild_InsertsThenUpdatesARun_UnderTheGroupsLease()
    {
        var (execution, group, lease) = await ClaimedRunAsync();
        var child = NewRun(execution.Id, "child") with { ParentTaskRunId = group.Id };

        var inserted = await Commits.SaveChildAsync(lease, child, Ct);
        var updated = await Commits.SaveChildAsync(lease, inserted with { State = State.Success }, Ct);

        Assert.True(updated.Version > inserted.Version);
        Assert.Equal(State.Success, (await Store.GetTaskRunAsync(child.Id, Ct))!.State);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Commits.SaveChildAsync(lease, inserted with { State = State.Failed }, Ct));
    }

    [Fact]
    public async Task CommitAttempt_SavesTheResult_RemovesTheJob_AndWakesTheExecution()
    {
        var (execution, taskRun, lease) = await ClaimedRunAsync();
        await DrainWakeupsAsync();
        var done = taskRun with { State = State.Success, EndDate = T0.AddSeconds(3) };

        var committed = await Commits.CommitAttemptAsync(new AttemptCommit(lease, done), Ct);

        RecordAssert.Equal(done, await Store.GetTaskRunAsync(taskRun.Id, Ct));
        Assert.True(committed.TaskRun!.Version > taskRun.Version);
        Assert.Null(committed.Planning);
        Time.Advance(Lease * 2);
        Assert.Null(await ClaimJobAsync("w2"));
        Assert.Equal(execution.Id, (await Planning.TryClaimAsync("e1", null, Lease, Ct))?.ExecutionId);
    }

    [Fact]
    public async Task CommitAttempt_HandsTheWakeUpToTheGivenExecutor_WhenNoneHoldsIt()
    {
        var (execution, taskRun, lease) = await ClaimedRunAsync();
        await DrainWakeupsAsync();

        var committed = await Commits.CommitAttemptAsync(new AttemptCommit(lease, taskRun with { State = State.Success }) { HandOffTo = ("local", Lease) }, Ct);

        var handed = Assert.IsType<PlanningLease>(committed.Planning);
        Assert.Equal((execution.Id, "local"), (handed.ExecutionId, handed.ExecutorId));
        Assert.Null(await Planning.TryClaimAsync("other", null, Lease, Ct));
        await Commits.CommitPlanAsync(new PlanCommit(handed), Ct);
    }

    [Fact]
    public async Task CommitAttempt_HandsNothingOver_WhileAnotherExecutorPlansTheExecution()
    {
        var (_, taskRun, lease) = await ClaimedRunAsync();
        await Planning.WakeAsync(taskRun.ExecutionId, null, Ct);
        var planning = await ClaimPlanningAsync(executor: "busy");

        var committed = await Commits.CommitAttemptAsync(new AttemptCommit(lease, taskRun with { State = State.Success }) { HandOffTo = ("local", Lease) }, Ct);

        Assert.Null(committed.Planning);
        // The busy executor's commit sees the wake-up the attempt added and leaves it due for another pass.
        await Commits.CommitPlanAsync(new PlanCommit(planning), Ct);
        Assert.Equal(taskRun.ExecutionId, (await Planning.TryClaimAsync("next", null, Lease, Ct))?.ExecutionId);
    }

    [Fact]
    public async Task ClaimJob_ReturnsTheLeaseWithTheExecutionAndTheTaskRun()
    {
        var execution = await CreateExecutionAsync(owner: "host:1:2");
        var run = NewRun(execution.Id);
        await PlanAsync(execution, run);

        var claimed = await Commits.ClaimJobAsync(new JobClaim("w1", null, "host:1:2", Lease), null, Ct);

        Assert.NotNull(claimed);
        Assert.Equal(run.Id, claimed.Lease.Job.TaskRunId);
        Assert.Equal(execution.Id, claimed.Execution?.Id);
        Assert.Equal((run.Id, State.Created), (claimed.TaskRun?.Id, claimed.TaskRun?.State));
        Assert.Null(await Commits.ClaimJobAsync(new JobClaim("w2", null, "host:1:2", Lease), null, Ct));
        Assert.Null(await Commits.ClaimJobAsync(new JobClaim("w2", null, null, Lease), null, Ct));
    }

    [Fact]
    public async Task ClaimJob_StoresTheStartTheClaimerGives_InTheSameTransaction()
    {
        var execution = await CreateExecutionAsync();
        var run = NewRun(execution.Id);
        await PlanAsync(execution, run);

        var claimed = await Commits.ClaimJobAsync(new JobClaim("w1", null, null, Lease), c => c.TaskRun! with { State = State.Running }, Ct);

        Assert.Equal(State.Running, claimed?.Started?.State);
        Assert.True(claimed!.Started!.Version > claimed.TaskRun!.Version);
        Assert.Equal(State.Running, (await Store.GetTaskRunAsync(run.Id, Ct))!.State);
    }

    [Fact]
    public async Task CommitAttempt_EnqueuesTheRetry_ClaimableOnlyFromItsDate()
    {
        var (_, taskRun, lease) = await ClaimedRunAsync();
        var retry = lease.Job with { Attempt = lease.Job.Attempt + 1 };
        var due = Time.GetUtcNow().AddSeconds(10);

        await Commits.CommitAttemptAsync(new AttemptCommit(lease, taskRun with { State = State.Retrying }) { Retry = (retry, due) }, Ct);

        Assert.Null(await ClaimJobAsync());
        Assert.Equal(due, await Queue.NextDueAsync(new JobClaim("w1", null, null, Lease), Ct));
        Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(retry, (await ClaimJobAsync())?.Job);
    }

    [Fact]
    public async Task CommitAttempt_WithoutTaskRun_OnlyAcknowledgesTheJob()
    {
        var (_, taskRun, lease) = await ClaimedRunAsync();

        Assert.Null((await Commits.CommitAttemptAsync(new AttemptCommit(lease, null), Ct)).TaskRun);

        RecordAssert.Equal(taskRun, await Store.GetTaskRunAsync(taskRun.Id, Ct));
        Time.Advance(Lease * 2);
        Assert.Null(await ClaimJobAsync("w2"));
    }

    [Fact]
    public async Task CommitAttempt_OfAWorkerWhoseLeaseWasTakenOver_IsRefused_AndStoresNothing()
    {
        var (_, taskRun, stale) = await ClaimedRunAsync();
        Time.Advance(Lease * 2);
        var current = await ClaimJobAsync("w2");
        Assert.NotNull(current);

        await Assert.ThrowsAsync<LeaseLostException>(() =>
            Commits.CommitAttemptAsync(new AttemptCommit(stale, taskRun with { State = State.Success }), Ct));

        Assert.Equal(State.Created, (await Store.GetTaskRunAsync(taskRun.Id, Ct))!.State);
        Assert.True(await Queue.RenewAsync(current, Lease, Ct));
    }
    [Fact]
    public async Task CommitAttempt_ClaimsTheNextDueJob_WhenAsked_AndStoresItsStart()
    {
        var (execution, taskRun, lease) = await ClaimedRunAsync();
        var next = NewRun(execution.Id, "next");
        await PlanAsync(execution, next);
        var claim = new JobClaim("w1", null, null, Lease);

        var committed = await Commits.CommitAttemptAsync(new AttemptCommit(lease, taskRun with { State = State.Success })
        {
            ClaimNext = new NextClaim(claim, c => c.TaskRun! with { State = State.Running }),
        }, Ct);

        Assert.Equal(State.Success, (await Store.GetTaskRunAsync(taskRun.Id, Ct))!.State);
        var claimed = Assert.IsType<ClaimedJob>(committed.Next);
        Assert.Equal((next.Id, "w1"), (claimed.Lease.Job.TaskRunId, claimed.Lease.WorkerId));
        Assert.Equal(execution.Id, claimed.Execution?.Id);
        Assert.Equal(State.Running, claimed.Started?.State);
        Assert.Equal(State.Running, (await Store.GetTaskRunAsync(next.Id, Ct))!.State);
        Assert.Null(await ClaimJobAsync("w2"));
        Assert.True(await Queue.CompleteAsync(claimed.Lease, Ct));
    }

    [Fact]
    public async Task CommitAttempt_ClaimsNothingNext_WhenNoJobIsDue()
    {
        var (_, taskRun, lease) = await ClaimedRunAsync();

        var committed = await Commits.CommitAttemptAsync(new AttemptCommit(lease, taskRun with { State = State.Success })
        {
            ClaimNext = new NextClaim(new JobClaim("w1", null, null, Lease), null),
        }, Ct);

        Assert.Null(committed.Next);
        Assert.Equal(State.Success, (await Store.GetTaskRunAsync(taskRun.Id, Ct))!.State);
    }

    [Fact]
    public async Task CommitAttempt_RefusedForALostLease_ClaimsNothingNext()
    {
        var (execution, taskRun, stale) = await ClaimedRunAsync();
        Time.Advance(Lease * 2);
        Assert.NotNull(await ClaimJobAsync("w2"));
        var next = NewRun(execution.Id, "next");
        await PlanAsync(execution, next);

        await Assert.ThrowsAsync<LeaseLostException>(() => Commits.CommitAttemptAsync(new AttemptCommit(stale, taskRun with { State = State.Success })
        {
            ClaimNext = new NextClaim(new JobClaim("w1", null, null, Lease), null),
        }, Ct));

        Assert.Equal(next.Id, (await ClaimJobAsync("w3"))?.Job.TaskRunId);
    }
}
