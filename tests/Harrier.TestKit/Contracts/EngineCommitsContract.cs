using Harrier.Core.Executions;
using Harrier.Core.Queue;
using Harrier.Core.Store;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using static Harrier.TestKit.Contracts.ContractData;

namespace Harrier.TestKit.Contracts;

/// <summary>
/// What every <see cref="IEngineCommits"/> must do over its execution store and job queue. Atomicity is the
/// backend's promise and is tested where the backend makes it (a non-atomic implementation passes this suite too).
/// </summary>
public abstract class EngineCommitsContract : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private EngineCommitsSubject? _subject;

    protected FakeTimeProvider Time { get; } = new(T0);

    protected IExecutionStore Store => Subject.Store;

    protected IJobQueue Queue => Subject.Queue;

    protected IEngineCommits Commits => Subject.Commits;

    protected static CancellationToken Ct => CancellationToken.None;

    private EngineCommitsSubject Subject => _subject ?? throw new InvalidOperationException("InitializeAsync has not run.");

    /// <summary>A fresh, empty backend reading time from <paramref name="time"/>.</summary>
    protected abstract Task<EngineCommitsSubject> CreateAsync(TimeProvider time);

    public async Task InitializeAsync() => _subject = await CreateAsync(Time);

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CommitPlan_SavesTaskRunsEnqueuesJobsAndReplacesTheExecution()
    {
        var execution = await CreateExecutionAsync();
        var first = TaskRun(execution.Id, "first") with { State = State.Created };
        var second = TaskRun(execution.Id, "second") with { State = State.Created };
        var job = new WorkerJob(execution.Id, first.Id, 0);

        await Commits.CommitPlanAsync(new PlanCommit([first, second], [job], execution with { State = State.Running, Error = "changed" }), Ct);

        Assert.Equal([first.Id, second.Id], (await Store.GetTaskRunsAsync(execution.Id, Ct)).Select(run => run.Id));
        Assert.Equal("changed", (await Store.GetExecutionAsync(execution.Id, Ct))!.Error);
        var lease = await Queue.TryClaimAsync("w1", null, Lease, Ct);
        Assert.Equal(job, lease?.Job);
    }

    [Fact]
    public async Task CommitPlan_LeavesTheExecutionAlone_WhenNoneIsGiven()
    {
        var execution = await CreateExecutionAsync();

        await Commits.CommitPlanAsync(new PlanCommit([TaskRun(execution.Id)], [], null), Ct);

        RecordAssert.Equal(execution, await Store.GetExecutionAsync(execution.Id, Ct));
        Assert.Null(await Queue.TryClaimAsync("w1", null, Lease, Ct));
    }

    [Fact]
    public async Task CommitPlan_StoresNothing_WhenThePlanIsEmpty()
    {
        await Commits.CommitPlanAsync(new PlanCommit([], [], null), Ct);

        Assert.Null(await Queue.TryClaimAsync("w1", null, Lease, Ct));
    }

    [Fact]
    public async Task CommitAttempt_SavesTheResultAndRemovesTheJob()
    {
        var (taskRun, lease) = await ClaimedRunAsync();
        var done = taskRun with { State = State.Success, EndDate = T0.AddSeconds(3) };

        await Commits.CommitAttemptAsync(new AttemptCommit(lease, done), Ct);

        RecordAssert.Equal(done, await Store.GetTaskRunAsync(taskRun.Id, Ct));
        Time.Advance(Lease * 2);
        Assert.Null(await Queue.TryClaimAsync("w2", null, Lease, Ct));
    }

    [Fact]
    public async Task CommitAttempt_EnqueuesTheRetry_ClaimableOnlyFromItsDate()
    {
        var (taskRun, lease) = await ClaimedRunAsync();
        var retry = lease.Job with { Attempt = lease.Job.Attempt + 1 };
        var due = Time.GetUtcNow().AddSeconds(10);

        await Commits.CommitAttemptAsync(new AttemptCommit(lease, taskRun with { State = State.Retrying }) { Retry = (retry, due) }, Ct);

        Assert.Null(await Queue.TryClaimAsync("w1", null, Lease, Ct));
        Assert.Equal(due, await Queue.NextDueAsync(null, Ct));
        Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(retry, (await Queue.TryClaimAsync("w1", null, Lease, Ct))?.Job);
    }

    [Fact]
    public async Task CommitAttempt_WithoutTaskRun_OnlyAcknowledgesTheJob()
    {
        var (taskRun, lease) = await ClaimedRunAsync();

        await Commits.CommitAttemptAsync(new AttemptCommit(lease, null), Ct);

        RecordAssert.Equal(taskRun, await Store.GetTaskRunAsync(taskRun.Id, Ct));
        Time.Advance(Lease * 2);
        Assert.Null(await Queue.TryClaimAsync("w2", null, Lease, Ct));
    }

    [Fact]
    public async Task CommitAttempt_KeepsTheJob_WhenAnotherWorkerTookTheLeaseOver()
    {
        var (taskRun, stale) = await ClaimedRunAsync();
        Time.Advance(Lease * 2);
        var current = await Queue.TryClaimAsync("w2", null, Lease, Ct);
        Assert.NotNull(current);

        await Commits.CommitAttemptAsync(new AttemptCommit(stale, taskRun), Ct);

        Assert.True(await Queue.RenewAsync(current, Lease, Ct));
    }

    protected async Task<Execution> CreateExecutionAsync()
    {
        var execution = Execution();
        await Store.CreateExecutionAsync(execution, Ct);
        return execution;
    }

    private async Task<(TaskRun TaskRun, JobLease Lease)> ClaimedRunAsync()
    {
        var execution = await CreateExecutionAsync();
        var taskRun = TaskRun(execution.Id) with { State = State.Running, EndDate = null, NextAttemptAt = null };
        await Commits.CommitPlanAsync(new PlanCommit([taskRun], [new WorkerJob(execution.Id, taskRun.Id, 0)], null), Ct);
        var lease = await Queue.TryClaimAsync("w1", null, Lease, Ct) ?? throw new InvalidOperationException("The committed job was not claimable.");
        return (taskRun, lease);
    }
}
