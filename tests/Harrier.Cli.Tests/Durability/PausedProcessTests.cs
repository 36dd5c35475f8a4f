using Harrier.Cli.Tests.Running;
using Harrier.TestKit.Processes;

namespace Harrier.Cli.Tests.Durability;

/// <summary>
/// A <c>harrier run</c> frozen mid-task (SIGSTOP, a debugger) is alive, not interrupted: recovery leaves its execution
/// alone, so the task never runs twice, and the run finishes once it is resumed.
/// </summary>
public sealed class PausedProcessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Recover_LeavesAPausedRunAlone_AndTheTaskRunsOnce()
    {
        using var folder = new TempFolder();
        var marks = Path.Combine(folder.Path, "marks");
        var flow = folder.File("paused.yml", $$"""
            id: paused
            namespace: tests.pause
            tasks:
              - id: once
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - echo once >> {{marks}}; sleep 1
            """);
        var data = Path.Combine(folder.Path, "data");
        using var run = HarrierProcess.Start(folder.Path, "run", flow, "--data-dir", data);
        using (var deadline = new CancellationTokenSource(Patience))
        {
            while (!File.Exists(marks))
            {
                await Task.Delay(20, deadline.Token);
            }
        }

        run.Pause();
        var executionId = (await StoreSnapshot.ReadAsync(data)).Execution!.Id;
        var (all, allOutput) = await HarrierProcess.RunAsync(folder.Path, Patience, "executions", "recover", "--data-dir", data);
        var (named, namedOutput) = await HarrierProcess.RunAsync(folder.Path, Patience, "executions", "recover", executionId, "--data-dir", data);
        run.Resume();
        var runExit = await run.WaitForExitAsync(Patience);

        Assert.Equal(0, all);
        Assert.Contains("nothing to recover", allOutput, StringComparison.Ordinal);
        Assert.Equal(2, named);
        Assert.Contains("the process running it is alive", namedOutput, StringComparison.Ordinal);
        Assert.True(runExit == 0, run.Output);
        Assert.Equal(["once"], await File.ReadAllLinesAsync(marks));
    }
}
