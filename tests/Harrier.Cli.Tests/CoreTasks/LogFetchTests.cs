using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.CoreTasks;

/// <summary>Kestra's <c>log.Fetch</c>: an execution's logs written to an ION file in internal storage.</summary>
public sealed class LogFetchTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void FetchWritesTheLogsAtOrAboveTheLevel_OfTheGivenTasks_OneIonStructPerLine()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: fetch_logs
            namespace: harrier.tests
            tasks:
              - id: first
                type: io.kestra.plugin.core.log.Log
                message: first line
              - id: second
                type: io.kestra.plugin.core.log.Log
                level: WARN
                message: second line
              - id: all
                type: io.kestra.plugin.core.log.Fetch
              - id: warnings
                type: io.kestra.plugin.core.log.Fetch
                level: WARN
              - id: only_first
                type: io.kestra.plugin.core.log.Fetch
                tasksId: [first]
              - id: show
                type: io.kestra.plugin.core.log.Log
                message: "{{ read(outputs.only_first.uri) }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(2, run.Run("all").GetProperty("outputs").GetProperty("size").GetInt64());
        Assert.Equal(1, run.Run("warnings").GetProperty("outputs").GetProperty("size").GetInt64());
        var ion = Assert.Single(run.Messages("show"));
        Assert.Contains("taskId:\"first\"", ion, StringComparison.Ordinal);
        Assert.Contains("message:\"first line\"", ion, StringComparison.Ordinal);
        Assert.DoesNotContain("second line", ion, StringComparison.Ordinal);
    }

    [Fact]
    public void FetchOfAnExecutionOfAnotherFlow_FailsUnlessItsFlowIsNamed()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: fetch_other
            namespace: harrier.tests
            tasks:
              - id: other
                type: io.kestra.plugin.core.log.Fetch
                executionId: not-an-execution-of-this-flow
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Contains(run.Logs, l => l.TaskId == "other" && l.Message.Contains("there is no execution not-an-execution-of-this-flow of the flow harrier.tests.fetch_other; set namespace and flowId", StringComparison.Ordinal));
    }
}
