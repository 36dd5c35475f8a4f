using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.CoreTasks;

/// <summary>What ForEach does with the values it is given (Kestra's each-null and flowable-with-parent-fail test flows).</summary>
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

    [Fact]
    public void ForEach_WithoutALimit_RunsEveryIteration_WhenAnEarlyOneFails_AndWithALimitStopsStartingNewOnes()
    {
        // 150 values: more than one read window (64), so the later iterations start after the first one failed.
        string Flow(int limit) => """
            id: each_fail_LIMIT
            namespace: harrier.tests
            tasks:
              - id: each
                type: io.kestra.plugin.core.flow.ForEach
                values: "{{ range(1, 150) }}"
                concurrencyLimit: LIMIT
                tasks:
                  - id: check
                    type: io.kestra.plugin.core.flow.If
                    condition: "{{ taskrun.value == '1' ? no_such_variable : true }}"
                    then:
                      - id: say
                        type: io.kestra.plugin.core.log.Log
                        message: "{{ taskrun.value }}"
            """.Replace("LIMIT", limit.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var unlimited = FlowRun.Of(_dir.Path, Flow(0));
        var limited = FlowRun.Of(_dir.Path, Flow(1));

        Assert.Equal("FAILED", unlimited.State);
        Assert.Equal(149, unlimited.RunsOf("say").Count);
        Assert.Equal("FAILED", limited.State);
        Assert.Empty(limited.RunsOf("say"));
    }
}
