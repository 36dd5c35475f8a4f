using Harrier.Core.Engine.Coordination;
using Harrier.Core.Queue;
using Xunit;

namespace Harrier.TestKit.Contracts;

/// <summary>
/// What every <see cref="IEngineNudges"/> must do — and no more: nudges wake waiters sooner, but none is ever the only
/// record of work (the durable seams are), so the suite checks promptness and the hand-off, never durability.
/// </summary>
public abstract class EngineNudgesContract
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    protected abstract IEngineNudges Create();

    [Fact]
    public async Task AJobsNudge_WakesAWaitingSlot_AndOneGivenBeforeTheWaitIsKept()
    {
        var nudges = Create();
        var waiting = nudges.WaitForJobsAsync(Patience, CancellationToken.None);
        nudges.JobsAvailable();
        Assert.True(await waiting.WaitAsync(Patience));

        nudges.JobsAvailable();
        Assert.True(await nudges.WaitForJobsAsync(Patience, CancellationToken.None).WaitAsync(Patience));
    }

    [Fact]
    public async Task AWait_WithoutANudge_EndsFalse_AtItsTimeout() =>
        Assert.False(await Create().WaitForExecutionsAsync(TimeSpan.FromMilliseconds(20), CancellationToken.None).WaitAsync(Patience));

    [Fact]
    public async Task AHandedOffLease_WakesAnExecutorSlot_AndIsTakenOnce()
    {
        var nudges = Create();
        var lease = new PlanningLease("ex", "local", 3, 1, DateTimeOffset.UtcNow);
        var waiting = nudges.WaitForExecutionsAsync(Patience, CancellationToken.None);

        nudges.HandOff(lease);

        Assert.True(await waiting.WaitAsync(Patience));
        Assert.True(nudges.TryTakeHandOff(out var taken));
        Assert.Equal(lease, taken);
        Assert.False(nudges.TryTakeHandOff(out _));
    }

    [Fact]
    public async Task ADelayedHandOff_IsNotTakenBeforeItsDelay_ThenWakesASlot()
    {
        var nudges = Create();
        var lease = new PlanningLease("ex", "local", 3, 1, DateTimeOffset.UtcNow);

        nudges.HandOff(lease, TimeSpan.FromMilliseconds(300));

        Assert.False(nudges.TryTakeHandOff(out _));
        Assert.True(await nudges.WaitForExecutionsAsync(Patience, CancellationToken.None).WaitAsync(Patience));
        Assert.True(nudges.TryTakeHandOff(out var taken));
        Assert.Equal(lease, taken);
    }

    [Fact]
    public async Task TakeAllHandOffs_GivesDelayedLeasesToo_AndNoneIsTakenAgainAfterItsDelay()
    {
        var nudges = Create();
        var ready = new PlanningLease("a", "local", 1, 1, DateTimeOffset.UtcNow);
        var delayed = new PlanningLease("b", "local", 1, 1, DateTimeOffset.UtcNow);
        nudges.HandOff(ready);
        nudges.HandOff(delayed, TimeSpan.FromMilliseconds(50));

        Assert.Equal([ready, delayed], nudges.TakeAllHandOffs());

        await Task.Delay(200);
        Assert.False(nudges.TryTakeHandOff(out _));
    }

    [Fact]
    public void EndsAndKills_ReachTheirSubscribers()
    {
        var nudges = Create();
        var (ended, killed) = (new List<string>(), new List<string>());
        nudges.Ended += ended.Add;
        nudges.Killed += killed.Add;

        nudges.ExecutionEnded("a");
        nudges.KillRequested("b");

        Assert.Equal(["a"], ended);
        Assert.Equal(["b"], killed);
    }
}
