using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.CoreTasks;

/// <summary>What ForEach does with the values it is given (Kestra's each-null test flow).</summary>
public sealed class ForEachValuesTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ForEach_WithANullAmongItsValues_FailsBeforeAnyIteration_SayingHowManyNulls()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: each_null
            namespace: harrier.tests
            tasks:
              - id: each
                type: io.kestra.plugin.core.flow.ForEach
                values: '[1, null, {"key": "k"}]'
                tasks:
                  - id: say
                    type: io.kestra.plugin.core.log.Log
                    message: "{{ taskrun.value }}"
              - id: after
                type: io.kestra.plugin.core.log.Log
                message: never
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Empty(run.RunsOf("say"));
        Assert.Empty(run.RunsOf("after"));
        Assert.Contains(run.Logs, l => l.TaskId == "each" && l.Message.Contains("Found '1' null values on Each, with values=[1,null,{\"key\":\"k\"}]", StringComparison.Ordinal));
    }
}
