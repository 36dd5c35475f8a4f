using System.Text.Json;
using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.CoreTasks;

/// <summary>Kestra's <c>flow.Subflow</c> with <c>harrier run --flows DIR</c>: a child is an execution of its own.</summary>
public sealed class SubflowFlowTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public SubflowFlowTests()
    {
        Directory.CreateDirectory(_dir.Combine("flows", "team"));
        File.WriteAllText(_dir.Combine("flows", "team", "double.yml"), """
            id: double
            namespace: harrier.tests
            labels:
              kind: child
            inputs:
              - id: n
                type: INT
              - id: fail
                type: BOOLEAN
                defaults: false
            tasks:
              - id: compute
                type: io.kestra.plugin.core.debug.Return
                format: "{{ inputs.n * 2 }}"
              - id: maybe_fail
                type: io.kestra.plugin.core.execution.Fail
                runIf: "{{ inputs.fail }}"
                errorMessage: asked to fail
              - id: slow
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT0.3S
            outputs:
              - id: doubled
                type: INT
                value: "{{ outputs.compute.value }}"
            """);
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>A child flow that declares no outputs: the parent's deprecated Subflow <c>outputs</c> map extracts them.</summary>
    private void WritePlainChild() => File.WriteAllText(_dir.Combine("flows", "team", "plain.yml"), """
        id: plain
        namespace: harrier.tests
        inputs:
          - id: word
            type: STRING
        tasks:
          - id: shout
            type: io.kestra.plugin.core.debug.Return
            format: "{{ inputs.word | upper }}"
        """);

    [Fact]
    public void DeprecatedSubflowOutputs_AreRenderedInTheChildOnceItEnds_AndComeBackAsTheTasksOutputs()
    {
        WritePlainChild();
        var run = Run("""
              - id: call
                type: io.kestra.plugin.core.flow.Subflow
                namespace: harrier.tests
                flowId: plain
                inputs:
                  word: hello
                outputs:
                  loud: "{{ outputs.shout.value }}!"
                  fixed: 7
              - id: after
                type: io.kestra.plugin.core.log.Log
                message: "{{ outputs.call.outputs.loud }} {{ outputs.call.outputs.fixed }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["HELLO! 7"], run.Messages("after"));
    }

    [Fact]
    public void DeprecatedSubflowOutputs_AreIgnored_WhenTheChildFlowDeclaresItsOwn()
    {
        var run = Run("""
              - id: call
                type: io.kestra.plugin.core.flow.Subflow
                namespace: harrier.tests
                flowId: double
                inputs:
                  n: 2
                outputs:
                  ignored: "{{ outputs.compute.value }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        var outputs = run.Run("call").GetProperty("outputs").GetProperty("outputs");
        Assert.Equal(4, outputs.GetProperty("doubled").GetInt64());
        Assert.False(outputs.TryGetProperty("ignored", out _));
    }

    [Fact]
    public void DeprecatedSubflowOutputs_ThatCannotBeRendered_FailTheTaskSayingWhichOne_WhileTheChildKeepsItsSuccess_AsInKestra()
    {
        WritePlainChild();
        var run = Run("""
              - id: call
                type: io.kestra.plugin.core.flow.Subflow
                namespace: harrier.tests
                flowId: plain
                inputs:
                  word: hello
                outputs:
                  missing: "{{ outputs.nowhere.value }}"
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Equal("FAILED", run.Run("call").GetProperty("state").GetString());
        var child = Show(run.Run("call").GetProperty("outputs").GetProperty("executionId").GetString()!);
        Assert.Equal("SUCCESS", child.GetProperty("state").GetString());
        Assert.Contains("the outputs of the Subflow task 'call' that started this execution could not be extracted: 'missing'", child.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(run.Messages("call"), m => m.Contains("could not be extracted: 'missing'", StringComparison.Ordinal));
    }

    private FlowRun Run(string tasks) => FlowRun.Of(_dir.Combine("parent"), $"""
        id: parent
        namespace: harrier.tests
        labels:
          owner: analytics
        tasks:
        {tasks}
        """, "--flows", _dir.Combine("flows"));

    [Fact]
    public void TheChildRunsAsItsOwnExecution_WithTypedInputsAndLabels_AndItsOutputsBecomeTheTasks()
    {
        var run = Run("""
              - id: call
                type: io.kestra.plugin.core.flow.Subflow
                namespace: harrier.tests
                flowId: double
                inputs:
                  n: "{{ 20 + 1 }}"
                labels:
                  batch: "7"
              - id: after
                type: io.kestra.plugin.core.log.Log
                message: "{{ outputs.call.state }} {{ outputs.call.outputs.doubled }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        var outputs = run.Run("call").GetProperty("outputs");
        Assert.Equal("SUCCESS", outputs.GetProperty("state").GetString());
        Assert.Equal(["SUCCESS 42"], run.Messages("after"));
        var child = Show(outputs.GetProperty("executionId").GetString()!);
        Assert.Equal("harrier.tests", child.GetProperty("namespace").GetString());
        Assert.Equal("double", child.GetProperty("flowId").GetString());
        Assert.Equal("SUCCESS", child.GetProperty("state").GetString());
        var labels = JsonLabels.Of(child);
        Assert.Equal("child", labels["kind"]);
        Assert.Equal("7", labels["batch"]);
        Assert.False(labels.ContainsKey("owner"), "labels were inherited without inheritLabels");
        Assert.Equal(run.Execution.GetProperty("id").GetString(), labels["system.correlationId"]);
    }

    [Theory]
    [InlineData(true, "FAILED", "FAILED")]
    [InlineData(false, "SUCCESS", "SUCCESS")]
    public void AFailedChild_FailsTheTask_OnlyWithTransmitFailed(bool transmitFailed, string task, string execution)
    {
        var run = Run($"""
              - id: call
                type: io.kestra.plugin.core.flow.Subflow
                namespace: harrier.tests
                flowId: double
                transmitFailed: {(transmitFailed ? "true" : "false")}
                inputs:
                  n: 1
                  fail: true
            """);

        Assert.Equal(execution, run.State);
        Assert.Equal(task, run.StateOf("call"));
        Assert.Equal("FAILED", run.Run("call").GetProperty("outputs").GetProperty("state").GetString());
    }

    [Fact]
    public void AMissingFlow_OrInvalidInputs_FailTheTask_SayingWhichAndWhere()
    {
        var run = Run("""
              - id: parallel
                type: io.kestra.plugin.core.flow.Parallel
                tasks:
                  - id: missing
                    type: io.kestra.plugin.core.flow.Subflow
                    namespace: harrier.tests
                    flowId: tripple
                  - id: invalid
                    type: io.kestra.plugin.core.flow.Subflow
                    namespace: harrier.tests
                    flowId: double
                    inputs:
                      n: many
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Contains(run.Logs, l => l.TaskId == "missing" && l.Level == "ERROR"
            && l.Message.Contains("harrier.tests.tripple: there is no such flow among the flows under", StringComparison.Ordinal));
        Assert.Contains(run.Logs, l => l.TaskId == "invalid" && l.Level == "ERROR" && l.Message.Contains("input 'n' (INT)", StringComparison.Ordinal));
        Assert.Single(List());
    }

    [Fact]
    public void WithoutWait_TheTaskSucceedsAtOnce_AndRunReturnsOnlyOnceTheChildEnded()
    {
        var run = Run("""
              - id: call
                type: io.kestra.plugin.core.flow.Subflow
                namespace: harrier.tests
                flowId: double
                wait: false
                inputs:
                  n: 2
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal("SUCCESS", run.StateOf("call"));
        var childId = run.Run("call").GetProperty("outputs").GetProperty("executionId").GetString()!;
        Assert.Equal("SUCCESS", Show(childId).GetProperty("state").GetString());
    }

    private JsonElement Show(string executionId)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.True(HarrierCli.Run(["executions", "show", executionId, "--json", "--data-dir", _dir.Combine("parent", "data")], output, error) == 0, error.ToString());
        return JsonDocument.Parse(output.ToString()).RootElement.Clone();
    }

    private List<JsonElement> List()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.True(HarrierCli.Run(["executions", "list", "--json", "--data-dir", _dir.Combine("parent", "data")], output, error) == 0, error.ToString());
        return [.. JsonDocument.Parse(output.ToString()).RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
