using Harrier.Core.Queue;
using Xunit;

namespace Harrier.TestKit.Contracts;

/// <summary>Worker groups: which worker claims which job, and what an executor applying a group's fallback sees and takes.</summary>
public abstract partial class JobQueueContract
{
    [Fact]
    public async Task WorkerGroups_AGroupsJobGoesOnlyToThatGroup_AGrouplessJobOnlyToWorkersWithoutAGroup()
    {
        var gpu = Job(group: "gpu");
        var plain = Job();
        await Queue.EnqueueAsync(gpu, null, Ct);
        await Queue.EnqueueAsync(plain, null, Ct);

        Assert.Null(await ClaimAsync("cpu-1", "cpu", Lease));
        Assert.Equal(gpu, (await ClaimAsync("gpu-1", "gpu", Lease))?.Job);
        Assert.Null(await ClaimAsync("gpu-2", "gpu", Lease));
        Assert.Equal(plain, (await ClaimAsync("plain-1", null, Lease))?.Job);
    }

    [Fact]
    public async Task WorkerGroups_AWorkerWithoutAGroup_NeverClaimsAGroupsJob()
    {
        await Queue.EnqueueAsync(Job(group: "gpu"), null, Ct);

        Assert.Null(await ClaimAsync("w1", null, Lease));
        Assert.Null(await ClaimAsync("w2", "cpu", Lease));
        Assert.Null(await NextDueAsync(null));
        Assert.Equal("gpu", (await ClaimAsync("w3", "gpu", Lease))?.Job.WorkerGroup);
    }

    [Fact]
    public async Task WorkerGroups_NextDue_SeesOnlyTheJobsOfTheClaimsGroup()
    {
        await Queue.EnqueueAsync(Job(group: "gpu"), Time.GetUtcNow().AddMinutes(1), Ct);
        await Queue.EnqueueAsync(Job(), Time.GetUtcNow().AddMinutes(2), Ct);

        Assert.Equal(Time.GetUtcNow().AddMinutes(1), await NextDueAsync("gpu"));
        Assert.Equal(Time.GetUtcNow().AddMinutes(2), await NextDueAsync(null));
        Assert.Null(await NextDueAsync("cpu"));
    }

    [Fact]
    public async Task ListWaitingGroupJobs_ListsTheDueGroupJobsNobodyHolds_LongestDueFirst()
    {
        var later = Job(group: "gpu");
        var held = Job(group: "gpu");
        var waiting = Job(group: "arm");
        await Queue.EnqueueAsync(later, Time.GetUtcNow().AddSeconds(10), Ct);
        await Queue.EnqueueAsync(held, null, Ct);
        await Queue.EnqueueAsync(Job(), null, Ct);
        Time.Advance(TimeSpan.FromSeconds(1));
        await Queue.EnqueueAsync(waiting, null, Ct);
        Assert.Equal(held, (await ClaimAsync("gpu-1", "gpu", Lease))?.Job);

        Assert.Equal([waiting], (await Queue.ListWaitingGroupJobsAsync(null, 0, 10, Ct)).Select(w => w.Job));

        // The holder died: once its lease expires its job waits again, with the one that has become due meanwhile.
        Time.Advance(Lease);
        var listed = await Queue.ListWaitingGroupJobsAsync(null, 0, 10, Ct);
        Assert.Equal([held, waiting, later], listed.Select(w => w.Job));
        Assert.Equal([held], (await Queue.ListWaitingGroupJobsAsync(null, 0, 1, Ct)).Select(w => w.Job));
        Assert.Equal([waiting, later], (await Queue.ListWaitingGroupJobsAsync(null, 1, 10, Ct)).Select(w => w.Job));
        Assert.Empty(await Queue.ListWaitingGroupJobsAsync("another-owner", 0, 10, Ct));
    }

    [Fact]
    public async Task TryClaimJob_TakesThatJobWhateverItsGroup_OnlyWhileNobodyHoldsIt()
    {
        var gpu = Job(group: "gpu");
        await Queue.EnqueueAsync(gpu, null, Ct);
        var id = (await Queue.ListWaitingGroupJobsAsync(null, 0, 10, Ct)).Single().JobId;
        var fallback = new JobClaim("executor:fallback", null, null, Lease);

        var lease = await Queue.TryClaimJobAsync(id, fallback, Ct);

        Assert.Equal((gpu, "executor:fallback"), (lease?.Job, lease?.WorkerId));
        Assert.Null(await Queue.TryClaimJobAsync(id, fallback with { WorkerId = "executor-2:fallback" }, Ct));
        Assert.Null(await ClaimAsync("gpu-1", "gpu", Lease));
        Assert.Empty(await Queue.ListWaitingGroupJobsAsync(null, 0, 10, Ct));
        Assert.True(await Queue.CompleteAsync(lease!, Ct));
        Assert.Null(await Queue.TryClaimJobAsync(id, fallback, Ct));
    }

    [Fact]
    public async Task TryClaimJob_ReturnsNull_ForAJobOfAnotherOwnerScope()
    {
        await Queue.EnqueueAsync(Job(group: "gpu"), null, Ct);
        var id = (await Queue.ListWaitingGroupJobsAsync(null, 0, 10, Ct)).Single().JobId;

        Assert.Null(await Queue.TryClaimJobAsync(id, new JobClaim("x", null, "another-owner", Lease), Ct));
        Assert.NotNull(await Queue.TryClaimJobAsync(id, new JobClaim("x", null, null, Lease), Ct));
    }
}
