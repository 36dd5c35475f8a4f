using Harrier.Cli.Tests.Flows;
using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.Running;

/// <summary>
/// <c>harrier logs --follow</c> of a running execution, interrupted from either side: Ctrl-C on the follow is a clean
/// exit with no exception text; the death of the process running the execution (SIGKILL) ends the follow with the way
/// to finish it, since nobody will write more lines.
/// </summary>
public sealed class LogsFollowInterruptTests
{
    [Fact]
    public async Task LogsFollow_InterruptedWithCtrlC_ExitsCleanlyWith130()
    {
        using var scratch = new ScratchDirectory();
        var (run, follow, _) = await FollowASleepingRunAsync(scratch);
        using (run)
        using (follow)
        {
            follow.Signal(CliProcess.SigInt);
            var exitCode = await follow.ExitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(HarrierCli.InterruptedExitCode, exitCode);
            Assert.Equal("", follow.Error);
            run.Signal(CliProcess.SigInt);
            Assert.Equal(1, await run.ExitAsync(TimeSpan.FromSeconds(30)));
        }
    }

    [Fact]
    public async Task LogsFollow_OfAnExecutionWhoseProcessWasKilled_Ends_SayingItIsInterruptedAndHowToRecoverIt()
    {
        using var scratch = new ScratchDirectory();
        var (run, follow, id) = await FollowASleepingRunAsync(scratch);
        using (run)
        using (follow)
        {
            run.Signal(9);
            await run.ExitAsync(TimeSpan.FromSeconds(30));
            var exitCode = await follow.ExitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(1, exitCode);
            Assert.Contains($"execution {id} is interrupted: the process running it died", follow.Error, StringComparison.Ordinal);
            Assert.Contains($"harrier executions recover {id}", follow.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", follow.Error, StringComparison.Ordinal);
        }
    }

    /// <summary>A <c>harrier run</c> asleep in its second task, and a <c>logs --follow</c> of it that printed the first task's line.</summary>
    private static async Task<(CliProcess Run, CliProcess Follow, string ExecutionId)> FollowASleepingRunAsync(ScratchDirectory scratch)
    {
        var data = scratch.Combine("data");
        File.WriteAllText(scratch.Combine("sleepy.yml"), """
            id: sleepy
            namespace: company.team
            tasks:
              - id: started
                type: io.kestra.plugin.core.log.Log
                message: sleeping now
              - id: nap
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT2M
            """);
        var run = CliProcess.Start(scratch.Path, "run", "sleepy.yml", "--data-dir", data);
        CliProcess? follow = null;
        try
        {
            Assert.True(await Eventually.TrueAsync(() => run.Output.Contains("sleeping now", StringComparison.Ordinal), TimeSpan.FromSeconds(60)), run.Output + run.Error);
            var id = CliRun.Of("executions", "list", "--data-dir", data).Output.Split(' ')[0];
            follow = CliProcess.Start(scratch.Path, "logs", id, "--follow", "--data-dir", data);
            Assert.True(await Eventually.TrueAsync(() => follow.Output.Contains("sleeping now", StringComparison.Ordinal), TimeSpan.FromSeconds(60)), follow.Output + follow.Error);
            return (run, follow, id);
        }
        catch
        {
            // Nothing outlives a failed setup: the callers dispose only what they were given.
            follow?.Dispose();
            run.Dispose();
            throw;
        }
    }
}
