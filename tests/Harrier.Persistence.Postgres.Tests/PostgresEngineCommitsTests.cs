using Harrier.Core.Queue;
using Harrier.Core.Store;
using Harrier.TestKit.Contracts;
using Xunit;

namespace Harrier.Persistence.Postgres.Tests;

/// <summary>The EngineCommitsContract suite on a real PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresEngineCommitsTests(PostgresCluster cluster) : EngineCommitsContract
{
    private readonly TempDatabase _database = new(cluster);

    protected override Task<StoreSubject> CreateAsync(TimeProvider time) => PostgresSubjects.CreateAsync(_database, time);

    public override Task DisposeAsync() => _database.DeleteAsync();

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
