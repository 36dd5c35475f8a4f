using Harrier.Cli.Tests.Running;
using Harrier.Core.Engine.Coordination;
using Harrier.TestKit.Processes;

namespace Harrier.Cli.Tests.Durability;

/// <summary>
/// A kill is a stored request: <c>harrier executions kill</c> in one process stops a task that another
/// <c>harrier run</c> is running, within a bounded time, process tree included.
/// </summary>
public sealed class StoredKillTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Kill_FromAnotherProcess_StopsTheRunningTask_AndTheRunEndsKilled()
    {
        using var folder = new TempFolder();
        var pidFile = Path.Combine(folder.Path, "sleep.pid");
        var flow = folder.File("sleepy.yml", $$"""
            id: sleepy
            namespace: tests.kill
            tasks:
              - id: nap
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - echo $$ > {{pidFile}}; sleep 60
              - id: never
                type: io.kestra.plugin.core.log.Log
                message: never
            """);
        var data = Path.Combine(folder.Path, "data");
        using var run = HarrierProcess.Start(folder.Path, "run", flow, "--data-dir", data);
        await WaitForFileAsync(pidFile);
        var sleeper = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var executionId = (await StoreSnapshot.ReadAsync(data)).Execution!.Id;
        var asked = DateTimeOffset.UtcNow;

        var (killExit, killOutput) = await HarrierProcess.RunAsync(folder.Path, Patience, "executions", "kill", executionId, "--data-dir", data);
        var runExit = await run.WaitForExitAsync(Patience);

        Assert.True(killExit == 0, killOutput);
        Assert.Equal(1, runExit);
        Assert.True(DateTimeOffset.UtcNow - asked < TimeSpan.FromSeconds(10), "the kill took longer than 10 s to end the run");
        Assert.Contains("KILLED", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("never", run.Output.Replace("- id: never", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Null(ProcessIdentity.Of(sleeper));
        var (again, againOutput) = await HarrierProcess.RunAsync(folder.Path, Patience, "executions", "kill", executionId, "--data-dir", data);
        Assert.Equal(1, again);
        Assert.Contains("already ended", againOutput, StringComparison.Ordinal);
    }

    private static async Task WaitForFileAsync(string path)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            await Task.Delay(20, deadline.Token);
        }
    }
}
