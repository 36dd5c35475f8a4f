using System.Text.Json;

namespace Harrier.Cli.Tests.Running;

/// <summary>The stable JSON printed by <c>harrier run --json</c>.</summary>
public sealed class RunCommandJsonTests
{
    private const string Flow = """
        id: shape
        namespace: company.team
        inputs:
          - id: n
            type: INT
            defaults: 1
        tasks:
          - id: say
            type: io.kestra.plugin.core.log.Log
            message: hi
          - id: ret
            type: io.kestra.plugin.core.debug.Return
            format: "{{ inputs.n }}"
        """;

    private static IEnumerable<string> Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name);

    [Fact]
    public void Json_IsOneObjectOnStdout_WithTheExecutionItsTaskRunsAndLogs()
    {
        using var runs = new FlowRuns();

        var result = runs.Run(Flow);

        var json = result.Json;
        Assert.Equal(JsonValueKind.Object, json.ValueKind);
        Assert.Superset(new HashSet<string>(["id", "namespace", "flowId", "state", "inputs", "outputs", "taskRuns", "logs"]), Names(json).ToHashSet());
        Assert.Equal("company.team", json.GetProperty("namespace").GetString());
        Assert.Equal("shape", json.GetProperty("flowId").GetString());
        Assert.Equal(1, json.GetProperty("inputs").GetProperty("n").GetInt64());
        var run = result.TaskRun("ret");
        Assert.Superset(new HashSet<string>(["id", "taskId", "parentTaskRunId", "value", "state", "attempts", "outputs", "metrics"]), Names(run).ToHashSet());
        Assert.Equal("SUCCESS", Assert.Single(run.GetProperty("attempts").EnumerateArray()).GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Array, run.GetProperty("metrics").ValueKind);
        var log = Assert.Single(result.Logs);
        Assert.Equal(["taskId", "taskRunId", "level", "message", "timestamp"], Names(log));
        Assert.Equal("say", log.GetProperty("taskId").GetString());
        Assert.Equal(result.TaskRun("say").GetProperty("id").GetString(), log.GetProperty("taskRunId").GetString());
        Assert.Equal("INFO", log.GetProperty("level").GetString());
        Assert.Equal("hi", log.GetProperty("message").GetString());
        Assert.True(log.GetProperty("timestamp").TryGetDateTimeOffset(out _));
    }

    [Fact]
    public void Json_WithoutLogs_HasNoLogs_AndStdoutHoldsNothingElse()
    {
        using var runs = new FlowRuns();
        var file = runs.File("flow.yml", Flow);

        var result = runs.RunFile(file, "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.False(result.Json.TryGetProperty("logs", out _));
        Assert.Equal("SUCCESS", result.State);
        Assert.Contains("hi", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutJson_RunPrintsLogsAndASummary()
    {
        using var runs = new FlowRuns();
        var file = runs.File("flow.yml", Flow);

        var result = runs.RunFile(file);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(" say hi", result.Output, StringComparison.Ordinal);
        Assert.Contains("SUCCESS", result.Output, StringComparison.Ordinal);
    }
}
