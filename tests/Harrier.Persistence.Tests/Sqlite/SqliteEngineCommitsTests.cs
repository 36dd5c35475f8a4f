using Harrier.Core.Queue;
using Harrier.Core.Store;
using Harrier.TestKit.Contracts;
using Xunit;

namespace Harrier.Persistence.Tests.Sqlite;

/// <summary>The EngineCommitsContract suite on a real SQLite file.</summary>
public sealed class SqliteEngineCommitsTests : EngineCommitsContract
{
    private readonly TempDataDirectory _directory = new();

    protected override Task<StoreSubject> CreateAsync(TimeProvider time) => SqliteSubjects.CreateAsync(_directory, time);

    public override Task DisposeAsync() => _directory.DeleteAsync();

    [Fact]
    public async Task CommitPlan_StoresNoTaskRunAndNoJob_WhenTheExecutionUpdateFails()
    {
        var execution = await CreateExecutionAsync();
        var lease = await ClaimPlanningAsync();
        var taskRun = NewRun(execution.Id);

        await Assert.ThrowsAsync<KeyNotFoundException>(() => Commits.CommitPlanAsync(new PlanCommit(lease)
        {
            TaskRuns = [taskRun],
            Jobs = [new WorkerJob(execution.Id, taskRun.Id, 0)],
            Execution = ContractData.Execution(),
        }, Ct));

        Assert.Empty(await Store.GetTaskRunsAsync(execution.Id, Ct));
        Assert.Null(await ClaimJobAsync());
    }
}
