using System.Diagnostics;
using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.WorkingDirectory;

/// <summary>WorkingDirectory end to end (spec §9, §12.5 #46 without storage): one directory, child task runs, failures, retries, kill, timeouts.</summary>
public sealed class WorkingDirectoryFlowTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Children_ShareTheDirectory_EachHasATaskRunUnderTheGroup_AndADisabledChildHasNone()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: wd_share
            namespace: harrier.tests
            tasks:
              - id: wd
                type: io.kestra.plugin.core.flow.WorkingDirectory
                tasks:
                  - id: write
                    type: io.kestra.plugin.scripts.shell.Commands
                    commands:
                      - mkdir -p out && echo stay > out/stay.txt
                  - id: off
                    type: io.kestra.plugin.core.log.Log
                    disabled: true
                    message: never
                  - id: read
                    type: io.kestra.plugin.scripts.shell.Commands
                    commands:
                      - cat out/stay.txt
                  - id: log
                    type: io.kestra.plugin.core.log.Log
                    message: done
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal("SUCCESS", run.State);
        Assert.Equal(4, run.TaskRuns.Count);
        Assert.Empty(run.RunsOf("off"));
        var wd = run.Run("wd").GetProperty("id").GetString();
        Assert.All(["write", "read", "log"], id => Assert.Equal(wd, run.Run(id).GetProperty("parentTaskRunId").GetString()));
        Assert.Equal(["stay"], run.Messages("read"));
    }

    [Fact]
    public void ChildrenOfAWorkingDirectoryInAForEach_SeeItAsWorkerTaskrun_AndTakeItsValue_AsInKestra()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: wd_worker_taskrun
            namespace: harrier.tests
            tasks:
              - id: each
                type: io.kestra.plugin.core.flow.ForEach
                values: ["a", "b"]
                tasks:
                  - id: wd
                    type: io.kestra.plugin.core.flow.WorkingDirectory
                    tasks:
                      - id: show
                        type: io.kestra.plugin.core.log.Log
                        message: "{{ workerTaskrun.value }}|{{ taskrun.value }}|{{ workerTaskrun.id == parent.taskrun.id }}"
              - id: outside
                type: io.kestra.plugin.core.log.Log
                message: "{{ workerTaskrun ?? 'none' }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["a|a|true", "b|b|true"], run.Messages("show").Order());
        Assert.Equal(["none"], run.Messages("outside"));
    }

    [Fact]
    public void FailedChild_StopsTheRest_FailsTheGroup_AndRunsItsErrorsOnce()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: wd_fail
            namespace: harrier.tests
            tasks:
              - id: wd
                type: io.kestra.plugin.core.flow.WorkingDirectory
                tasks:
                  - id: first
                    type: io.kestra.plugin.scripts.shell.Commands
                    commands:
                      - exit 3
                  - id: second
                    type: io.kestra.plugin.core.log.Log
                    message: never
                errors:
                  - id: handler
                    type: io.kestra.plugin.core.log.Log
                    message: handled
              - id: after
                type: io.kestra.plugin.core.log.Log
                message: never
            """);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("FAILED", run.State);
        Assert.Equal(3, run.TaskRuns.Count);
        Assert.Equal(("FAILED", "FAILED", "SUCCESS"), (run.StateOf("wd"), run.StateOf("first"), run.StateOf("handler")));
        Assert.Empty(run.RunsOf("second"));
        Assert.Empty(run.RunsOf("after"));
        Assert.Equal(["handled"], run.Messages("handler"));
    }

    [Fact]
    public void OutputsOfEarlierChildren_AreVisibleToLaterOnes_AndAfterTheGroup()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: wd_outputs
            namespace: harrier.tests
            tasks:
              - id: wd
                type: io.kestra.plugin.core.flow.WorkingDirectory
                tasks:
                  - id: produce
                    type: io.kestra.plugin.scripts.shell.Commands
                    commands:
                      - echo '::{"outputs":{"x":"forty-two"}}::'
                  - id: consume
                    type: io.kestra.plugin.scripts.shell.Commands
                    commands:
                      - echo "got {{ outputs.produce.vars.x }}"
              - id: after
                type: io.kestra.plugin.core.log.Log
                message: "after {{ outputs.produce.vars.x }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["got forty-two"], run.Messages("consume"));
        Assert.Equal(["after forty-two"], run.Messages("after"));
    }

    [Fact]
    public void InputFiles_AreWrittenBeforeTheFirstChild()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: wd_inputs
            namespace: harrier.tests
            tasks:
              - id: wd
                type: io.kestra.plugin.core.flow.WorkingDirectory
                inputFiles:
                  input.txt: Hello World
                tasks:
                  - id: read
                    type: io.kestra.plugin.scripts.shell.Commands
                    commands:
                      - cat input.txt
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["Hello World"], run.Messages("read"));
    }

    [Fact]
    public void AllowFailureChild_LetsTheNextChildRun_AndTheGroupEndsInWarning()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: wd_allow
            namespace: harrier.tests
            tasks:
              - id: wd
                type: io.kestra.plugin.core.flow.WorkingDirectory
                tasks:
                  - id: shaky
                    type: io.kestra.plugin.scripts.shell.Commands
                    allowFailure: true
                    commands:
                      - exit 1
                  - id: next
                    type: io.kestra.plugin.core.log.Log
                    message: still here
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal("WARNING", run.State);
        Assert.Equal(("WARNING", "SUCCESS", "WARNING"), (run.StateOf("shaky"), run.StateOf("next"), run.StateOf("wd")));
    }

    [Fact]
    public void RetriedChild_RunsAgainInTheSameDirectory_AndSucceeds()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: wd_retry
            namespace: harrier.tests
            tasks:
              - id: wd
                type: io.kestra.plugin.core.flow.WorkingDirectory
                tasks:
                  - id: flaky
                    type: io.kestra.plugin.scripts.shell.Commands
                    retry:
                      type: constant
                      interval: PT0.1S
                      maxAttempts: 3
                    commands:
                      - echo x >> attempts.txt
                      - test $(wc -l < attempts.txt) -ge 2
                  - id: count
                    type: io.kestra.plugin.scripts.shell.Commands
                    commands:
                      - wc -l < attempts.txt
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal("SUCCESS", run.StateOf("flaky"));
        Assert.Equal(2, run.Run("flaky").GetProperty("attempts").GetArrayLength());
        Assert.Equal(["2"], run.Messages("count"));
    }

    [Fact]
    public void ChildTimeout_FailsTheChild_TheGroup_AndRunsTheErrors()
    {
        var clock = Stopwatch.StartNew();
        var run = FlowRun.Of(_dir.Path, """
            id: wd_child_timeout
            namespace: harrier.tests
            tasks:
              - id: wd
                type: io.kestra.plugin.core.flow.WorkingDirectory
                tasks:
                  - id: slow
                    type: io.kestra.plugin.scripts.shell.Commands
                    timeout: PT1S
                    commands:
                      - sleep 60
                  - id: never
                    type: io.kestra.plugin.core.log.Log
                    message: never
                errors:
                  - id: handler
                    type: io.kestra.plugin.core.log.Log
                    message: handled
            """);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Equal("FAILED", run.State);
        Assert.Equal(("FAILED", "FAILED", "SUCCESS"), (run.StateOf("slow"), run.StateOf("wd"), run.StateOf("handler")));
        Assert.Contains("Timeout after 00:00:01.000", run.Messages("slow"));
        Assert.Empty(run.RunsOf("never"));
    }

    [Fact]
    public void GroupTimeout_EndsTheRunningChild_SoNoTaskRunStaysRunning()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: wd_group_timeout
            namespace: harrier.tests
            tasks:
              - id: wd
                type: io.kestra.plugin.core.flow.WorkingDirectory
                timeout: PT1S
                tasks:
                  - id: slow
                    type: io.kestra.plugin.scripts.shell.Commands
                    commands:
                      - sleep 60
                errors:
                  - id: handler
                    type: io.kestra.plugin.core.log.Log
                    message: handled
            """);

        Assert.True(run.State == "FAILED", run.Describe);
        Assert.Equal("FAILED", run.StateOf("wd"));
        Assert.Contains("Timeout after 00:00:01.000", run.Messages("wd"));
        Assert.True(run.StateOf("slow") is "FAILED" or "KILLED", run.Describe);
        Assert.Equal("SUCCESS", run.StateOf("handler"));
    }

    [Fact]
    public async Task KillingTheExecution_WhileAChildSleeps_EndsKilledQuickly()
    {
        var marker = Path.Combine(_dir.Path, "started");
        using var kill = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var running = FlowRun.OfAsync(_dir.Combine("flow"), $$"""
            id: wd_kill
            namespace: harrier.tests
            tasks:
              - id: wd
                type: io.kestra.plugin.core.flow.WorkingDirectory
                tasks:
                  - id: sleeper
                    type: io.kestra.plugin.scripts.shell.Commands
                    commands:
                      - touch '{{marker}}' && sleep 60
                  - id: never
                    type: io.kestra.plugin.core.log.Log
                    message: never
            """, kill.Token);
        Assert.True(await Eventually.TrueAsync(() => File.Exists(marker) || running.IsCompleted, TimeSpan.FromSeconds(30)), "the child never started");
        await kill.CancelAsync();
        var run = await running.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(40), $"took {clock.Elapsed}");
        Assert.Equal("KILLED", run.State);
        Assert.Equal(("KILLED", "KILLED"), (run.StateOf("wd"), run.StateOf("sleeper")));
        Assert.Empty(run.RunsOf("never"));
    }

    [Fact]
    public async Task KillingTheExecution_WhileAChildWaitsForItsRetry_EndsKilled_WithNoChildLeftRetrying()
    {
        var marker = Path.Combine(_dir.Path, "failed-once");
        using var kill = new CancellationTokenSource();
        var running = FlowRun.OfAsync(_dir.Combine("flow"), $$"""
            id: wd_kill_retry
            namespace: harrier.tests
            tasks:
              - id: wd
                type: io.kestra.plugin.core.flow.WorkingDirectory
                tasks:
                  - id: flaky
                    type: io.kestra.plugin.scripts.shell.Commands
                    retry:
                      type: constant
                      interval: PT60S
                      maxAttempts: 3
                    commands:
                      - touch '{{marker}}' && exit 1
            """, kill.Token);
        Assert.True(await Eventually.TrueAsync(() => File.Exists(marker) || running.IsCompleted, TimeSpan.FromSeconds(30)), "the child never ran");
        await kill.CancelAsync();
        var run = await running.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("KILLED", run.State);
        Assert.Equal(("KILLED", "KILLED"), (run.StateOf("wd"), run.StateOf("flaky")));
    }

    [Fact]
    public void ParallelChild_IsRefusedWithKestrasMessage()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: wd_parallel
            namespace: harrier.tests
            tasks:
              - id: wd
                type: io.kestra.plugin.core.flow.WorkingDirectory
                tasks:
                  - id: par
                    type: io.kestra.plugin.core.flow.Parallel
                    tasks:
                      - id: a
                        type: io.kestra.plugin.core.log.Log
                        message: a
            """);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Only runnable tasks are allowed as children of a WorkingDirectory task", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkerGroupOnAChild_IsRefusedWithKestrasMessage()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: wd_worker_group
            namespace: harrier.tests
            tasks:
              - id: wd
                type: io.kestra.plugin.core.flow.WorkingDirectory
                tasks:
                  - id: child
                    type: io.kestra.plugin.core.log.Log
                    message: a
                    workerGroup:
                      key: gpu
            """);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Cannot set a Worker Group in any WorkingDirectory sub-tasks, it is only supported at the WorkingDirectory level", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyTasks_IsRefused()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: wd_empty
            namespace: harrier.tests
            tasks:
              - id: wd
                type: io.kestra.plugin.core.flow.WorkingDirectory
                tasks: []
            """);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("The 'tasks' property cannot be empty", run.Error, StringComparison.Ordinal);
    }
}
