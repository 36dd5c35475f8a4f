using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Harrier.TestKit.Support;
using Xunit;
using Xunit.Abstractions;

namespace Harrier.Persistence.Postgres.Tests.Server;

/// <summary>
/// Two <c>server executor</c> processes on one PostgreSQL database planning the same executions under load (with a
/// webserver and two workers): they never plan one execution twice — every task runs exactly once, in one attempt — and
/// when one executor is killed with SIGKILL mid-load, the other finishes every execution, within the executor lease.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class ExecutorLossTests(PostgresCluster cluster, ITestOutputHelper output)
{
    private const int Executions = 40;
    private const int TasksPerExecution = 4;

    /// <summary>executor.leaseDuration: the execution a killed executor was planning is free again at most this long after.</summary>
    private static readonly TimeSpan ExecutorLease = TimeSpan.FromSeconds(2);

    // Each task appends "<execution> <task>" to the marks file: a task run twice (planned twice, or claimed twice) shows
    // as two lines.
    private static string Flow(string marks) =>
        "id: steps\nnamespace: pg.executors\ntasks:\n" + string.Concat(Enumerable.Range(1, TasksPerExecution).Select(i => $$$"""
              - id: t{{{i}}}
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - echo "{{ execution.id }} t{{{i}}}" >> '{{{marks}}}'

            """));

    [Fact]
    public async Task TwoExecutorsUnderLoad_NeverPlanAnExecutionTwice_AndWhenOneIsKilledTheOtherFinishesEveryExecution()
    {
        using var folder = new TempDirectory();
        var marks = Path.Combine(folder.Path, "marks");
        var config = Path.Combine(folder.Path, "harrier.yml");
        await File.WriteAllTextAsync(config, $"""
            database:
              type: postgres
              url: {cluster.Url(await cluster.CreateDatabaseAsync())}
            worker:
              leaseDuration: PT5S
            executor:
              leaseDuration: PT{ExecutorLease.TotalSeconds}S
            """);
        using var web = await RoleProcess.StartAsync(folder.Path, config, "webserver");
        using var first = await RoleProcess.StartAsync(folder.Path, config, "executor");
        using var second = await RoleProcess.StartAsync(folder.Path, config, "executor");
        using var workerA = await RoleProcess.StartAsync(folder.Path, config, "worker", "--slots", "4");
        using var workerB = await RoleProcess.StartAsync(folder.Path, config, "worker", "--slots", "4");
        await web.DeployAsync(Flow(marks));

        var ids = await Task.WhenAll(Enumerable.Range(0, Executions).Select(_ => web.StartExecutionAsync("pg.executors", "steps")));
        // Kill one executor once a quarter of the tasks ran: both are planning then (each has committed passes), and
        // most executions are mid-way, some of them in the killed executor's hands.
        await WaitForMarksAsync(marks, Executions * TasksPerExecution / 4);
        var passesBeforeKill = (First: await PlanningPassesAsync(first), Second: await PlanningPassesAsync(second));
        var sinceKill = Stopwatch.StartNew();
        first.Process.KillHard();

        foreach (var id in ids)
        {
            var ended = await web.WaitForEndAsync(id, TimeSpan.FromSeconds(90));
            Assert.Equal("SUCCESS", ended["state"]!["current"]!.GetValue<string>());
            var runs = ended["taskRunList"]!.AsArray();
            Assert.Equal(TasksPerExecution, runs.Count);
            Assert.All(runs, run => Assert.Single(run!["attempts"]!.AsArray()));
        }

        var allEnded = sinceKill.Elapsed;
        output.WriteLine($"planning passes before the kill: {passesBeforeKill}; every execution ended {allEnded.TotalMilliseconds:F0} ms after it (executor lease {ExecutorLease.TotalSeconds} s)");
        Assert.True(passesBeforeKill.First > 0 && passesBeforeKill.Second > 0, $"both executors should plan under load: {passesBeforeKill}");
        var lines = await File.ReadAllLinesAsync(marks);
        Assert.Equal(Executions * TasksPerExecution, lines.Length);
        Assert.Equal(lines.Length, lines.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Equal(TasksPerExecution, lines.Count(l => l.StartsWith(id + " ", StringComparison.Ordinal))));
        // What remained after the kill is a few seconds of work for the survivor; an execution the killed executor held
        // waits at most the executor lease for it.
        Assert.True(allEnded < ExecutorLease + TimeSpan.FromSeconds(20), $"the executions took {allEnded} to end after the kill");
    }

    private static async Task WaitForMarksAsync(string marks, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!File.Exists(marks) || (await File.ReadAllLinesAsync(marks)).Length < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"fewer than {count} tasks ran within 60 s");
            await Task.Delay(10);
        }
    }

    /// <summary>The executor's harrier_planning_passes_total, from its /metrics.</summary>
    private static async Task<long> PlanningPassesAsync(RoleProcess executor)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var text = await http.GetStringAsync(new Uri(executor.Address, "/metrics"));
        return (long)double.Parse(PlanningPasses().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^harrier_planning_passes_total (\S+)$", RegexOptions.Multiline)]
    private static partial Regex PlanningPasses();
}
