using Harrier.Core.Executions;
using Harrier.Core.Store;
using Xunit;

namespace Harrier.TestKit.Contracts;

/// <summary>What every <see cref="IKillRequests"/> must do: a stored request, said once, that wakes the execution's executor.</summary>
public abstract class KillRequestsContract : StoreContract
{
    [Fact]
    public async Task RequestKill_StoresTheRequest_AndWakesTheExecution()
    {
        var execution = await CreateExecutionAsync(owner: "host:1:2");
        await DrainWakeupsAsync("host:1:2");

        Assert.Equal(KillRequestOutcome.Requested, await Subject.Kills.RequestKillAsync(execution.Id, Ct));

        Assert.Equal(ContractData.T0, (await Store.GetExecutionAsync(execution.Id, Ct))!.KillRequestedAt);
        Assert.Equal(execution.Id, (await Planning.TryClaimAsync("e1", "host:1:2", Lease, Ct))?.ExecutionId);
    }

    [Fact]
    public async Task RequestKill_SaysWhenItWasAlreadyAsked_Finished_OrUnknown()
    {
        var running = await CreateExecutionAsync();
        var finished = ContractData.Execution() with { State = State.Success };
        await Store.CreateExecutionAsync(finished, Ct);
        await Subject.Kills.RequestKillAsync(running.Id, Ct);

        Assert.Equal(KillRequestOutcome.AlreadyRequested, await Subject.Kills.RequestKillAsync(running.Id, Ct));
        Assert.Equal(KillRequestOutcome.AlreadyFinished, await Subject.Kills.RequestKillAsync(finished.Id, Ct));
        Assert.Equal(KillRequestOutcome.NotFound, await Subject.Kills.RequestKillAsync("no-such-execution", Ct));
        Assert.Null((await Store.GetExecutionAsync(finished.Id, Ct))!.KillRequestedAt);
    }

    [Fact]
    public async Task RequestKill_OfARetriedExecutionWaitingForItsNextAttempt_IsStored_AndWakesIt()
    {
        var waiting = ContractData.Execution() with { State = State.Retried, Owner = "host:1:2", RetryAt = ContractData.T0.AddHours(1) };
        var retried = ContractData.Execution() with { State = State.Retried };
        await Store.CreateExecutionAsync(waiting, Ct);
        await Store.CreateExecutionAsync(retried, Ct);
        await DrainWakeupsAsync("host:1:2");

        Assert.Equal(KillRequestOutcome.Requested, await Subject.Kills.RequestKillAsync(waiting.Id, Ct));
        Assert.Equal(KillRequestOutcome.AlreadyFinished, await Subject.Kills.RequestKillAsync(retried.Id, Ct));

        Assert.Equal(ContractData.T0, (await Store.GetExecutionAsync(waiting.Id, Ct))!.KillRequestedAt);
        Assert.Equal(waiting.Id, (await Planning.TryClaimAsync("e1", "host:1:2", Lease, Ct))?.ExecutionId);
    }

    [Fact]
    public async Task FindKillRequested_ReturnsThoseAmongTheGivenExecutions()
    {
        var killed = await CreateExecutionAsync();
        var alive = await CreateExecutionAsync();
        await Subject.Kills.RequestKillAsync(killed.Id, Ct);

        Assert.Equal([killed.Id], await Subject.Kills.FindKillRequestedAsync([killed.Id, alive.Id, "no-such-execution"], Ct));
        Assert.Empty(await Subject.Kills.FindKillRequestedAsync([], Ct));
    }
}
