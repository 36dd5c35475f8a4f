using Harrier.Cli.Tests.Flows;
using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.Running;

/// <summary>
/// <c>harrier logs --follow</c> of an execution whose <c>harrier run</c> was killed (SIGKILL): nobody will write more
/// lines, so the follow ends and says how to finish the execution instead of waiting forever.
/// </summary>
public sealed class LogsFollowDeadOwnerTests
{
    [Fact]
    public async Task LogsFollow_OfAnExecutionWhoseProcessWasKilled_Ends_SayingItIsInterruptedAndHowToRecoverIt()
    {
        using var scratch = new ScratchDirectory();
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
        using var run = CliProcess.Start(scratch.Path, "run", "sleepy.yml", "--data-dir", data);
        Assert.True(await Eventually.TrueAsync(() => run.Output.Contains("sleeping now", StringComparison.Ordinal), TimeSpan.FromSeconds(60)), run.Output + run.Error);
        var id = CliRun.Of("executions", "list", "--data-dir", data).Output.Split(' ')[0];
        using var follow = CliProcess.Start(scratch.Path, "logs", id, "--follow", "--data-dir", data);
        Assert.True(await Eventually.TrueAsync(() => follow.Output.Contains("sleeping now", StringComparison.Ordinal), TimeSpan.FromSeconds(60)), follow.Output + follow.Error);

        run.Signal(9);
        await run.ExitAsync(TimeSpan.FromSeconds(30));
        var exitCode = await follow.ExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, exitCode);
        Assert.Contains($"execution {id} is interrupted: the process running it died", follow.Error, StringComparison.Ordinal);
        Assert.Contains($"harrier executions recover {id}", follow.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", follow.Error, StringComparison.Ordinal);
    }
}
