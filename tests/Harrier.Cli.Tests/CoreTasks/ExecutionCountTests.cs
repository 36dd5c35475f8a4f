using Harrier.Cli.Tests.Running;

namespace Harrier.Cli.Tests.CoreTasks;

/// <summary><c>execution.Count</c> through <c>harrier run</c>, over the executions earlier runs stored in the same data directory.</summary>
public sealed class ExecutionCountTests
{
    private static string Job(string id, bool fail = false) => $$$"""
        id: {{{id}}}
        namespace: tests.counted
        tasks:
          - id: work
            type: {{{(fail ? "io.kestra.plugin.core.execution.Fail" : "io.kestra.plugin.core.log.Log")}}}
            {{{(fail ? "errorMessage" : "message")}}}: working
        """;

    private static string Counter(string expression, string extra = "") => $$$"""
        id: counter
        namespace: tests.counting
        tasks:
          - id: counts
            type: io.kestra.plugin.core.execution.Count
            startDate: "{{ now() | dateAdd(-1, 'HOURS') }}"
            expression: "{{{expression}}}"
            flows:
              - namespace: tests.counted
                flowId: daily
              - namespace: tests.counted
                flowId: never
        {{{extra}}}
        """;

    [Fact]
    public void Count_GivesEachListedFlowsCount_ZeroIncluded_AndKeepsThoseMatchingTheExpression()
    {
        using var runs = new FlowRuns();
        runs.Run(Job("daily"));
        runs.Run(Job("daily"));

        var all = runs.Run(Counter("{{ count >= 0 }}"));
        var silent = runs.Run(Counter("{{ count == 0 }}"));

        Assert.True(all.ExitCode == 0, all.Error);
        var outputs = all.TaskRun("counts").GetProperty("outputs");
        Assert.Equal(2, outputs.GetProperty("total").GetInt64());
        Assert.Equal(["daily=2", "never=0"], outputs.GetProperty("results").EnumerateArray().Select(r => $"{r.GetProperty("flowId").GetString()}={r.GetProperty("count").GetInt64()}"));
        var kept = Assert.Single(silent.TaskRun("counts").GetProperty("outputs").GetProperty("results").EnumerateArray());
        Assert.Equal("never", kept.GetProperty("flowId").GetString());
    }

    [Fact]
    public void Count_ByNamespace_AndState_CountsOnlyExecutionsInThoseStates()
    {
        using var runs = new FlowRuns();
        runs.Run(Job("daily"));
        runs.Run(Job("broken", fail: true));

        var result = runs.Run("""
            id: counter
            namespace: tests.counting
            tasks:
              - id: counts
                type: io.kestra.plugin.core.execution.Count
                startDate: "{{ now() | dateAdd(-1, 'HOURS') }}"
                expression: "{{ count > 0 }}"
                namespaces: [tests.counted]
                states: [FAILED]
            """);

        Assert.True(result.ExitCode == 0, result.Error);
        var kept = Assert.Single(result.TaskRun("counts").GetProperty("outputs").GetProperty("results").EnumerateArray());
        Assert.Equal("broken", kept.GetProperty("flowId").GetString());
    }

    [Fact]
    public void Count_WithoutFlowsOrNamespaces_FailsSayingWhatToSet()
    {
        using var runs = new FlowRuns();

        var result = runs.Run("""
            id: counter
            namespace: tests.counting
            tasks:
              - id: counts
                type: io.kestra.plugin.core.execution.Count
                startDate: "{{ now() }}"
                expression: "{{ count > 0 }}"
            """);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.LogMessages, m => m.Contains("set flows (a list of {namespace, flowId}) or namespaces", StringComparison.Ordinal));
    }
}
