using Harrier.Server.Hosting;
using Harrier.Core.Engine;
using Harrier.Core.Executions;

namespace Harrier.Cli.Tests.Running;

/// <summary>Killing an execution through the engine API that Ctrl-C uses.</summary>
public sealed class StandaloneEngineKillTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Kill_OfARunningSleep_EndsKilledAtOnce_AndStartsNothingElse()
    {
        using var folder = new TempFolder();
        await using var host = await HarrierHost.StartAsync(folder.Path, new EngineOptions { WorkerSlots = 2 }, CancellationToken.None);
        var flow = HarrierHost.CreateFlowLoader().Load("""
            id: long
            namespace: company.team
            tasks:
              - id: started
                type: io.kestra.plugin.core.log.Log
                message: sleeping now
              - id: nap
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT1M
              - id: never
                type: io.kestra.plugin.core.log.Log
                message: never
            """, "long.yml").Flow!;
        var napStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Engine.Logs.Stored += entries =>
        {
            if (entries.Any(e => e.TaskId == "started"))
            {
                napStarted.TrySetResult();
            }
        };

        var execution = await host.Engine.SubmitAsync(flow, new Dictionary<string, object?>(), CancellationToken.None);
        await napStarted.Task.WaitAsync(Patience);
        var nap = await WaitForRunningAsync(host, execution.Id, "nap");
        await host.Engine.KillAsync(execution.Id, CancellationToken.None);
        var final = await host.Engine.WaitAsync(execution.Id, CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(State.Killed, final.State);
        var runs = await host.Store.Executions.GetTaskRunsAsync(execution.Id, CancellationToken.None);
        Assert.Equal(["started", "nap"], runs.Select(r => r.TaskId));
        Assert.Equal(State.Killed, runs.Single(r => r.Id == nap.Id).State);
        Assert.True(final.EndDate - nap.Attempts[^1].StartDate < TimeSpan.FromSeconds(30), "the sleep was not cut short");
    }

    [Fact]
    public async Task Kill_BeforeAnyTaskStarted_EndsKilled_WithoutRunningAnything_EvenWithFlowOutputsToRender()
    {
        using var folder = new TempFolder();
        await using var host = await HarrierHost.StartAsync(folder.Path, new EngineOptions { WorkerSlots = 2 }, CancellationToken.None);
        var flow = HarrierHost.CreateFlowLoader().Load("""
            id: long
            namespace: company.team
            tasks:
              - id: nap
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT1M
              - id: ret
                type: io.kestra.plugin.core.debug.Return
                format: x
            outputs:
              - id: result
                type: STRING
                value: "{{ outputs.ret.value }}"
            """, "long.yml").Flow!;

        var execution = await host.Engine.SubmitAsync(flow, new Dictionary<string, object?>(), CancellationToken.None);
        await host.Engine.KillAsync(execution.Id, CancellationToken.None);
        var final = await host.Engine.WaitAsync(execution.Id, CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(State.Killed, final.State);
        var runs = await host.Store.Executions.GetTaskRunsAsync(execution.Id, CancellationToken.None);
        Assert.All(runs, r => Assert.Equal(State.Killed, r.State));
    }

    [Fact]
    public async Task ManyKills_LandingInEarlyPlanningPasses_AllEndKilled()
    {
        using var folder = new TempFolder();
        await using var host = await HarrierHost.StartAsync(folder.Path, new EngineOptions { WorkerSlots = 2 }, CancellationToken.None);
        var flow = HarrierHost.CreateFlowLoader().Load("""
            id: chain
            namespace: company.team
            tasks:
              - {id: a, type: io.kestra.plugin.core.log.Log, message: a}
              - {id: b, type: io.kestra.plugin.core.log.Log, message: b}
              - {id: nap, type: io.kestra.plugin.core.flow.Sleep, duration: PT1M}
            """, "chain.yml").Flow!;

        // Each kill lands somewhere in the first planning passes (the executor writing RUNNING, a, b). The race this
        // guards against (a KILLING written beside a pass in flight, then overwritten by it) is closed by construction:
        // only the executor writes execution states. This run rarely hit it even before; it checks kills stay whole.
        var executions = new List<Execution>();
        for (var i = 0; i < 20; i++)
        {
            var execution = await host.Engine.SubmitAsync(flow, new Dictionary<string, object?>(), CancellationToken.None);
            await Task.Yield();
            await host.Engine.KillAsync(execution.Id, CancellationToken.None);
            executions.Add(execution);
        }

        foreach (var execution in executions)
        {
            var final = await host.Engine.WaitAsync(execution.Id, CancellationToken.None).WaitAsync(Patience);
            Assert.Equal(State.Killed, final.State);
        }
    }

    /// <summary>
    /// The nap's task run once a worker has marked it RUNNING. The engine publishes no "attempt started" event
    /// (only stored log lines, and Sleep logs nothing), so this awaits the condition by re-reading the store
    /// every few milliseconds until a deadline; the test's outcome does not depend on when it returns.
    /// </summary>
    private static async Task<TaskRun> WaitForRunningAsync(HarrierHost host, string executionId, string taskId)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (true)
        {
            var runs = await host.Store.Executions.GetTaskRunsAsync(executionId, deadline.Token);
            if (runs.FirstOrDefault(r => r.TaskId == taskId && r.State == State.Running) is { } run)
            {
                return run;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5), deadline.Token);
        }
    }
}
