using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.CoreTasks;

/// <summary>Kestra's <c>execution.Labels</c>: labels added to the running execution, stored with it.</summary>
public sealed class LabelsTaskTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Labels_AsAMapOrAList_AreAddedToTheExecution_ReplacingTheSameKey()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: labelled
            namespace: harrier.tests
            labels:
              team: data
              stage: draft
            tasks:
              - id: as_map
                type: io.kestra.plugin.core.execution.Labels
                labels:
                  stage: "final-{{ 1 + 1 }}"
                  rows: "{{ 40 + 2 }}"
              - id: as_list
                type: io.kestra.plugin.core.execution.Labels
                labels:
                  - key: source
                    value: api
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        var labels = JsonLabels.Of(run.Execution);
        Assert.Equal("data", labels["team"]);
        Assert.Equal("final-2", labels["stage"]);
        Assert.Equal("42", labels["rows"]);
        Assert.Equal("api", labels["source"]);
    }

    [Fact]
    public void ASystemLabel_IsRefused_FailingTheTask()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: labelled_system
            namespace: harrier.tests
            tasks:
              - id: sneaky
                type: io.kestra.plugin.core.execution.Labels
                labels:
                  system.correlationId: forged
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Contains(run.Messages("sneaky"), m => m.Contains("'system.correlationId' is reserved", StringComparison.Ordinal));
    }
}
