using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.CoreTasks;

/// <summary>A flow's or a flowable's <c>retry</c> retries the failed runnable tasks below it, as in Kestra; a task's own wins.</summary>
public sealed class InheritedRetryTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void TheNearestRetry_IsTheOneThatApplies()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: inherited_retry
            namespace: harrier.tests
            retry:
              type: constant
              interval: PT0.05S
              maxAttempts: 2
            tasks:
              - id: parallel
                type: io.kestra.plugin.core.flow.Parallel
                tasks:
                  - id: by_flow
                    type: io.kestra.plugin.core.execution.Fail
                  - id: seq
                    type: io.kestra.plugin.core.flow.Sequential
                    retry:
                      type: constant
                      interval: PT0.05S
                      maxAttempts: 3
                    tasks:
                      - id: by_parent
                        type: io.kestra.plugin.core.execution.Fail
                  - id: own
                    type: io.kestra.plugin.core.execution.Fail
                    retry:
                      type: constant
                      interval: PT0.05S
                      maxAttempts: 4
            """);

        Assert.Equal("FAILED", run.State);
        int Attempts(string id) => run.Run(id).GetProperty("attempts").GetArrayLength();
        Assert.Equal((2, 3, 4), (Attempts("by_flow"), Attempts("by_parent"), Attempts("own")));
    }
}
