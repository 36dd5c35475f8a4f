using Harrier.Cli.Tests.Running;
using Harrier.Core.Engine;
using Harrier.Core.Executions;
using Harrier.Server.Hosting;

namespace Harrier.Cli.Tests.Durability;

/// <summary>
/// A graceful stop hands the jobs it held back at once: another engine on the same store runs the interrupted task again
/// right away, not after the lease (30 s) runs out; and an engine keeps nothing per finished execution.
/// </summary>
public sealed class GracefulStopTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Stop_HandsTheRunningJobBack_AndAnotherEngineRunsItAtOnce()
    {
        using var folder = new TempFolder();
        var marker = Path.Combine(folder.Path, "first-attempt");
        var data = Path.Combine(folder.Path, "data");
        var flow = HarrierHost.CreateFlowLoader().Load($$"""
            id: handback
            namespace: tests.stop
            tasks:
              - id: work
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - if [ -f {{marker}} ]; then echo "again"; else touch {{marker}}; sleep 60; fi
            """, "handback.yml").Flow!;
        var first = await HarrierHost.StartAsync(data, new EngineOptions(), CancellationToken.None);
        var execution = await first.Engine.SubmitAsync(flow, new Dictionary<string, object?>(), CancellationToken.None);
        using (var deadline = new CancellationTokenSource(Patience))
        {
            while (!File.Exists(marker))
            {
                await Task.Delay(20, deadline.Token);
            }
        }

        await first.DisposeAsync().AsTask().WaitAsync(Patience);
        var handedBackAt = DateTimeOffset.UtcNow;
        await using var second = await HarrierHost.StartAsync(data, new EngineOptions(), CancellationToken.None);
        var final = await second.Engine.WaitAsync(execution.Id, CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(State.Success, final.State);
        Assert.True(DateTimeOffset.UtcNow - handedBackAt < TimeSpan.FromSeconds(10), "the job waited for its lease to expire");
        var run = Assert.Single(await second.Store.Executions.GetTaskRunsAsync(execution.Id, CancellationToken.None));
        Assert.Equal([State.Killed, State.Success], run.Attempts.Select(a => a.State));
        var logs = await second.Store.Logs.ReadAsync(execution.Id, 0, 100, CancellationToken.None);
        Assert.Contains(logs, l => l.Message.Contains("Harrier stopped while this task ran", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FinishedExecutions_LeaveNoWaiterNorAttemptBehind()
    {
        using var folder = new TempFolder();
        await using var host = await HarrierHost.StartAsync(Path.Combine(folder.Path, "data"), new EngineOptions(), CancellationToken.None);
        var flow = HarrierHost.CreateFlowLoader().Load("""
            id: many
            namespace: tests.stop
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: hi
            """, "many.yml").Flow!;

        var executions = new List<Execution>();
        for (var i = 0; i < 50; i++)
        {
            executions.Add(await host.Engine.SubmitAsync(flow, new Dictionary<string, object?>(), CancellationToken.None));
        }

        foreach (var execution in executions)
        {
            Assert.Equal(State.Success, (await host.Engine.WaitAsync(execution.Id, CancellationToken.None).WaitAsync(Patience)).State);
        }

        Assert.Equal(0, host.Engine.PendingWaitCount);
        Assert.Equal(0, host.Engine.RunningAttemptCount);
    }
}
