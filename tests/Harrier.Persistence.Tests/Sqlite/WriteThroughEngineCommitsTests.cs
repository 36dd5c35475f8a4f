using Harrier.Core.Executions;
using Harrier.Core.Queue;
using Harrier.Core.Store;
using Harrier.TestKit.Contracts;
using Xunit;
using static Harrier.TestKit.Contracts.ContractData;

namespace Harrier.Persistence.Tests.Sqlite;

/// <summary>
/// The standalone composition: engine commits through the write-through cache over SQLite. The contract must hold,
/// and the cache must serve what the commits stored (the engine reads running executions from it).
/// </summary>
public sealed class WriteThroughEngineCommitsTests : EngineCommitsContract
{
    private readonly TempDataDirectory _directory = new();

    protected override async Task<EngineCommitsSubject> CreateAsync(TimeProvider time)
    {
        var store = await _directory.OpenAsync(time);
        var cache = new WriteThroughExecutionCache(store.Executions);
        return new EngineCommitsSubject(cache, store.Jobs, cache.Through(store.Commits));
    }

    public override Task DisposeAsync() => _directory.DeleteAsync();

    [Fact]
    public async Task CommitPlan_ReachesTheCache_SoTheNextReadSeesTheNewTaskRunsAndState()
    {
        var execution = await CreateExecutionAsync();
        var taskRun = TaskRun(execution.Id) with { State = State.Created };
        var running = execution with { State = State.Running, Error = "planned" };

        await Commits.CommitPlanAsync(new PlanCommit([taskRun], [], running), Ct);
        await Commits.CommitPlanAsync(new PlanCommit([taskRun with { State = State.Success }], [], null), Ct);

        Assert.Equal("planned", (await Store.GetExecutionAsync(execution.Id, Ct))!.Error);
        Assert.Equal(State.Success, Assert.Single(await Store.GetTaskRunsAsync(execution.Id, Ct)).State);
        Assert.Equal(State.Success, (await Store.GetTaskRunAsync(taskRun.Id, Ct))!.State);
    }

    [Fact]
    public async Task CommitAttempt_ReachesTheCache()
    {
        var execution = await CreateExecutionAsync();
        var taskRun = TaskRun(execution.Id) with { State = State.Running };
        await Commits.CommitPlanAsync(new PlanCommit([taskRun], [new WorkerJob(execution.Id, taskRun.Id, 0)], null), Ct);
        var lease = (await Queue.TryClaimAsync("w1", null, TimeSpan.FromSeconds(30), Ct))!;

        await Commits.CommitAttemptAsync(new AttemptCommit(lease, taskRun with { State = State.Failed }), Ct);

        Assert.Equal(State.Failed, (await Store.GetTaskRunAsync(taskRun.Id, Ct))!.State);
    }

    [Fact]
    public async Task CommitPlan_OfATerminalExecution_EvictsIt_AndReadsComeFromTheStore()
    {
        var execution = await CreateExecutionAsync();
        var taskRun = TaskRun(execution.Id);

        await Commits.CommitPlanAsync(new PlanCommit([taskRun], [], execution with { State = State.Success }), Ct);

        Assert.Equal(State.Success, (await Store.GetExecutionAsync(execution.Id, Ct))!.State);
        RecordAssert.Equal(taskRun, Assert.Single(await Store.GetTaskRunsAsync(execution.Id, Ct)));
    }
}
