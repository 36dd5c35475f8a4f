using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.CoreTasks;

/// <summary>Kestra's deprecated EachSequential and EachParallel run as the ForEach they are.</summary>
public sealed class LegacyEachTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void EachSequentialAndEachParallel_RunTheirTasksOncePerValue_WithOutputsByValue()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: legacy_each
            namespace: harrier.tests
            tasks:
              - id: seq
                type: io.kestra.plugin.core.flow.EachSequential
                value: '["a", "b"]'
                tasks:
                  - id: say
                    type: io.kestra.plugin.core.log.Log
                    message: "seq {{ taskrun.value }}"
              - id: par
                type: io.kestra.core.tasks.flows.EachParallel
                value: [1, 2, 3]
                concurrent: 2
                tasks:
                  - id: ret
                    type: io.kestra.plugin.core.debug.Return
                    format: "v{{ taskrun.value }}"
              - id: after
                type: io.kestra.plugin.core.log.Log
                message: "{{ outputs.ret['2'].value }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["seq a", "seq b"], run.Messages("say").Order());
        Assert.Equal(3, run.RunsOf("ret").Count);
        Assert.Contains("v2", run.Messages("after"));
    }

    [Fact]
    public void EachSequential_WithoutValue_IsRefusedAtItsPlace()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: legacy_each_bad
            namespace: harrier.tests
            tasks:
              - id: seq
                type: io.kestra.plugin.core.flow.EachSequential
                tasks:
                  - id: say
                    type: io.kestra.plugin.core.log.Log
                    message: hi
            """);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("tasks[0].value", run.Error, StringComparison.Ordinal);
    }
}
