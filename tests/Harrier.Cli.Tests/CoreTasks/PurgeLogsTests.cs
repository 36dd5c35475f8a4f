using System.Text.Json;
using Harrier.Cli.Tests.Running;

namespace Harrier.Cli.Tests.CoreTasks;

/// <summary>
/// <c>log.PurgeLogs</c> through <c>harrier run</c>, over the logs earlier runs stored in the same data directory: what it
/// selects (execution, flow, namespace, levels, dates), what it keeps (other lines, in order; that they keep their sequences is LogPurgesContract's) and its count.
/// </summary>
public sealed class PurgeLogsTests
{
    private static string Job(string ns, string id) => $$$"""
        id: {{{id}}}
        namespace: {{{ns}}}
        tasks:
          - id: chatty
            type: io.kestra.plugin.core.log.Log
            message: [one, two, three]
          - id: failing
            type: io.kestra.plugin.core.log.Log
            level: ERROR
            message: something broke
          - id: debug
            type: io.kestra.plugin.core.log.Log
            level: WARN
            message: careful
        """;

    private static string Purger(string properties, string endDate = "{{ now() }}") => $$$"""
        id: purger
        namespace: tests.purging
        tasks:
          - id: purge
            type: io.kestra.plugin.core.log.PurgeLogs
            endDate: "{{{endDate}}}"
        {{{string.Join('\n', properties.Split('\n').Select(l => "    " + l))}}}
        """;

    private static List<(string Timestamp, string Level, string Message)> Logs(FlowRuns runs, RunResult run)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, HarrierCli.Run(["executions", "show", run.Json.GetProperty("id").GetString()!, "--json", "--logs", "--data-dir", runs.DataDirectory], output, error));
        return [.. JsonDocument.Parse(output.ToString()).RootElement.GetProperty("logs").EnumerateArray()
            .Select(l => (l.GetProperty("timestamp").GetString()!, l.GetProperty("level").GetString()!, l.GetProperty("message").GetString()!))];
    }

    [Fact]
    public void PurgingTheInfoLinesOfOneExecution_KeepsItsOtherLinesInOrder_AndOtherExecutionsWhole()
    {
        using var runs = new FlowRuns();
        var target = runs.Run(Job("tests.logs", "daily"));
        var other = runs.Run(Job("tests.logs", "daily"));
        var before = Logs(runs, target);
        var otherBefore = Logs(runs, other);

        var result = runs.Run(Purger($"executionId: {target.Json.GetProperty("id").GetString()}\nlogLevels: [INFO, DEBUG]"));

        Assert.True(result.ExitCode == 0, result.Error);
        var infos = before.Count(l => l.Level == "INFO");
        Assert.True(infos >= 3, string.Join('\n', before));
        Assert.Equal(infos, result.OutputOf("purge", "count").GetInt64());
        Assert.Equal(0, result.OutputOf("purge", "nonExecutionLogsCount").GetInt64());
        Assert.Equal(before.Where(l => l.Level != "INFO"), Logs(runs, target));
        Assert.Contains(Logs(runs, target), l => l.Message == "something broke");
        Assert.Equal(otherBefore, Logs(runs, other));
    }

    [Fact]
    public void PurgingAFlow_TakesOnlyItsLines_AndAnEndDateBeforeThemTakesNothing()
    {
        using var runs = new FlowRuns();
        var daily = runs.Run(Job("tests.logs", "daily"));
        var weekly = runs.Run(Job("tests.logs", "weekly"));
        var lookAlike = runs.Run(Job("tests.logsx", "daily"));

        var none = runs.Run(Purger("namespace: tests.logs", endDate: "{{ now() | dateAdd(-1, 'HOURS') }}"));
        var flow = runs.Run(Purger("namespace: tests.logs\nflowId: daily\nstartDate: \"{{ now() | dateAdd(-1, 'HOURS') }}\""));

        Assert.True(none.ExitCode == 0, none.Error);
        Assert.Equal(0, none.OutputOf("purge", "count").GetInt64());
        Assert.True(flow.ExitCode == 0, flow.Error);
        Assert.True(flow.OutputOf("purge", "count").GetInt64() >= 5, flow.TaskRun("purge").ToString());
        Assert.Empty(Logs(runs, daily));
        Assert.NotEmpty(Logs(runs, weekly));
        Assert.NotEmpty(Logs(runs, lookAlike));
    }

    [Fact]
    public void AnUnknownLogLevel_FailsTheTaskSayingWhich_AndPurgesNothing()
    {
        using var runs = new FlowRuns();
        var earlier = runs.Run(Job("tests.logs", "daily"));
        var lines = Logs(runs, earlier);

        var result = runs.Run(Purger("logLevels: [VERBOSE]"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.LogMessages, m => m.Contains("logLevels holds 'VERBOSE'", StringComparison.Ordinal));
        Assert.Equal(lines, Logs(runs, earlier));
    }
}
