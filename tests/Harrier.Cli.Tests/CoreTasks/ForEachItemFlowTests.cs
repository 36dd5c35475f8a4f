using System.Text.Json;
using Harrier.Cli.Tests.Support;
using static Harrier.Cli.Tests.CoreTasks.Storage.StorageFlow;

namespace Harrier.Cli.Tests.CoreTasks;

/// <summary>
/// Kestra's <c>flow.ForEachItem</c> with <c>harrier run --flows DIR</c>: a file cut into batches, one child execution
/// of the flow <c>batch</c> per batch, each given its batch file (<c>taskrun.items</c>) and number (<c>taskrun.iteration</c>).
/// </summary>
public sealed class ForEachItemFlowTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public ForEachItemFlowTests()
    {
        Directory.CreateDirectory(_dir.Combine("flows"));
        File.WriteAllText(_dir.Combine("flows", "batch.yml"), """
            id: batch
            namespace: harrier.tests
            inputs:
              - id: items
                type: STRING
              - id: n
                type: INT
              - id: fail_on
                type: INT
                defaults: 0
            tasks:
              - id: read
                type: io.kestra.plugin.core.debug.Return
                format: "{{ read(inputs.items) }}"
              - id: maybe_fail
                type: io.kestra.plugin.core.execution.Fail
                runIf: "{{ inputs.n == inputs.fail_on }}"
                errorMessage: batch {{ inputs.n }} asked to fail
              - id: slow
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT0.2S
            outputs:
              - id: text
                type: STRING
                value: "{{ outputs.read.value }}"
            """);
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>Writes <paramref name="lines"/> to data.txt in task <c>make</c>, then runs the ForEachItem <c>each</c> given by <paramref name="properties"/>.</summary>
    private FlowRun Run(IEnumerable<string> lines, string properties, string after = "") => FlowRun.Of(_dir.Combine("parent"), Yaml("parent", "data.txt", lines, """
          - id: each
            type: io.kestra.plugin.core.flow.ForEachItem
            items: "{{ outputs.make.outputFiles['data.txt'] }}"
            namespace: harrier.tests

        """ + properties + "\n" + after), "--flows", _dir.Combine("flows"));

    [Fact]
    public void BatchByRows_StartsOneChildPerBatch_EachWithItsBatchFileAndIteration()
    {
        var run = Run(Numbers(1, 10), """
                flowId: batch
                batch:
                  rows: 3
                inputs:
                  items: "{{ taskrun.items }}"
                  n: "{{ taskrun.iteration }}"
                labels:
                  - key: kind
                    value: rows
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal("SUCCESS", run.StateOf("each"));
        var outputs = run.Outputs("each");
        Assert.Equal(4, outputs.GetProperty("numberOfBatches").GetInt32());
        Assert.Equal(Counts(("CREATED", 0), ("RUNNING", 0), ("SUCCESS", 4)), Counts(outputs.GetProperty("iterations")));
        var children = Children();
        Assert.Equal(["1\n2\n3\n", "4\n5\n6\n", "7\n8\n9\n", "10\n"], children.Select(c => c.GetProperty("outputs").GetProperty("text").GetString()));
        Assert.Equal([.. children.Select(c => c.GetProperty("inputs").GetProperty("n").GetInt32())], [1, 2, 3, 4]);
        Assert.All(children, child =>
        {
            Assert.Equal("SUCCESS", child.GetProperty("state").GetString());
            Assert.Equal(run.Execution.GetProperty("id").GetString(), JsonLabels.Of(child)["system.correlationId"]);
            Assert.Equal("rows", JsonLabels.Of(child)["kind"]);
            Assert.EndsWith(".txt", child.GetProperty("inputs").GetProperty("items").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void OnceAllChildrenEnded_OutputUri_IsTheirOutputsMerged_OneIonLinePerBatch()
    {
        var run = Run(Numbers(1, 4), """
                flowId: batch
                batch:
                  rows: 2
                inputs:
                  items: "{{ taskrun.items }}"
                  n: "{{ taskrun.iteration }}"
            """, """
              - id: after
                type: io.kestra.plugin.core.log.Log
                message: "{{ read(outputs.each.uri) }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["{text:\"1\\n2\\n\"}\n{text:\"3\\n4\\n\"}\n"], run.Messages("after"));
    }

    [Fact]
    public void KestrasHiddenTaskOutputs_EachItemsAndEachMerge_ReadTheSameValues()
    {
        var run = Run(Numbers(1, 4), """
                flowId: batch
                batch:
                  rows: 2
                inputs:
                  items: "{{ taskrun.items }}"
                  n: "{{ taskrun.iteration }}"
            """, """
              - id: after
                type: io.kestra.plugin.core.log.Log
                message: "{{ outputs.each_items.numberOfBatches }} {{ outputs.each_items.iterations.SUCCESS }} {{ outputs.each_merge.subflowOutputs == outputs.each.uri }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["2 2 true"], run.Messages("after"));
    }

    [Fact]
    public void InsideAForEach_EachIterationCutsAndStartsItsOwnBatches()
    {
        var run = FlowRun.Of(_dir.Combine("parent"), Yaml("parent", "data.txt", Numbers(1, 2), """
              - id: loop
                type: io.kestra.plugin.core.flow.ForEach
                values: ["x", "y"]
                tasks:
                  - id: each
                    type: io.kestra.plugin.core.flow.ForEachItem
                    items: "{{ outputs.make.outputFiles['data.txt'] }}"
                    namespace: harrier.tests
                    flowId: batch
                    inputs:
                      items: "{{ taskrun.items }}"
                      n: "{{ taskrun.iteration }}"
              - id: after
                type: io.kestra.plugin.core.log.Log
                message: "{{ outputs.each['x'].numberOfBatches }} {{ outputs.each_items['y'].iterations.SUCCESS }}"
            """), "--flows", _dir.Combine("flows"));

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["2 2"], run.Messages("after"));
        Assert.Equal([1, 1, 2, 2], Children().Select(c => c.GetProperty("inputs").GetProperty("n").GetInt32()));
    }

    [Fact]
    public void BatchByPartitions_DealsTheLinesIntoThatManyChildren()
    {
        var run = Run(Numbers(1, 7), """
                flowId: batch
                batch:
                  partitions: 3
                inputs:
                  items: "{{ taskrun.items }}"
                  n: "{{ taskrun.iteration }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(3, run.Outputs("each").GetProperty("numberOfBatches").GetInt32());
        Assert.Equal(["1\n4\n7\n", "2\n5\n", "3\n6\n"], Children().Select(c => c.GetProperty("outputs").GetProperty("text").GetString()));
    }

    [Fact]
    public void BatchByBytes_StartsANewBatchOnceOneHoldsTheSize_AndBytesWinOverRows()
    {
        var run = Run(["aaaa", "bbbb", "cccc", "dddd", "eeee"], """
                flowId: batch
                batch:
                  bytes: "8"
                  rows: 1
                inputs:
                  items: "{{ taskrun.items }}"
                  n: "{{ taskrun.iteration }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["aaaa\nbbbb\n", "cccc\ndddd\n", "eeee\n"], Children().Select(c => c.GetProperty("outputs").GetProperty("text").GetString()));
    }

    [Fact]
    public void WithoutBatch_EachLineIsABatch_AndTheSeparatorIsWrittenAfterEveryLine()
    {
        var run = Run(["a", "b", "c"], """
                flowId: batch
                batch:
                  separator: ";"
                inputs:
                  items: "{{ taskrun.items }}"
                  n: "{{ taskrun.iteration }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["a;", "b;", "c;"], Children().Select(c => c.GetProperty("outputs").GetProperty("text").GetString()));
    }

    [Theory]
    [InlineData(true, "FAILED")]
    [InlineData(false, "SUCCESS")]
    public void AFailingChild_FailsTheTask_OnlyWithTransmitFailed(bool transmitFailed, string state)
    {
        var run = Run(Numbers(1, 3), """
                flowId: batch
                transmitFailed: TRANSMIT
                inputs:
                  items: "{{ taskrun.items }}"
                  n: "{{ taskrun.iteration }}"
                  fail_on: 2
            """.Replace("TRANSMIT", transmitFailed ? "true" : "false", StringComparison.Ordinal));

        Assert.Equal(state, run.State);
        Assert.Equal(state, run.StateOf("each"));
        Assert.Equal(Counts(("CREATED", 0), ("RUNNING", 0), ("SUCCESS", 2), ("FAILED", 1)), Counts(run.Outputs("each").GetProperty("iterations")));
        Assert.Equal(["SUCCESS", "FAILED", "SUCCESS"], Children().Select(c => c.GetProperty("state").GetString()));
    }

    [Fact]
    public void WithoutWait_TheTaskSucceedsOnceTheChildrenStarted_AndRunReturnsOnlyOnceTheyEnded()
    {
        var run = Run(Numbers(1, 4), """
                flowId: batch
                wait: false
                batch:
                  rows: 2
                inputs:
                  items: "{{ taskrun.items }}"
                  n: "{{ taskrun.iteration }}"
            """, """
              - id: after
                type: io.kestra.plugin.core.log.Log
                message: "{{ outputs.each.numberOfBatches }} started"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal("SUCCESS", run.StateOf("each"));
        Assert.Equal(["2 started"], run.Messages("after"));
        Assert.Equal(Counts(("RUNNING", 0), ("SUCCESS", 2)), Counts(run.Outputs("each").GetProperty("iterations")));
        Assert.Equal(["SUCCESS", "SUCCESS"], Children().Select(c => c.GetProperty("state").GetString()));
    }

    [Fact]
    public void AMissingSubflow_FailsTheTask_NamingIt_AndStartsNoChild()
    {
        var run = Run(Numbers(1, 3), """
                flowId: nowhere
                inputs:
                  items: "{{ taskrun.items }}"
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Equal("FAILED", run.StateOf("each"));
        var error = Assert.Single(run.Logs, l => l.TaskId == "each" && l.Level == "ERROR");
        Assert.Contains("cannot start the flow harrier.tests.nowhere for batch 1: there is no such flow among the flows under", error.Message, StringComparison.Ordinal);
        Assert.Empty(Children());
    }

    [Fact]
    public void AChildWithInvalidInputs_FailsTheTask_SayingWhichBatch_AndStartsNoChild()
    {
        var run = Run(Numbers(1, 3), """
                flowId: batch
                inputs:
                  items: "{{ taskrun.items }}"
                  n: "x{{ taskrun.iteration }}"
            """);

        Assert.Equal("FAILED", run.StateOf("each"));
        Assert.Contains(run.Logs, l => l.TaskId == "each" && l.Level == "ERROR"
            && l.Message.Contains("harrier.tests.batch for batch 1", StringComparison.Ordinal) && l.Message.Contains("input 'n' (INT)", StringComparison.Ordinal));
        Assert.Empty(Children());
    }

    [Theory]
    [InlineData("{{ outputs.make.outputFiles['data.txt'] | replace({'data.txt': 'gone.txt'}) }}", "there is no file at")]
    [InlineData("/tmp/data.txt", "'/tmp/data.txt' is not an internal storage URI")]
    public void ItemsThatAreNoFileOfTheExecution_FailTheTask_SayingWhy(string items, string message)
    {
        var run = FlowRun.Of(_dir.Combine("parent"), Yaml("parent", "data.txt", ["1"], $"""
              - id: each
                type: io.kestra.plugin.core.flow.ForEachItem
                items: "{items}"
                namespace: harrier.tests
                flowId: batch
            """), "--flows", _dir.Combine("flows"));

        Assert.Equal("FAILED", run.StateOf("each"));
        Assert.Contains(message, run.Errors("each"), StringComparison.Ordinal);
        Assert.Contains("tasks[1].items (line", run.Errors("each"), StringComparison.Ordinal);
        Assert.Empty(Children());
    }

    [Fact]
    public void AnEmptyFile_GivesNoBatch_AndTheTaskSucceeds()
    {
        var run = FlowRun.Of(_dir.Combine("parent"), """
            id: parent
            namespace: harrier.tests
            tasks:
              - id: make
                type: io.kestra.plugin.scripts.shell.Commands
                taskRunner:
                  type: io.kestra.plugin.core.runner.Process
                commands:
                  - ": > data.txt"
                outputFiles: ["data.txt"]
              - id: each
                type: io.kestra.plugin.core.flow.ForEachItem
                items: "{{ outputs.make.outputFiles['data.txt'] }}"
                namespace: harrier.tests
                flowId: batch
            """, "--flows", _dir.Combine("flows"));

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(0, run.Outputs("each").GetProperty("numberOfBatches").GetInt32());
        Assert.Empty(Children());
    }

    private static Dictionary<string, int> Counts(params (string State, int Count)[] counts) => counts.ToDictionary(c => c.State, c => c.Count);

    private static Dictionary<string, int> Counts(JsonElement iterations) =>
        iterations.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());

    /// <summary>The child executions of flow <c>batch</c>, by their iteration (input <c>n</c>).</summary>
    private List<JsonElement> Children()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.True(HarrierCli.Run(["executions", "list", "--json", "--data-dir", _dir.Combine("parent", "data")], output, error) == 0, error.ToString());
        return [.. JsonDocument.Parse(output.ToString()).RootElement.EnumerateArray()
            .Where(e => e.GetProperty("flowId").GetString() == "batch")
            .Select(e => Show(e.GetProperty("id").GetString()!))
            .OrderBy(e => e.GetProperty("inputs").GetProperty("n").GetInt32())];
    }

    private JsonElement Show(string executionId)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.True(HarrierCli.Run(["executions", "show", executionId, "--json", "--data-dir", _dir.Combine("parent", "data")], output, error) == 0, error.ToString());
        return JsonDocument.Parse(output.ToString()).RootElement.Clone();
    }
}
