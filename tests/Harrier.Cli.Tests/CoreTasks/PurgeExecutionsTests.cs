using Harrier.Cli.Tests.Running;

namespace Harrier.Cli.Tests.CoreTasks;

/// <summary>
/// <c>execution.PurgeExecutions</c> through <c>harrier run</c>, over executions earlier runs stored in the same data
/// directory: what it selects (flow, namespace and its children, states, dates), what it deletes with each execution (log
/// lines, files), what it keeps, and the options Harrier cannot honour.
/// </summary>
public sealed class PurgeExecutionsTests
{
    private static string Job(string ns, string id, bool fail = false) => $$$"""
        id: {{{id}}}
        namespace: {{{ns}}}
        tasks:
          - id: work
            type: io.kestra.plugin.scripts.shell.Commands
            outputFiles: [kept.txt]
            commands:
              - echo working
              - echo content > kept.txt
              - {{{(fail ? "exit 1" : "true")}}}
        """;

    private static string Purger(string properties, string endDate = "{{ now() }}") => $$$"""
        id: purger
        namespace: tests.purging
        tasks:
          - id: purge
            type: io.kestra.plugin.core.execution.PurgeExecutions
            endDate: "{{{endDate}}}"
        {{{string.Join('\n', properties.Split('\n').Select(l => "    " + l))}}}
        """;

    /// <summary>The exit code of <c>harrier executions show</c> of the run's execution: 0 while it is stored.</summary>
    private static int Show(FlowRuns runs, RunResult run)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        return HarrierCli.Run(["executions", "show", run.Json.GetProperty("id").GetString()!, "--data-dir", runs.DataDirectory], output, error);
    }

    [Fact]
    public void PurgingOneFlow_DeletesItsEndedExecutionsWithTheirLogsAndFiles_AndKeepsOtherFlows()
    {
        using var runs = new FlowRuns();
        var first = runs.Run(Job("tests.purged", "daily"));
        runs.Run(Job("tests.purged", "daily"));
        var other = runs.Run(Job("tests.purged", "weekly"));
        var storage = Path.Combine(runs.DataDirectory, "storage", "files", "tests", "purged", "daily");
        Assert.True(Directory.Exists(storage), "the daily runs stored their output files");

        var result = runs.Run(Purger("namespace: tests.purged\nflowId: daily"));

        Assert.True(result.ExitCode == 0, result.Error);
        var outputs = result.TaskRun("purge").GetProperty("outputs");
        Assert.Equal(2, outputs.GetProperty("executionsCount").GetInt32());
        Assert.Equal(2, outputs.GetProperty("storagesCount").GetInt32());
        Assert.True(outputs.GetProperty("logsCount").GetInt64() >= 2, outputs.ToString());
        Assert.NotEqual(0, Show(runs, first));
        Assert.Empty(Directory.EnumerateFiles(storage, "*", SearchOption.AllDirectories));
        Assert.Equal(0, Show(runs, other));
    }

    [Fact]
    public void PurgingANamespace_TakesItsChildren_NotItsLookAlikes_AndOnlyTheStatesGiven()
    {
        using var runs = new FlowRuns();
        var failedChild = runs.Run(Job("tests.ns.child", "job", fail: true));
        var succeededChild = runs.Run(Job("tests.ns.child", "job"));
        var lookAlike = runs.Run(Job("tests.nsx", "job", fail: true));

        var result = runs.Run(Purger("namespace: tests.ns\nstates: [FAILED]\npurgeStorage: false"));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(1, result.TaskRun("purge").GetProperty("outputs").GetProperty("executionsCount").GetInt32());
        Assert.NotEqual(0, Show(runs, failedChild));
        Assert.Equal(0, Show(runs, succeededChild));
        Assert.Equal(0, Show(runs, lookAlike));
    }

    [Fact]
    public void AnEndDateBeforeTheExecutionsEnded_PurgesNothing_AndTheRunningPurgerIsNeverItsOwnVictim()
    {
        using var runs = new FlowRuns();
        var earlier = runs.Run(Job("tests.purged", "daily"));

        var none = runs.Run(Purger("namespace: tests.purged", endDate: "{{ now() | dateAdd(-1, 'HOURS') }}"));
        var everything = runs.Run(Purger(""));

        Assert.True(none.ExitCode == 0, none.Error);
        Assert.Equal(0, none.TaskRun("purge").GetProperty("outputs").GetProperty("executionsCount").GetInt32());
        // Every namespace: the earlier job and the first purger are purged; the purger running is not (it has not ended).
        Assert.True(everything.ExitCode == 0, everything.Error);
        Assert.Equal(2, everything.TaskRun("purge").GetProperty("outputs").GetProperty("executionsCount").GetInt32());
        Assert.NotEqual(0, Show(runs, earlier));
        Assert.Equal(0, Show(runs, everything));
    }

    [Fact]
    public void OptionsHarrierCannotHonour_FailTheTaskSayingWhy_AndPurgeNothing()
    {
        using var runs = new FlowRuns();
        var earlier = runs.Run(Job("tests.purged", "daily"));

        var keepMetrics = runs.Run(Purger("purgeMetric: false"));
        var onlyLogs = runs.Run(Purger("purgeExecution: false"));
        var noNamespace = runs.Run(Purger("flowId: daily"));

        Assert.Contains(keepMetrics.LogMessages, m => m.Contains("purgeMetric: false is not supported by Harrier", StringComparison.Ordinal));
        Assert.Contains(onlyLogs.LogMessages, m => m.Contains("purgeExecution: false with purgeLog or purgeStorage is not supported", StringComparison.Ordinal));
        Assert.Contains(noNamespace.LogMessages, m => m.Contains("flowId needs namespace", StringComparison.Ordinal));
        Assert.All([keepMetrics, onlyLogs, noNamespace], r => Assert.Equal(1, r.ExitCode));
        Assert.Equal(0, Show(runs, earlier));
    }
}
