using Harrier.Core.Engine.Coordination;
using Harrier.Core.Engine.Recovery;

namespace Harrier.Core.Tests.Engine.Recovery;

/// <summary>Which worker marks the leftover sweeps treat as dead: only processes of this machine that are gone.</summary>
public sealed class DeadWorkerMarkTests
{
    [Fact]
    public void AMarkOfThisProcess_IsAlive() => Assert.False(LeftoverSweeper.IsDeadWorker(ProcessIdentity.Current.ToString()));

    [Fact]
    public void AMarkOfThisHost_WhosePidRunsWithAnotherStartTime_IsDead() =>
        Assert.True(LeftoverSweeper.IsDeadWorker(new ProcessIdentity(ProcessIdentity.HostName, Environment.ProcessId, ProcessIdentity.Current.StartTicks + 1).ToString()));

    [Fact]
    public void AMarkOfAnotherHost_OrNoMarkAtAll_IsNotDeadHere()
    {
        Assert.False(LeftoverSweeper.IsDeadWorker(new ProcessIdentity("elsewhere.invalid", 4242, 1).ToString()));
        Assert.False(LeftoverSweeper.IsDeadWorker("not a worker mark"));
    }
}
