using Harrier.Core.Executions;
using Harrier.Core.Queue;
using Harrier.Core.Store;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using static Harrier.TestKit.Contracts.ContractData;

namespace Harrier.TestKit.Contracts;

/// <summary>
/// The base of the contract suites over a whole backend: a fresh, empty database per test reading time from a
/// <see cref="FakeTimeProvider"/> (a fake: lease expiry is driven by advancing it), and helpers that drive the engine's
/// writes the way the executor and workers do.
/// </summary>
public abstract class StoreContract : IAsyncLifetime
{
    protected static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private StoreSubject? _subject;

    protected FakeTimeProvider Time { get; } = new(T0);

    protected StoreSubject Subject => _subject ?? throw new InvalidOperationException("InitializeAsync has not run.");

    protected IExecutionStore Store => Subject.Store;


    protected IJobQueue Queue => Subject.Queue;

    protected IPlanningQueue Planning => Subject.Planning;

    protected IEngineCommits Commits => Subject.Commits;

    protected static CancellationToken Ct => CancellationToken.None;

    /// <summary>A fresh, empty backend reading time from <paramref name="time"/>.</summary>
    protected abstract Task<StoreSubject> CreateAsync(TimeProvider time);

    public async Task InitializeAsync() => _subject = await CreateAsync(Time);

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected async Task<Execution> CreateExecutionAsync(string? owner = null, string? id = null)
    {
        var execution = Execution(id) with { Owner = owner };
        await Store.CreateExecutionAsync(execution, Ct);
        return execution;
    }

    /// <summary>Claims the execution's wake-up (it must be the only one due in its owner scope) as executor <paramref name="executor"/>.</summary>
    protected async Task<PlanningLease> ClaimPlanningAsync(string? owner = null, string executor = "e1") =>
        await Planning.TryClaimAsync(executor, owner, Lease, Ct) ?? throw new InvalidOperationException("No wake-up was claimable.");

    /// <summary>A pass that stores <paramref name="runs"/> and enqueues a job for each, as the executor does.</summary>
    protected async Task PlanAsync(Execution execution, params TaskRun[] runs)
    {
        await Planning.WakeAsync(execution.Id, null, Ct);
        var lease = await Planning.TryClaimAsync("planner", execution.Owner, Lease, Ct) ?? throw new InvalidOperationException("The execution was not claimable for planning.");
        Assert.Equal(execution.Id, lease.ExecutionId);
        await Commits.CommitPlanAsync(new PlanCommit(lease)
        {
            TaskRuns = runs,
            Jobs = [.. runs.Select(run => new WorkerJob(execution.Id, run.Id, 0))],
        }, Ct);
    }

    protected Task<JobLease?> ClaimJobAsync(string worker = "w1", string? owner = null) =>
        Queue.TryClaimAsync(new JobClaim(worker, null, owner, Lease), Ct);

    /// <summary>A created task run with a claimed job, as a worker holds it before starting the attempt.</summary>
    protected async Task<(Execution Execution, TaskRun TaskRun, JobLease Lease)> ClaimedRunAsync(string? owner = null)
    {
        var execution = await CreateExecutionAsync(owner);
        await DrainWakeupsAsync(owner);
        var taskRun = NewRun(execution.Id);
        await PlanAsync(execution, taskRun);
        var lease = await ClaimJobAsync(owner: owner) ?? throw new InvalidOperationException("The committed job was not claimable.");
        var stored = await Store.GetTaskRunAsync(taskRun.Id, Ct) ?? throw new InvalidOperationException("The planned run was not stored.");
        return (execution, stored, lease);
    }

    /// <summary>Completes every due wake-up of a scope, as passes that change nothing would.</summary>
    protected async Task DrainWakeupsAsync(string? owner = null)
    {
        while (await Planning.TryClaimAsync("drain", owner, Lease, Ct) is { } lease)
        {
            await Commits.CommitPlanAsync(new PlanCommit(lease), Ct);
        }
    }

    /// <summary>A task run the planner would create: CREATED, never stored (version 0), a unique identity.</summary>
    protected static TaskRun NewRun(string executionId, string? taskId = null) => new()
    {
        Id = NewId("tr"),
        ExecutionId = executionId,
        TaskId = taskId ?? NewId("task"),
        State = State.Created,
        CreatedAt = T0,
    };
}
