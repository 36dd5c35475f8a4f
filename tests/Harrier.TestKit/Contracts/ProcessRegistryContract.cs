using Harrier.Core.Engine.Recovery;
using Harrier.Core.Store;
using Xunit;
using static Harrier.TestKit.Contracts.ContractData;

namespace Harrier.TestKit.Contracts;

/// <summary>What every <see cref="IProcessRegistry"/> must do: registered processes listed with their last heartbeat.</summary>
public abstract class ProcessRegistryContract : StoreContract
{
    [Fact]
    public async Task Register_Heartbeat_Unregister()
    {
        var registry = Subject.Processes;
        await registry.RegisterAsync(new ProcessRecord("host:1:2", "host", 1, "server", T0, T0), Ct);
        await registry.RegisterAsync(new ProcessRecord("host:3:4", "host", 3, "run", T0, T0), Ct);
        Time.Advance(TimeSpan.FromSeconds(10));

        await registry.HeartbeatAsync("host:1:2", Ct);

        var listed = await registry.ListAsync(Ct);
        Assert.Equal(["host:1:2", "host:3:4"], listed.Select(p => p.Id).Order());
        Assert.Equal(T0.AddSeconds(10), listed.Single(p => p.Id == "host:1:2").HeartbeatAt);
        Assert.Equal(T0, listed.Single(p => p.Id == "host:3:4").HeartbeatAt);
        Assert.Equal(("server", 1), (listed.Single(p => p.Id == "host:1:2").Kind, listed.Single(p => p.Id == "host:1:2").Pid));

        await registry.UnregisterAsync("host:1:2", Ct);
        Assert.Equal(["host:3:4"], (await registry.ListAsync(Ct)).Select(p => p.Id));
    }

    [Fact]
    public async Task Register_KeepsTheWorkerGroup_AndARegistrationAgainReplacesIt()
    {
        var registry = Subject.Processes;
        await registry.RegisterAsync(new ProcessRecord("host:5:6", "host", 5, "worker", T0, T0) { WorkerGroup = "gpu" }, Ct);
        await registry.RegisterAsync(new ProcessRecord("host:7:8", "host", 7, "worker", T0, T0), Ct);
        Assert.Equal([("host:5:6", "gpu"), ("host:7:8", null)], (await registry.ListAsync(Ct)).Select(p => (p.Id, p.WorkerGroup)).Order());

        await registry.RegisterAsync(new ProcessRecord("host:5:6", "host", 5, "worker", T0, T0) { WorkerGroup = "linux" }, Ct);

        Assert.Equal("linux", (await registry.ListAsync(Ct)).Single(p => p.Id == "host:5:6").WorkerGroup);
    }

    [Fact]
    public async Task Pruning_ForgetsProcessesDeadForADay_AndKeepsRecentlyDeadAndLiveOnes()
    {
        var registry = Subject.Processes;
        var lease = TimeSpan.FromSeconds(30);
        // Other machines' processes ("host" is not this one): liveness is their heartbeat.
        await registry.RegisterAsync(new ProcessRecord("host:11:1", "host", 11, "worker", T0, T0), Ct);
        Time.Advance(DeadProcessPruning.Retention);
        await registry.RegisterAsync(new ProcessRecord("host:12:1", "host", 12, "worker", T0, T0), Ct);
        Time.Advance(TimeSpan.FromMinutes(1));
        await registry.RegisterAsync(new ProcessRecord("host:13:1", "host", 13, "executor", T0, T0), Ct);

        Assert.Equal(1, await DeadProcessPruning.PruneAsync(registry, Time, lease, Ct));

        // Dead for a day and a minute: gone; dead for a minute: still listed (not alive); heartbeat now: alive.
        Assert.Equal(["host:12:1", "host:13:1"], (await registry.ListAsync(Ct)).Select(p => p.Id).Order());
        Assert.Equal(0, await DeadProcessPruning.PruneAsync(registry, Time, lease, Ct));
    }
}
