using Harrier.Cli.Running;

namespace Harrier.Cli.Tests.Running;

/// <summary>Ctrl-C: System.CommandLine cancels the run's token; the execution is killed, not abandoned.</summary>
public sealed class FlowRunnerInterruptTests
{
    [Fact]
    public async Task Cancelling_KillsTheExecution_AndExits1WithKilled()
    {
        using var folder = new TempFolder();
        var flow = folder.File("long.yml", """
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
            """);
        using var interrupt = new CancellationTokenSource();
        using var output = new SignallingWriter("sleeping now", interrupt.Cancel);
        using var error = new StringWriter();
        var request = new RunRequest { FlowFile = flow, DataDirectory = Path.Combine(folder.Path, "data") };

        var exitCode = await new FlowRunner(output, error).RunAsync(request, interrupt.Token).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(1, exitCode);
        var text = output.ToString();
        Assert.Contains(" KILLED in ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("never", text, StringComparison.Ordinal);
    }
}
