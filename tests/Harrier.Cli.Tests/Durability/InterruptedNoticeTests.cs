using Harrier.Cli.Tests.Running;
using Harrier.Core.Engine.Coordination;
using Harrier.Core.Executions;
using Harrier.Persistence.Sqlite;
using Harrier.TestKit.Processes;

namespace Harrier.Cli.Tests.Durability;

/// <summary>
/// A <c>harrier run</c> on a data directory a killed run used: it stops what the dead run's tasks left running, says
/// which executions are interrupted and how to finish them, runs its own flow, and leaves the interrupted execution
/// alone (only <c>executions recover</c> or a server adopts it).
/// </summary>
public sealed class InterruptedNoticeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ANewRun_AfterKillNine_StopsTheLeftoverTask_TellsOfTheInterruptedExecution_AndLeavesItRunning()
    {
        using var folder = new TempFolder();
        var pidFile = Path.Combine(folder.Path, "sleep.pid");
        var sleepy = folder.File("sleepy.yml", $$"""
            id: sleepy
            namespace: tests.notice
            tasks:
              - id: nap
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - sh -c 'echo $$ > {{pidFile}}; exec sleep 300'
            """);
        var other = folder.File("other.yml", """
            id: other
            namespace: tests.notice
            tasks:
              - id: hello
                type: io.kestra.plugin.core.log.Log
                message: hello from the second run
            """);
        var data = Path.Combine(folder.Path, "data");
        using var first = HarrierProcess.Start(folder.Path, "run", sleepy, "--data-dir", data);
        await WaitForPidAsync(pidFile);
        var sleeper = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var interruptedId = (await StoreSnapshot.ReadAsync(data)).Execution!.Id;
        first.KillHard();

        var (exit, output) = await HarrierProcess.RunAsync(folder.Path, Patience, "run", other, "--data-dir", data);

        Assert.True(exit == 0, output);
        Assert.Contains("hello from the second run", output, StringComparison.Ordinal);
        Assert.Contains($"1 interrupted execution(s) in {data}", output, StringComparison.Ordinal);
        Assert.Contains(interruptedId, output, StringComparison.Ordinal);
        Assert.Contains("harrier executions recover", output, StringComparison.Ordinal);
        // The sweep of this run stopped the leftover sleep, or that of a Harrier process another test started meanwhile
        // (every Harrier process sweeps the whole machine at start): either way it no longer runs.
        Assert.Null(ProcessIdentity.Of(sleeper));
        await using var store = await SqliteStore.OpenAsync(data, TimeProvider.System, CancellationToken.None);
        Assert.Equal(State.Running, (await store.Executions.GetExecutionAsync(interruptedId, CancellationToken.None))!.State);
    }

    private static async Task WaitForPidAsync(string path)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (!File.Exists(path) || !File.ReadAllText(path).EndsWith('\n'))
        {
            await Task.Delay(20, deadline.Token);
        }
    }
}
