using Harrier.Core.Queue;
using Xunit;
using static Harrier.TestKit.Contracts.ContractData;

namespace Harrier.TestKit.Contracts;

/// <summary>Renewal, completion, due times and cancellation (the second half of the suite; groups are in .Groups).</summary>
public abstract partial class JobQueueContract
{
    [Fact]
    public async Task Renew_ExtendsTheLease_SoTheJobStaysClaimed()
    {
        await Queue.EnqueueAsync(Job(), null, Ct);
        var lease = (await ClaimAsync("w1", null, Lease))!;

        Time.Advance(Lease / 2);
        Assert.True(await Queue.RenewAsync(lease, Lease, Ct));
        Time.Advance((Lease / 2) + TimeSpan.FromSeconds(1));

        Assert.Null(await ClaimAsync("w2", null, Lease));
        Assert.Equal(Time.GetUtcNow() + (Lease / 2) - TimeSpan.FromSeconds(1), await NextDueAsync(null));
    }

    [Fact]
    public async Task Renew_Fails_AfterAnotherWorkerTookTheJob()
    {
        await Queue.EnqueueAsync(Job(), null, Ct);
        var lost = (await ClaimAsync("w1", null, Lease))!;
        Time.Advance(Lease + TimeSpan.FromSeconds(1));
        var taken = (await ClaimAsync("w2", null, Lease))!;

        Assert.False(await Queue.RenewAsync(lost, Lease, Ct));
        Assert.True(await Queue.RenewAsync(taken, Lease, Ct));
    }

    [Fact]
    public async Task Renew_Fails_AfterTheJobWasCompleted()
    {
        await Queue.EnqueueAsync(Job(), null, Ct);
        var lease = (await ClaimAsync("w1", null, Lease))!;
        await Queue.CompleteAsync(lease, Ct);

        Assert.False(await Queue.RenewAsync(lease, Lease, Ct));
    }

    [Fact]
    public async Task Complete_RemovesTheJob_AndIsIdempotent()
    {
        await Queue.EnqueueAsync(Job(), null, Ct);
        var lease = (await ClaimAsync("w1", null, Lease))!;

        await Queue.CompleteAsync(lease, Ct);
        await Queue.CompleteAsync(lease, Ct);
        Time.Advance(Lease * 3);

        Assert.Null(await ClaimAsync("w2", null, Lease));
        Assert.Null(await NextDueAsync(null));
    }

    [Fact]
    public async Task Complete_ByAWorkerThatLostTheLease_LeavesTheNewOwnersJob()
    {
        await Queue.EnqueueAsync(Job(), null, Ct);
        var lost = (await ClaimAsync("w1", null, Lease))!;
        Time.Advance(Lease);
        var taken = (await ClaimAsync("w2", null, Lease))!;

        Assert.False(await Queue.CompleteAsync(lost, Ct));

        Assert.True(await Queue.RenewAsync(taken, Lease, Ct));
    }

    [Fact]
    public async Task NextDue_IsNull_WhenEmpty_ThenTheEarliestTimeAJobBecomesClaimable()
    {
        Assert.Null(await NextDueAsync(null));
        var now = Time.GetUtcNow();
        await Queue.EnqueueAsync(Job(), now.AddMinutes(5), Ct);
        await Queue.EnqueueAsync(Job(), now.AddMinutes(2), Ct);
        Assert.Equal(now.AddMinutes(2), await NextDueAsync(null));

        await Queue.EnqueueAsync(Job(), null, Ct);
        Assert.Equal(now, await NextDueAsync(null));

        // A leased job becomes claimable again when its lease expires.
        await ClaimAsync("w1", null, TimeSpan.FromMinutes(1));
        Assert.Equal(now.AddMinutes(1), await NextDueAsync(null));
    }

    [Fact]
    public async Task Lease_OfAnEarlierClaim_CanNeitherRenewNorCompleteNorRelease_EvenUnderTheSameWorkerId()
    {
        // A worker slot restarted with the same id (or a paused process resuming) holds an older epoch: fenced out.
        await Queue.EnqueueAsync(Job(), null, Ct);
        var old = (await ClaimAsync("w1", null, Lease))!;
        Time.Advance(Lease);
        var current = (await ClaimAsync("w1", null, Lease))!;

        Assert.True(current.Epoch > old.Epoch);
        Assert.False(await Queue.RenewAsync(old, Lease, Ct));
        Assert.False(await Queue.CompleteAsync(old, Ct));
        Assert.False(await Queue.ReleaseAsync(old, Ct));
        Assert.True(await Queue.RenewAsync(current, Lease, Ct));
    }

    [Fact]
    public async Task Release_HandsTheJobBackAtOnce_ToTheNextClaim()
    {
        var job = Job();
        await Queue.EnqueueAsync(job, null, Ct);
        var lease = (await ClaimAsync("w1", null, Lease))!;

        Assert.True(await Queue.ReleaseAsync(lease, Ct));

        var again = await ClaimAsync("w2", null, Lease);
        Assert.Equal(job, again?.Job);
        Assert.False(await Queue.RenewAsync(lease, Lease, Ct));
    }

    [Fact]
    public async Task Complete_SaysWhetherTheLeaseStillHeld()
    {
        await Queue.EnqueueAsync(Job(), null, Ct);
        var lease = (await ClaimAsync("w1", null, Lease))!;

        Assert.True(await Queue.CompleteAsync(lease, Ct));
        Assert.False(await Queue.CompleteAsync(lease, Ct));
    }
}
