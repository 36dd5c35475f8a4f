using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.CoreTasks;

/// <summary>Kestra's <c>flow.WaitFor</c> in real flows: the tasks run again until the condition holds.</summary>
public sealed class WaitForFlowTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void TheTasksRunUntilTheConditionHolds_AndTheConditionSeesTheLatestIterationsOutputs()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: waitfor_flow
            namespace: harrier.tests
            tasks:
              - id: poll
                type: io.kestra.plugin.core.flow.WaitFor
                condition: "{{ outputs.probe.values.count == '4' }}"
                checkFrequency:
                  interval: PT0.05S
                tasks:
                  - id: probe
                    type: io.kestra.plugin.core.output.OutputValues
                    values:
                      count: "{{ outputs.poll.iterationCount + 1 }}"
              - id: after
                type: io.kestra.plugin.core.log.Log
                message: "{{ outputs.poll.iterationCount }} iterations, last count {{ outputs.probe.values.count }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(3, run.RunsOf("probe").Count);
        Assert.Equal(["3 iterations, last count 4"], run.Messages("after"));
    }

    [Fact]
    public void MaxIterationsWithFailOnMaxReached_FailsTheExecution_AndSaysWhy()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: waitfor_max
            namespace: harrier.tests
            tasks:
              - id: poll
                type: io.kestra.plugin.core.flow.WaitFor
                condition: "{{ false }}"
                failOnMaxReached: true
                checkFrequency:
                  interval: PT0.05S
                  maxIterations: 3
                tasks:
                  - id: probe
                    type: io.kestra.plugin.core.log.Log
                    message: "try {{ outputs.poll.iterationCount }}"
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Equal(["try 1", "try 2", "try 3"], run.Messages("probe"));
        Assert.Contains(run.Logs, l => l.TaskId == "poll" && l.Level == "WARN" && l.Message.Contains("max iterations reached (3)", StringComparison.Ordinal));
    }
}
