using Harrier.Core.Executions;
using Harrier.Core.Store;
using Xunit;

namespace Harrier.TestKit.Contracts;

/// <summary>
/// What every <see cref="IExecutionOwnership"/> must do: list what is unfinished, and hand an execution over with its
/// jobs and wake-up, once, freeing the leases of the old owner's workers.
/// </summary>
public abstract class ExecutionOwnershipContract : StoreContract
{
    [Fact]
    public async Task ListUnfinished_HoldsEveryExecutionNotEnded_WithItsOwner()
    {
        var running = await CreateExecutionAsync(owner: "host:1:2");
        var done = ContractData.Execution() with { State = State.Failed };
        await Store.CreateExecutionAsync(done, Ct);

        var unfinished = await Subject.Ownership.ListUnfinishedAsync(Ct);

        var only = Assert.Single(unfinished);
        Assert.Equal((running.Id, "host:1:2", State.Running), (only.Id, only.Owner, only.State));
    }

    [Fact]
    public async Task ARetriedExecutionWaitingForItsNextAttempt_IsUnfinished_AndAdoptable_UntilItsRetryTimeIsCleared()
    {
        var waiting = ContractData.Execution() with
        {
            State = State.Retried, Owner = "host:1:2", AttemptNumber = 2, OriginalId = "first", OriginalCreatedAt = ContractData.T0,
            RetryAt = ContractData.T0.AddMinutes(1),
        };
        var done = ContractData.Execution() with { State = State.Retried, Owner = "host:1:2" };
        await Store.CreateExecutionAsync(waiting, Ct);
        await Store.CreateExecutionAsync(done, Ct);

        var only = Assert.Single(await Subject.Ownership.ListUnfinishedAsync(Ct));
        Assert.Equal((waiting.Id, State.Retried), (only.Id, only.State));
        Assert.False(await Subject.Ownership.AdoptAsync(done.Id, "host:1:2", "host:5:6", Ct));
        Assert.True(await Subject.Ownership.AdoptAsync(waiting.Id, "host:1:2", "host:5:6", Ct));
        var stored = (await Store.GetExecutionAsync(waiting.Id, Ct))!;
        Assert.Equal(("host:5:6", 2, "first", ContractData.T0, ContractData.T0.AddMinutes(1)),
            (stored.Owner, stored.AttemptNumber, stored.OriginalId, stored.OriginalCreatedAt, stored.RetryAt));
    }

    [Fact]
    public async Task Adopt_MovesTheExecutionItsJobsAndItsWakeUp_AndFreesTheDeadWorkersLeases()
    {
        const string dead = "host:1:2";
        var (execution, taskRun, deadLease) = await ClaimedRunAsync(owner: dead);

        Assert.True(await Subject.Ownership.AdoptAsync(execution.Id, dead, "host:5:6", Ct));

        Assert.Equal("host:5:6", (await Store.GetExecutionAsync(execution.Id, Ct))!.Owner);
        Assert.Null(await ClaimJobAsync("w9", owner: dead));
        var job = await ClaimJobAsync("w9", owner: "host:5:6");
        Assert.Equal(taskRun.Id, job?.Job.TaskRunId);
        Assert.False(await Queue.RenewAsync(deadLease, Lease, Ct));
        Assert.Equal(execution.Id, (await Planning.TryClaimAsync("e9", "host:5:6", Lease, Ct))?.ExecutionId);
    }

    [Fact]
    public async Task Adopt_Fails_WhenTheOwnerIsNotTheExpectedOne_OrTheExecutionEnded()
    {
        var execution = await CreateExecutionAsync(owner: "host:1:2");
        var ended = ContractData.Execution() with { State = State.Success, Owner = "host:1:2" };
        await Store.CreateExecutionAsync(ended, Ct);

        Assert.True(await Subject.Ownership.AdoptAsync(execution.Id, "host:1:2", "host:5:6", Ct));
        Assert.False(await Subject.Ownership.AdoptAsync(execution.Id, "host:1:2", "host:7:8", Ct));
        Assert.False(await Subject.Ownership.AdoptAsync(ended.Id, "host:1:2", "host:7:8", Ct));
        Assert.Equal("host:5:6", (await Store.GetExecutionAsync(execution.Id, Ct))!.Owner);
    }

    [Fact]
    public async Task Adopt_IntoThePool_MakesTheExecutionAServersOne()
    {
        var execution = await CreateExecutionAsync(owner: "host:1:2");

        Assert.True(await Subject.Ownership.AdoptAsync(execution.Id, "host:1:2", null, Ct));

        Assert.Null((await Store.GetExecutionAsync(execution.Id, Ct))!.Owner);
        Assert.Equal(execution.Id, (await Planning.TryClaimAsync("e1", null, Lease, Ct))?.ExecutionId);
    }
}
