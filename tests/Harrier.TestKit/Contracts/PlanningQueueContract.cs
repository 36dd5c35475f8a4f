using Harrier.Core.Queue;
using Harrier.Core.Store;
using Xunit;
using static Harrier.TestKit.Contracts.ContractData;

namespace Harrier.TestKit.Contracts;

/// <summary>
/// What every <see cref="IPlanningQueue"/> must do: durable wake-ups, one executor per execution at a time (leases with
/// epochs), executions of other owner scopes invisible, timers honoured.
/// </summary>
public abstract class PlanningQueueContract : StoreContract
{
    [Fact]
    public async Task TryClaim_ReturnsNull_WhenNothingIsDue() => Assert.Null(await Planning.TryClaimAsync("e1", null, Lease, Ct));

    [Fact]
    public async Task TryClaim_HandsOneExecutionToOneExecutor_UntilItsLeaseExpires()
    {
        var execution = await CreateExecutionAsync();

        var first = await Planning.TryClaimAsync("e1", null, Lease, Ct);
        Assert.Equal(execution.Id, first?.ExecutionId);
        Assert.Null(await Planning.TryClaimAsync("e2", null, Lease, Ct));
        Time.Advance(Lease);

        var second = await Planning.TryClaimAsync("e2", null, Lease, Ct);
        Assert.Equal(execution.Id, second?.ExecutionId);
        Assert.True(second!.Epoch > first!.Epoch);
    }

    [Fact]
    public async Task TryClaim_HandsDifferentExecutionsToDifferentExecutors_OldestDueFirst()
    {
        var a = await CreateExecutionAsync();
        Time.Advance(TimeSpan.FromMilliseconds(1));
        var b = await CreateExecutionAsync();

        Assert.Equal(a.Id, (await Planning.TryClaimAsync("e1", null, Lease, Ct))?.ExecutionId);
        Assert.Equal(b.Id, (await Planning.TryClaimAsync("e2", null, Lease, Ct))?.ExecutionId);
    }

    [Fact]
    public async Task TryClaim_From8ExecutorsAtOnce_ClaimsEachExecutionOnce()
    {
        var ids = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            ids.Add((await CreateExecutionAsync()).Id);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(e => Task.Run(async () =>
        {
            var mine = new List<string>();
            while (await Planning.TryClaimAsync($"e{e}", null, Lease, Ct) is { } lease)
            {
                mine.Add(lease.ExecutionId);
            }

            return mine;
        })));

        Assert.Equal(ids.Order(), claims.SelectMany(c => c).Order());
    }

    [Fact]
    public async Task TryClaim_SeesOnlyItsOwnerScope()
    {
        var mine = await CreateExecutionAsync(owner: "host:1:2");
        await CreateExecutionAsync(owner: "host:3:4");
        var pool = await CreateExecutionAsync();

        Assert.Equal(mine.Id, (await Planning.TryClaimAsync("e1", "host:1:2", Lease, Ct))?.ExecutionId);
        Assert.Null(await Planning.TryClaimAsync("e1", "host:1:2", Lease, Ct));
        Assert.Equal(pool.Id, (await Planning.TryClaimAsync("e1", null, Lease, Ct))?.ExecutionId);
        Assert.Null(await Planning.TryClaimAsync("e1", null, Lease, Ct));
    }

    [Fact]
    public async Task Wake_AtALaterTime_IsDueThen_AndASoonerWakeUpWins()
    {
        var execution = await CreateExecutionAsync();
        await DrainWakeupsAsync();
        await Planning.WakeAsync(execution.Id, T0.AddMinutes(10), Ct);
        Assert.Equal(T0.AddMinutes(10), await Planning.NextDueAsync(null, Ct));

        await Planning.WakeAsync(execution.Id, T0.AddMinutes(2), Ct);

        Assert.Equal(T0.AddMinutes(2), await Planning.NextDueAsync(null, Ct));
        Assert.Null(await Planning.TryClaimAsync("e1", null, Lease, Ct));
        Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(execution.Id, (await Planning.TryClaimAsync("e1", null, Lease, Ct))?.ExecutionId);
    }

    [Fact]
    public async Task Release_HandsTheExecutionBack_DueAtOnce_AndTheOldLeaseCannotCommit()
    {
        var execution = await CreateExecutionAsync();
        var lease = await ClaimPlanningAsync();

        Assert.True(await Planning.ReleaseAsync(lease, Ct));

        var again = await Planning.TryClaimAsync("e2", null, Lease, Ct);
        Assert.Equal(execution.Id, again?.ExecutionId);
        Assert.False(await Planning.ReleaseAsync(lease, Ct));
        await Assert.ThrowsAsync<LeaseLostException>(() => Commits.CommitPlanAsync(new PlanCommit(lease), Ct));
    }

    [Fact]
    public async Task NextDue_GivesTheLeaseExpiry_OfAClaimedExecution()
    {
        await CreateExecutionAsync();
        Assert.Equal(T0, await Planning.NextDueAsync(null, Ct));

        await ClaimPlanningAsync();

        Assert.Equal(T0 + Lease, await Planning.NextDueAsync(null, Ct));
        Assert.Null(await Planning.NextDueAsync("host:9:9", Ct));
    }

    [Fact]
    public async Task APlanningRead_CountsTheWakeUpsBeforeIt_SoACommitWithThatCountCompletesThem_AndOnlyALaterOneIsDueAgain()
    {
        var execution = await CreateExecutionAsync();
        var lease = await ClaimPlanningAsync();
        await Planning.WakeAsync(execution.Id, null, Ct);

        var read = await Store.ReadForPlanningAsync(execution.Id, Ct);

        Assert.Equal(lease.WakeCount + 1, read!.WakeCount);
        await Commits.CommitPlanAsync(new PlanCommit(lease with { WakeCount = read.WakeCount!.Value }), Ct);
        Assert.Null(await Planning.TryClaimAsync("e1", null, Lease, Ct));

        await Planning.WakeAsync(execution.Id, null, Ct);
        var next = await ClaimPlanningAsync();
        var seen = (await Store.ReadForPlanningAsync(execution.Id, Ct))!.WakeCount!.Value;
        await Planning.WakeAsync(execution.Id, null, Ct);
        await Commits.CommitPlanAsync(new PlanCommit(next with { WakeCount = seen }), Ct);
        Assert.Equal(execution.Id, (await Planning.TryClaimAsync("e1", null, Lease, Ct))?.ExecutionId);
    }
}
