using Harrier.Core.Flows;
using Harrier.Core.Tests.Engine;

namespace Harrier.Core.Tests.Flows;

/// <summary><c>workerGroup: {key, fallback}</c> as the loader reads it (WAIT when no fallback is written, as in Kestra since 0.20).</summary>
public sealed class WorkerGroupReadingTests
{
    [Theory]
    [InlineData("\n      fallback: FAIL", WorkerGroupFallback.Fail)]
    [InlineData("\n      fallback: CANCEL", WorkerGroupFallback.Cancel)]
    [InlineData("\n      fallback: WAIT", WorkerGroupFallback.Wait)]
    [InlineData("", WorkerGroupFallback.Wait)]
    public void AWorkerGroup_KeepsItsKeyAndFallback(string fallback, WorkerGroupFallback expected)
    {
        var flow = TestFlows.Load($"tasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n    workerGroup:\n      key: gpu{fallback}");

        Assert.Equal(("gpu", expected), (flow.FindTask("t")!.WorkerGroup, flow.FindTask("t")!.WorkerGroupFallback));
    }

    [Fact]
    public void ATaskWithoutAWorkerGroup_HasNeitherKeyNorAFallbackToApply()
    {
        var flow = TestFlows.Load("tasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: hi");

        Assert.Equal((null, WorkerGroupFallback.Wait), (flow.FindTask("t")!.WorkerGroup, flow.FindTask("t")!.WorkerGroupFallback));
    }
}
