using Harrier.Cli.Tests.Flows;
using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.Running;

/// <summary>Ctrl-C on <c>harrier logs --follow</c> of a running execution: a clean exit, no exception text.</summary>
public sealed class LogsFollowInterruptTests
{
    [Fact]
    public async Task LogsFollow_InterruptedWithCtrlC_ExitsCleanlyWith130()
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
        follow.Signal(CliProcess.SigInt);
        var exitCode = await follow.ExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HarrierCli.InterruptedExitCode, exitCode);
        Assert.Equal("", follow.Error);
        run.Signal(CliProcess.SigInt);
        Assert.Equal(1, await run.ExitAsync(TimeSpan.FromSeconds(30)));
    }
}
