using System.Text.Json;
using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.CoreTasks;

/// <summary>Kestra's <c>system.correlationId</c>: every execution has one (its own id, or its parent's), read as <c>labels.system.correlationId</c>.</summary>
public sealed class CorrelationLabelTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ARunsExecution_IsItsOwnCorrelation_AndAGrandchildReadsItAsLabelsSystemCorrelationId()
    {
        Directory.CreateDirectory(_dir.Combine("flows"));
        File.WriteAllText(_dir.Combine("flows", "middle.yml"), """
            id: middle
            namespace: harrier.tests
            tasks:
              - id: down
                type: io.kestra.plugin.core.flow.Subflow
                namespace: harrier.tests
                flowId: bottom
            """);
        File.WriteAllText(_dir.Combine("flows", "bottom.yml"), """
            id: bottom
            namespace: harrier.tests
            tasks:
              - id: say
                type: io.kestra.plugin.core.log.Log
                message: "story {{ labels.system.correlationId }}"
            outputs:
              - id: story
                type: STRING
                value: "{{ labels.system.correlationId }}"
            """);

        var run = FlowRun.Of(_dir.Combine("top"), """
            id: top
            namespace: harrier.tests
            tasks:
              - id: down
                type: io.kestra.plugin.core.flow.Subflow
                namespace: harrier.tests
                flowId: middle
            """, "--flows", _dir.Combine("flows"));

        Assert.Equal("SUCCESS", run.State);
        var id = run.Execution.GetProperty("id").GetString()!;
        Assert.Equal(id, JsonLabels.Of(run.Execution)["system.correlationId"]);
        var middle = Show(run.Run("down").GetProperty("outputs").GetProperty("executionId").GetString()!);
        Assert.Equal(id, JsonLabels.Of(middle)["system.correlationId"]);
        var bottomId = middle.GetProperty("taskRuns").EnumerateArray().Single(r => r.GetProperty("taskId").GetString() == "down")
            .GetProperty("outputs").GetProperty("executionId").GetString()!;
        Assert.Equal(id, Show(bottomId).GetProperty("outputs").GetProperty("story").GetString());
    }

    private JsonElement Show(string executionId)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.True(HarrierCli.Run(["executions", "show", executionId, "--json", "--data-dir", _dir.Combine("top", "data")], output, error) == 0, error.ToString());
        return JsonDocument.Parse(output.ToString()).RootElement.Clone();
    }
}
