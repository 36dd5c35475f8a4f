using Harrier.Cli.Tests.Running;

namespace Harrier.Cli.Tests.CoreTasks;

/// <summary>
/// Kestra's deprecated <c>state.Set|Get|Delete</c> through <c>harrier run</c>: a named map kept between executions of a
/// flow (in the data directory's storage), merged by Set, isolated per <c>taskrun.value</c> unless told otherwise, shared
/// by the namespace's flows with <c>namespace: true</c>.
/// </summary>
public sealed class StateTasksTests
{
    private const string Counter = """
        id: counter
        namespace: tests.states
        tasks:
          - id: before
            type: io.kestra.plugin.core.state.Get
          - id: bump
            type: io.kestra.plugin.core.state.Set
            data:
              runs: "{{ (outputs.before.data.runs ?? 0) + 1 }}"
              nested:
                last: "{{ execution.id }}"
          - id: after
            type: io.kestra.plugin.core.state.Get
        """;

    [Fact]
    public void SetMergesIntoTheFlowsState_AndTheNextExecutionGetsIt()
    {
        using var runs = new FlowRuns();

        var first = runs.Run(Counter);
        var second = runs.Run(Counter);

        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Equal(0, first.OutputOf("before", "count").GetInt64());
        Assert.Equal("1", first.OutputOf("after", "data").GetProperty("runs").ToString());
        Assert.Equal("2", second.OutputOf("after", "data").GetProperty("runs").ToString());
        Assert.Equal(second.Json.GetProperty("id").GetString(), second.OutputOf("after", "data").GetProperty("nested").GetProperty("last").GetString());
        Assert.Equal(2, second.OutputOf("bump", "count").GetInt64());
        Assert.StartsWith("harrier:///tests/states/_states/counter/default/", second.OutputOf("bump", "key").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EachForEachIteration_HasItsOwnState_UnlessTaskrunValueIsFalse_AndNamespaceStateIsShared()
    {
        using var runs = new FlowRuns();
        var writer = runs.Run("""
            id: writer
            namespace: tests.states
            tasks:
              - id: each
                type: io.kestra.plugin.core.flow.ForEach
                values: [a, b]
                tasks:
                  - id: own
                    type: io.kestra.plugin.core.state.Set
                    name: per-value
                    data:
                      value: "{{ taskrun.value }}"
                  - id: common
                    type: io.kestra.plugin.core.state.Set
                    name: shared
                    namespace: true
                    taskrunValue: false
                    data:
                      "{{ taskrun.value }}": seen
            """);

        var reader = runs.Run("""
            id: reader
            namespace: tests.states
            tasks:
              - id: shared
                type: io.kestra.plugin.core.state.Get
                name: shared
                namespace: true
                taskrunValue: false
              - id: others
                type: io.kestra.plugin.core.state.Get
                name: per-value
              - id: drop
                type: io.kestra.plugin.core.state.Delete
                name: shared
                namespace: true
                taskrunValue: false
              - id: drop_again
                type: io.kestra.plugin.core.state.Delete
                name: shared
                namespace: true
                taskrunValue: false
            """);

        Assert.True(writer.ExitCode == 0, writer.Error);
        Assert.True(reader.ExitCode == 0, reader.Error);
        Assert.Equal(["a", "b"], reader.OutputOf("shared", "data").EnumerateObject().Select(p => p.Name).Order());
        // Another flow's per-flow state is not this flow's.
        Assert.Equal(0, reader.OutputOf("others", "count").GetInt64());
        Assert.True(reader.OutputOf("drop", "deleted").GetBoolean());
        Assert.False(reader.OutputOf("drop_again", "deleted").GetBoolean());
    }

    [Fact]
    public void GetAndDeleteWithErrorOnMissing_FailSayingTheStateDoesNotExist_AndABadNameIsRefused()
    {
        using var runs = new FlowRuns();

        var get = runs.Run("""
            id: strict
            namespace: tests.states
            tasks:
              - id: get
                type: io.kestra.plugin.core.state.Get
                name: never-set
                errorOnMissing: true
            """);
        var badName = runs.Run("""
            id: strict
            namespace: tests.states
            tasks:
              - id: set
                type: io.kestra.plugin.core.state.Set
                name: "../escape"
                data:
                  a: 1
            """);

        Assert.Equal(1, get.ExitCode);
        Assert.Contains(get.LogMessages, m => m.Contains("there is no state 'never-set' for this flow yet", StringComparison.Ordinal));
        Assert.Equal(1, badName.ExitCode);
        Assert.Contains(badName.LogMessages, m => m.Contains("name '../escape' cannot name a state", StringComparison.Ordinal));
    }
}
