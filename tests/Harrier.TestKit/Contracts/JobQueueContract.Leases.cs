using Harrier.Core.Queue;
using Xunit;
using static Harrier.TestKit.Contracts.ContractData;

namespace Harrier.TestKit.Contracts;

/// <summary>Renewal, completion, due times, cancellation and worker groups (the second half of the suite).</summary>
public abstract partial class JobQueueContract
{
    [Fact]
    public async Task Renew_ExtendsTheLease_SoTheJobStaysClaimed()
    {
        await Queue.EnqueueAsync(Job(), null, Ct);
        var lease = (await Queue.TryClaimAsync("w1", null, Lease, Ct))!;

        Time.Advance(Lease / 2);
        Assert.True(await Queue.RenewAsync(lease, Lease, Ct));
        Time.Advance((Lease / 2) + TimeSpan.FromSeconds(1));

        Assert.Null(await Queue.TryClaimAsync("w2", null, Lease, Ct));
        Assert.Equal(Time.GetUtcNow() + (Lease / 2) - TimeSpan.FromSeconds(1), await Queue.NextDueAsync(null, Ct));
    }

    [Fact]
    public async Task Renew_Fails_AfterAnotherWorkerTookTheJob()
    {
        await Queue.EnqueueAsync(Job(), null, Ct);
        var lost = (await Queue.TryClaimAsync("w1", null, Lease, Ct))!;
        Time.Advance(Lease + TimeSpan.FromSeconds(1));
        var taken = (await Queue.TryClaimAsync("w2", null, Lease, Ct))!;

        Assert.False(await Queue.RenewAsync(lost, Lease, Ct));
        Assert.True(await Queue.RenewAsync(taken, Lease, Ct));
    }

    [Fact]
    public async Task Renew_Fails_AfterTheJobWasCompleted()
    {
        await Queue.EnqueueAsync(Job(), null, Ct);
        var lease = (await Queue.TryClaimAsync("w1", null, Lease, Ct))!;
        await Queue.CompleteAsync(lease, Ct);

        Assert.False(await Queue.RenewAsync(lease, Lease, Ct));
    }

    [Fact]
    public async Task Complete_RemovesTheJob_AndIsIdempotent()
    {
        await Queue.EnqueueAsync(Job(), null, Ct);
        var lease = (await Queue.TryClaimAsync("w1", null, Lease, Ct))!;

        await Queue.CompleteAsync(lease, Ct);
        await Queue.CompleteAsync(lease, Ct);
        Time.Advance(Lease * 3);

        Assert.Null(await Queue.TryClaimAsync("w2", null, Lease, Ct));
        Assert.Null(await Queue.NextDueAsync(null, Ct));
    }

    [Fact]
    public async Task Complete_ByAWorkerThatLostTheLease_LeavesTheNewOwnersJob()
    {
        await Queue.EnqueueAsync(Job(), null, Ct);
        var lost = (await Queue.TryClaimAsync("w1", null, Lease, Ct))!;
        Time.Advance(Lease);
        var taken = (await Queue.TryClaimAsync("w2", null, Lease, Ct))!;

        await Queue.CompleteAsync(lost, Ct);

        Assert.True(await Queue.RenewAsync(taken, Lease, Ct));
    }

    [Fact]
    public async Task NextDue_IsNull_WhenEmpty_ThenTheEarliestTimeAJobBecomesClaimable()
    {
        Assert.Null(await Queue.NextDueAsync(null, Ct));
        var now = Time.GetUtcNow();
        await Queue.EnqueueAsync(Job(), now.AddMinutes(5), Ct);
        await Queue.EnqueueAsync(Job(), now.AddMinutes(2), Ct);
        Assert.Equal(now.AddMinutes(2), await Queue.NextDueAsync(null, Ct));

        await Queue.EnqueueAsync(Job(), null, Ct);
        Assert.Equal(now, await Queue.NextDueAsync(null, Ct));

        // A leased job becomes claimable again when its lease expires.
        await Queue.TryClaimAsync("w1", null, TimeSpan.FromMinutes(1), Ct);
        Assert.Equal(now.AddMinutes(1), await Queue.NextDueAsync(null, Ct));
    }

    [Fact]
    public async Task CancelExecution_RemovesEveryJobOfThatExecution_Only()
    {
        var killed = NewId("ex");
        var other = Job();
        await Queue.EnqueueAsync(Job(killed), null, Ct);
        await Queue.EnqueueAsync(other, null, Ct);
        await Queue.EnqueueAsync(Job(killed, 2), Time.GetUtcNow().AddMinutes(1), Ct);
        await Queue.EnqueueAsync(Job(killed), null, Ct);
        var claimedLease = (await Queue.TryClaimAsync("w1", null, Lease, Ct))!;

        Assert.Equal(3, await Queue.CancelExecutionAsync(killed, Ct));
        Assert.Equal(0, await Queue.CancelExecutionAsync(killed, Ct));

        Assert.False(await Queue.RenewAsync(claimedLease, Lease, Ct));
        var otherLease = await Queue.TryClaimAsync("w2", null, Lease, Ct);
        Assert.Equal(other, otherLease?.Job);
        await Queue.CompleteAsync(otherLease!, Ct);
        Time.Advance(TimeSpan.FromHours(1));
        Assert.Null(await Queue.TryClaimAsync("w3", null, Lease, Ct));
    }

    [Fact]
    public async Task WorkerGroups_AGroupsJobGoesOnlyToThatGroup_AGrouplessJobToAnyWorker()
    {
        var gpu = Job(group: "gpu");
        var anyone = Job();
        var anyoneToo = Job();
        await Queue.EnqueueAsync(gpu, null, Ct);
        await Queue.EnqueueAsync(anyone, null, Ct);
        await Queue.EnqueueAsync(anyoneToo, null, Ct);

        Assert.Equal(anyone, (await Queue.TryClaimAsync("cpu-1", "cpu", Lease, Ct))?.Job);
        Assert.Equal(gpu, (await Queue.TryClaimAsync("gpu-1", "gpu", Lease, Ct))?.Job);
        Assert.Equal(anyoneToo, (await Queue.TryClaimAsync("gpu-2", "gpu", Lease, Ct))?.Job);
        Assert.Null(await Queue.TryClaimAsync("plain-1", null, Lease, Ct));
    }

    [Fact]
    public async Task WorkerGroups_AWorkerWithoutAGroup_NeverClaimsAGroupsJob()
    {
        await Queue.EnqueueAsync(Job(group: "gpu"), null, Ct);

        Assert.Null(await Queue.TryClaimAsync("w1", null, Lease, Ct));
        Assert.Null(await Queue.TryClaimAsync("w2", "cpu", Lease, Ct));
        Assert.Null(await Queue.NextDueAsync(null, Ct));
        Assert.Equal("gpu", (await Queue.TryClaimAsync("w3", "gpu", Lease, Ct))?.Job.WorkerGroup);
    }
}
