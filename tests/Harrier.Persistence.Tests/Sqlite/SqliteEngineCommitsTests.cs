using Harrier.Core.Executions;
using Harrier.Core.Queue;
using Harrier.Core.Store;
using Harrier.TestKit.Contracts;
using Xunit;
using static Harrier.TestKit.Contracts.ContractData;

namespace Harrier.Persistence.Tests.Sqlite;

/// <summary>The EngineCommitsContract on a real SQLite file, plus the atomicity SQLite promises.</summary>
public sealed class SqliteEngineCommitsTests : EngineCommitsContract
{
    private readonly TempDataDirectory _directory = new();

    protected override async Task<EngineCommitsSubject> CreateAsync(TimeProvider time)
    {
        var store = await _directory.OpenAsync(time);
        return new EngineCommitsSubject(store.Executions, store.Jobs, store.Commits);
    }

    public override Task DisposeAsync() => _directory.DeleteAsync();

    [Fact]
    public async Task CommitPlan_StoresNoTaskRunAndNoJob_WhenTheExecutionUpdateFails()
    {
        var execution = await CreateExecutionAsync();
        var taskRun = TaskRun(execution.Id);
        var missing = Execution();

        await Assert.ThrowsAsync<KeyNotFoundException>(() =>
            Commits.CommitPlanAsync(new PlanCommit([taskRun], [new WorkerJob(execution.Id, taskRun.Id, 0)], missing), Ct));

        Assert.Empty(await Store.GetTaskRunsAsync(execution.Id, Ct));
        Assert.Null(await Queue.TryClaimAsync("w1", null, TimeSpan.FromSeconds(30), Ct));
    }
}
