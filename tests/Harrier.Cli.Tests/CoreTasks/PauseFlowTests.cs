using System.Text.RegularExpressions;
using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.CoreTasks;

/// <summary>Kestra's <c>flow.Pause</c> on the command line: delays, timeouts, and a pause that waits for a resume.</summary>
public sealed partial class PauseFlowTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ADelay_HoldsTheExecution_ThenItGoesOnByItself()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: pause_delay
            namespace: harrier.tests
            tasks:
              - id: hold
                type: io.kestra.plugin.core.flow.Pause
                delay: PT0.5S
              - id: after
                type: io.kestra.plugin.core.log.Log
                message: after the pause
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        var pause = run.Run("hold");
        var after = run.Run("after");
        var paused = after.GetProperty("attempts")[0].GetProperty("startDate").GetDateTimeOffset() - pause.GetProperty("attempts")[0].GetProperty("startDate").GetDateTimeOffset();
        Assert.True(paused >= TimeSpan.FromSeconds(0.5), $"the next task started {paused} after the pause");
    }

    [Fact]
    public void ATimeout_FailsTheExecution_WhenNobodyResumes()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: pause_timeout
            namespace: harrier.tests
            tasks:
              - id: hold
                type: io.kestra.plugin.core.flow.Pause
                timeout: PT0.3S
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Contains(run.Logs, l => l.TaskId == "hold" && l.Level == "WARN" && l.Message.Contains("timed out", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APauseWithoutDelay_MakesRunAndRecoverExit3WithTheResumeCommand_AndResumeRunsItToItsEndWithTheInputs()
    {
        File.WriteAllText(_dir.Combine("approve.yml"), """
            id: approve
            namespace: harrier.tests
            tasks:
              - id: gate
                type: io.kestra.plugin.core.flow.Pause
                onResume:
                  - id: approved
                    type: BOOLEAN
              - id: after
                type: io.kestra.plugin.core.log.Log
                message: "approved: {{ outputs.gate.onResume.approved }}"
            """);
        var data = _dir.Combine("data");

        using var run = CliProcess.Start(_dir.Path, "run", "approve.yml", "--data-dir", data);
        Assert.Equal(3, await run.ExitAsync(Patience));
        var id = ResumeCommand().Match(run.Error).Groups[1].Value;
        Assert.True(id.Length > 0, run.Error);

        // 'recover' adopts the paused execution of the exited run but does not wait for ever: it leaves it PAUSED, exit 3.
        using var recover = CliProcess.Start(_dir.Path, "executions", "recover", "--data-dir", data);
        Assert.Equal(3, await recover.ExitAsync(Patience));
        Assert.Contains($"harrier executions resume {id}", recover.Error, StringComparison.Ordinal);

        using var invalid = CliProcess.Start(_dir.Path, "executions", "resume", id, "--data-dir", data, "--input", "approved=perhaps");
        Assert.Equal(2, await invalid.ExitAsync(Patience));
        Assert.Contains("'perhaps' is not true or false", invalid.Error, StringComparison.Ordinal);

        using var resume = CliProcess.Start(_dir.Path, "executions", "resume", id, "--data-dir", data, "--input", "approved=true");
        Assert.True(await resume.ExitAsync(Patience) == 0, resume.Output + resume.Error);
        Assert.Contains("approved: true", resume.Output, StringComparison.Ordinal);
        Assert.Contains($"Execution {id} SUCCESS", resume.Output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"harrier executions resume (\S+) --data-dir")]
    private static partial Regex ResumeCommand();
}
