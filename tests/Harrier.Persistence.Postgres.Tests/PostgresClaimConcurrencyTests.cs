using Harrier.Core.Queue;
using Harrier.TestKit.Contracts;
using Xunit;

namespace Harrier.Persistence.Postgres.Tests;

/// <summary>
/// Claims from several stores at once (each its own pool, as separate processes): <c>FOR UPDATE SKIP LOCKED</c> hands
/// every job and every wake-up to exactly one claimer.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresClaimConcurrencyTests(PostgresCluster cluster) : IAsyncLifetime
{
    private const int Claimers = 6;

    private readonly TempDatabase _database = new(cluster);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _database.DeleteAsync();

    [Fact]
    public async Task SixClaimers_Over300Jobs_ClaimEachJobOnce_AndLeaveNone()
    {
        var setup = await _database.OpenAsync();
        var execution = ContractData.Execution();
        await setup.Executions.CreateExecutionAsync(execution, CancellationToken.None);
        for (var i = 0; i < 300; i++)
        {
            await setup.Jobs.EnqueueAsync(new WorkerJob(execution.Id, $"tr{i}", 0), null, CancellationToken.None);
        }

        var stores = new List<PostgresStore>();
        for (var i = 0; i < Claimers; i++)
        {
            stores.Add(await _database.OpenAsync());
        }

        var claimed = await Task.WhenAll(stores.Select((store, n) => Task.Run(async () =>
        {
            var mine = new List<string>();
            while (await store.Jobs.TryClaimAsync(new JobClaim($"w{n}", null, null, TimeSpan.FromMinutes(5)), CancellationToken.None) is { } lease)
            {
                mine.Add(lease.Job.TaskRunId);
                Assert.True(await store.Jobs.CompleteAsync(lease, CancellationToken.None));
            }

            return mine;
        })));

        var all = claimed.SelectMany(c => c).ToList();
        Assert.Equal(300, all.Count);
        Assert.Equal(300, all.Distinct().Count());
        Assert.True(claimed.Count(c => c.Count > 0) > 1, "a single claimer took every job: the claims did not run side by side");
        Assert.Equal(new Core.Store.QueueDepth(0, 0), await setup.QueueStatistics.GetDepthAsync(CancellationToken.None));
    }

    [Fact]
    public async Task FourExecutors_Over100WakeUps_NeverHoldTheSameExecution()
    {
        var setup = await _database.OpenAsync();
        var ids = new HashSet<string>();
        for (var i = 0; i < 100; i++)
        {
            var execution = ContractData.Execution();
            await setup.Executions.CreateExecutionAsync(execution, CancellationToken.None);
            ids.Add(execution.Id);
        }

        var stores = new List<PostgresStore>();
        for (var i = 0; i < 4; i++)
        {
            stores.Add(await _database.OpenAsync());
        }

        var held = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
        var passes = await Task.WhenAll(stores.Select((store, n) => Task.Run(async () =>
        {
            var done = new List<string>();
            while (await store.Planning.TryClaimAsync($"e{n}", null, TimeSpan.FromMinutes(5), CancellationToken.None) is { } lease)
            {
                Assert.True(held.TryAdd(lease.ExecutionId, lease.ExecutorId), $"{lease.ExecutionId} was claimed while {held.GetValueOrDefault(lease.ExecutionId)} held it");
                await store.Commits.CommitPlanAsync(new Core.Store.PlanCommit(lease), CancellationToken.None);
                held.TryRemove(lease.ExecutionId, out _);
                done.Add(lease.ExecutionId);
            }

            return done;
        })));

        Assert.Equal(ids.Order(StringComparer.Ordinal), passes.SelectMany(p => p).Order(StringComparer.Ordinal));
    }
}
