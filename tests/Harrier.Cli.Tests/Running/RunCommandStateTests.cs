namespace Harrier.Cli.Tests.Running;

/// <summary><c>harrier run</c> end to end: task and execution states, and the exit code they give.</summary>
public sealed class RunCommandStateTests
{
    [Fact]
    public void Run_Exits0WithSuccess_WhenEveryTaskSucceeds()
    {
        using var runs = new FlowRuns();

        var result = runs.Run("""
            id: hello
            namespace: company.team
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: [first line, second line]
                level: WARN
              - id: ret
                type: io.kestra.plugin.core.debug.Return
                format: "{{ 6 * 7 }}"
              - id: nap
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT0.01S
            """);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("SUCCESS", result.State);
        Assert.Equal("log=SUCCESS ret=SUCCESS nap=SUCCESS", result.TaskStates);
        Assert.Equal("42", result.OutputOf("ret", "value").GetString());
        Assert.Equal(["first line", "second line"], result.Logs.Where(l => l.GetProperty("taskId").GetString() == "log").Select(l => l.GetProperty("message").GetString()));
        Assert.All(result.Logs.Where(l => l.GetProperty("taskId").GetString() == "log"), l => Assert.Equal("WARN", l.GetProperty("level").GetString()));
    }

    [Fact]
    public void Run_Exits1WithFailed_WhenATaskFails_AndRunsErrorsAndFinally()
    {
        using var runs = new FlowRuns();

        var result = runs.Run("""
            id: failing
            namespace: company.team
            tasks:
              - id: boom
                type: io.kestra.plugin.core.execution.Fail
                errorMessage: "it broke"
              - id: never
                type: io.kestra.plugin.core.log.Log
                message: never
            errors:
              - id: onError
                type: io.kestra.plugin.core.log.Log
                message: handling
            finally:
              - id: cleanup
                type: io.kestra.plugin.core.log.Log
                message: cleaning
            """);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("FAILED", result.State);
        Assert.Equal("boom=FAILED onError=SUCCESS cleanup=SUCCESS", result.TaskStates);
        var error = Assert.Single(result.Logs, l => l.GetProperty("level").GetString() == "ERROR");
        Assert.Equal("it broke", error.GetProperty("message").GetString());
        Assert.Equal(result.TaskRun("boom").GetProperty("id").GetString(), error.GetProperty("taskRunId").GetString());
    }

    [Fact]
    public void Run_Exits0WithWarning_WhenAFailureIsAllowed_AndTheFlowContinues()
    {
        using var runs = new FlowRuns();

        var result = runs.Run("""
            id: allowed
            namespace: company.team
            tasks:
              - id: boom
                type: io.kestra.plugin.core.execution.Fail
                allowFailure: true
              - id: after
                type: io.kestra.plugin.core.debug.Return
                format: ran
            """);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("WARNING", result.State);
        Assert.Equal("boom=WARNING after=SUCCESS", result.TaskStates);
        Assert.Equal("FAILED", Assert.Single(result.TaskRun("boom").GetProperty("attempts").EnumerateArray()).GetProperty("state").GetString());
    }

    [Fact]
    public void Run_TurnsAnAllowedFailureIntoSuccess_WithAllowWarning()
    {
        using var runs = new FlowRuns();

        var result = runs.Run("""
            id: allowed
            namespace: company.team
            tasks:
              - id: boom
                type: io.kestra.plugin.core.execution.Fail
                allowFailure: true
                allowWarning: true
            """);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("SUCCESS", result.State);
    }

    [Fact]
    public void Run_CreatesNoTaskRunForADisabledTask_AndSkipsARunIfFalseTask()
    {
        using var runs = new FlowRuns();

        var result = runs.Run("""
            id: skipping
            namespace: company.team
            tasks:
              - id: off
                type: io.kestra.plugin.core.execution.Fail
                disabled: true
              - id: notNow
                type: io.kestra.plugin.core.execution.Fail
                runIf: "{{ 1 > 2 }}"
              - id: on
                type: io.kestra.plugin.core.log.Log
                message: on
            """);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("notNow=SKIPPED on=SUCCESS", result.TaskStates);
        Assert.Empty(result.TaskRun("notNow").GetProperty("attempts").EnumerateArray());
    }

    [Fact]
    public void Run_RunsFlowables_ParallelIfAndSequential()
    {
        using var runs = new FlowRuns();

        var result = runs.Run("""
            id: flowables
            namespace: company.team
            tasks:
              - id: both
                type: io.kestra.plugin.core.flow.Parallel
                tasks:
                  - id: left
                    type: io.kestra.plugin.core.flow.Sleep
                    duration: PT0.1S
                  - id: right
                    type: io.kestra.plugin.core.debug.Return
                    format: done
              - id: choose
                type: io.kestra.plugin.core.flow.If
                condition: "{{ outputs.right.value == 'done' }}"
                then:
                  - id: seq
                    type: io.kestra.plugin.core.flow.Sequential
                    tasks:
                      - id: yes
                        type: io.kestra.plugin.core.debug.Return
                        format: then
                else:
                  - id: no
                    type: io.kestra.plugin.core.debug.Return
                    format: else
            """);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("both=SUCCESS left=SUCCESS right=SUCCESS choose=SUCCESS seq=SUCCESS yes=SUCCESS", result.TaskStates);
        var both = result.TaskRun("both").GetProperty("id").GetString();
        Assert.Equal(both, result.TaskRun("left").GetProperty("parentTaskRunId").GetString());
        Assert.Equal(both, result.TaskRun("right").GetProperty("parentTaskRunId").GetString());
        Assert.Equal(result.TaskRun("seq").GetProperty("id").GetString(), result.TaskRun("yes").GetProperty("parentTaskRunId").GetString());
        Assert.Null(result.TaskRun("both").GetProperty("parentTaskRunId").GetString());
    }

    [Fact]
    public void Run_RunsParallelChildrenConcurrently()
    {
        using var runs = new FlowRuns();

        var result = runs.Run("""
            id: concurrent
            namespace: company.team
            tasks:
              - id: both
                type: io.kestra.plugin.core.flow.Parallel
                tasks:
                  - id: left
                    type: io.kestra.plugin.core.flow.Sleep
                    duration: PT0.5S
                  - id: right
                    type: io.kestra.plugin.core.flow.Sleep
                    duration: PT0.5S
            """, "--workers", "2");

        var left = result.TaskRun("left").GetProperty("attempts")[0];
        var right = result.TaskRun("right").GetProperty("attempts")[0];
        Assert.True(left.GetProperty("startDate").GetDateTimeOffset() < right.GetProperty("endDate").GetDateTimeOffset()
            && right.GetProperty("startDate").GetDateTimeOffset() < left.GetProperty("endDate").GetDateTimeOffset(),
            $"the two sleeps did not overlap: {result.Output}");
    }
}
