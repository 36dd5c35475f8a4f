using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.CoreTasks;

/// <summary>Kestra's <c>flow.Dag</c> in real flows: every task starts only after the tasks it depends on ended.</summary>
public sealed class DagFlowTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void EveryTaskStartsAfterItsDependenciesEnded_AndIndependentOnesOverlap()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: dag_flow
            namespace: harrier.tests
            tasks:
              - id: pipeline
                type: io.kestra.plugin.core.flow.Dag
                tasks:
                  - task: {id: extract, type: io.kestra.plugin.core.flow.Sleep, duration: PT0.3S}
                  - task: {id: audit, type: io.kestra.plugin.core.flow.Sleep, duration: PT0.3S}
                  - task: {id: transform, type: io.kestra.plugin.core.log.Log, message: transform}
                    dependsOn: [extract]
                  - task: {id: load, type: io.kestra.plugin.core.log.Log, message: load}
                    dependsOn: [transform, audit]
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        DateTimeOffset Start(string id) => run.Run(id).GetProperty("attempts")[0].GetProperty("startDate").GetDateTimeOffset();
        DateTimeOffset End(string id) => run.Run(id).GetProperty("attempts")[0].GetProperty("endDate").GetDateTimeOffset();
        Assert.True(Start("transform") >= End("extract"), "transform started before extract ended");
        Assert.True(Start("load") >= End("transform") && Start("load") >= End("audit"), "load started before a dependency ended");
        Assert.True(Start("audit") < End("extract"), "independent tasks did not overlap");
    }

    [Fact]
    public void AFailedTask_StartsNothingThatDependsOnIt_AndFailsTheDag()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: dag_fail
            namespace: harrier.tests
            tasks:
              - id: pipeline
                type: io.kestra.plugin.core.flow.Dag
                tasks:
                  - task: {id: extract, type: io.kestra.plugin.core.execution.Fail, errorMessage: source down}
                  - task: {id: load, type: io.kestra.plugin.core.log.Log, message: load}
                    dependsOn: [extract]
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Equal("FAILED", run.StateOf("pipeline"));
        Assert.Empty(run.RunsOf("load"));
    }
}
