using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.CoreTasks;

/// <summary>Kestra's <c>flow.Switch</c> in real flows: the case is picked by the rendered value's text.</summary>
public sealed class SwitchFlowTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void TheMatchingCaseRuns_ItsOutputsSayWhich_AndLaterTasksReadThem()
    {
        var run = FlowRun.Of(_dir.Path, Flow("{{ 'SEC' ~ 'OND' }}"));

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["second"], run.Messages("second"));
        Assert.Empty(run.RunsOf("first"));
        Assert.Empty(run.RunsOf("fallback"));
        Assert.Equal(["picked SECOND, defaults false"], run.Messages("after"));
    }

    [Fact]
    public void NoMatchingCase_RunsDefaults()
    {
        var run = FlowRun.Of(_dir.Path, Flow("THIRD"));

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["fallback"], run.Messages("fallback"));
        Assert.Equal(["picked THIRD, defaults true"], run.Messages("after"));
    }

    [Fact]
    public void NoMatchAndNoDefaults_FailsTheExecution_WithAWarningNamingTheValue()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: switch_nothing
            namespace: harrier.tests
            tasks:
              - id: route
                type: io.kestra.plugin.core.flow.Switch
                value: other
                cases:
                  FIRST:
                    - id: first
                      type: io.kestra.plugin.core.log.Log
                      message: first
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Contains(run.Logs, l => l.TaskId == "route" && l.Level == "WARN" && l.Message.Contains("'other'", StringComparison.Ordinal));
    }

    private static string Flow(string value) => $$$"""
        id: switch_flow
        namespace: harrier.tests
        tasks:
          - id: route
            type: io.kestra.plugin.core.flow.Switch
            value: "{{{value}}}"
            cases:
              FIRST:
                - id: first
                  type: io.kestra.plugin.core.log.Log
                  message: first
              SECOND:
                - id: second
                  type: io.kestra.plugin.core.log.Log
                  message: second
            defaults:
              - id: fallback
                type: io.kestra.plugin.core.log.Log
                message: fallback
          - id: after
            type: io.kestra.plugin.core.log.Log
            message: "picked {{ outputs.route.value }}, defaults {{ outputs.route.defaults }}"
        """;
}
