using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.CoreTasks;

/// <summary>Kestra's <c>execution.Resume</c>: a task resumes a paused execution, with the Pause's onResume inputs.</summary>
public sealed class ResumeTaskTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ABranchResumesThePauseOfAnotherBranch_WithTypedInputs()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: resume_task
            namespace: harrier.tests
            tasks:
              - id: branches
                type: io.kestra.plugin.core.flow.Parallel
                tasks:
                  - id: gate
                    type: io.kestra.plugin.core.flow.Pause
                    onResume:
                      - id: approved
                        type: BOOLEAN
                  - id: approver
                    type: io.kestra.plugin.core.flow.Sequential
                    tasks:
                      - id: wait_a_little
                        type: io.kestra.plugin.core.flow.Sleep
                        duration: PT0.3S
                      - id: approve
                        type: io.kestra.plugin.core.execution.Resume
                        inputs:
                          approved: "true"
              - id: after
                type: io.kestra.plugin.core.log.Log
                message: "approved: {{ outputs.gate.onResume.approved }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["approved: true"], run.Messages("after"));
    }

    [Fact]
    public void ResumingAnExecutionThatIsNotPaused_FailsTheTaskSayingSo()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: resume_nothing
            namespace: harrier.tests
            tasks:
              - id: approve
                type: io.kestra.plugin.core.execution.Resume
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Contains(run.Logs, l => l.TaskId == "approve" && l.Message.Contains("not PAUSED", StringComparison.Ordinal));
    }
}
