using System.Diagnostics;
using System.Text.Json.Nodes;
using Harrier.TestKit.Support;
using Xunit;
using Xunit.Abstractions;

namespace Harrier.Persistence.Postgres.Tests.Server;

/// <summary>
/// Separate processes on one PostgreSQL database — <c>server executor</c>, <c>server webserver</c> and <c>server worker</c>s —
/// losing a worker: killed with SIGKILL mid-task, its job runs again on the other worker once its lease expires; stopped
/// with SIGTERM, it finishes what it runs and claims nothing more.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class WorkerLossTests(PostgresCluster cluster, ITestOutputHelper output)
{
    /// <summary>The workers' lease (worker.leaseDuration): a dead worker's job is claimable again at most this long after its death.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);

    private const string Flow = """
        id: sleepy
        namespace: pg.roles
        tasks:
          - id: nap
            type: io.kestra.plugin.scripts.shell.Commands
            commands:
              - echo started
              - sleep 4
              - echo finished
          - id: after
            type: io.kestra.plugin.core.log.Log
            message: after the nap
        """;

    [Fact]
    public async Task AWorkerKilledMidTask_ItsTaskRunsAgainOnTheOtherWorkerOnceTheLeaseExpires_AndTheExecutionSucceeds()
    {
        using var folder = new TempDirectory();
        var config = await RoleProcess.WriteConfigAsync(folder.Path, cluster.Url(await cluster.CreateDatabaseAsync()), "PT3S");
        using var executor = await RoleProcess.StartAsync(folder.Path, config, "executor");
        using var web = await RoleProcess.StartAsync(folder.Path, config, "webserver");
        using var first = await RoleProcess.StartAsync(folder.Path, config, "worker", "--slots", "1");
        using var second = await RoleProcess.StartAsync(folder.Path, config, "worker", "--slots", "1");
        await web.DeployAsync(Flow);

        var id = await web.StartExecutionAsync("pg.roles", "sleepy");
        await WaitForLogAsync(web, id, "started");
        var running = Attempts(await web.ExecutionAsync(id), "nap");
        var victim = RoleProcess.WorkerPid(running[0]!) == first.Pid ? first : second;
        var survivor = victim == first ? second : first;
        var sinceKill = Stopwatch.StartNew();
        victim.Process.KillHard();
        while (Attempts(await web.ExecutionAsync(id), "nap").Count < 2)
        {
            Assert.True(sinceKill.Elapsed < TimeSpan.FromSeconds(30), "the task did not run again within 30 s of its worker's death");
            await Task.Delay(20);
        }

        var rerunAfter = sinceKill.Elapsed;
        output.WriteLine($"the task ran again {rerunAfter.TotalMilliseconds:F0} ms after its worker was killed (lease {Lease.TotalSeconds} s)");
        var ended = await web.WaitForEndAsync(id, TimeSpan.FromSeconds(60));

        Assert.Equal("SUCCESS", ended["state"]!["current"]!.GetValue<string>());
        var attempts = Attempts(ended, "nap");
        Assert.Equal(
            [("KILLED", victim.Pid), ("SUCCESS", survivor.Pid)],
            attempts.Select(a => (a!["state"]!["current"]!.GetValue<string>(), RoleProcess.WorkerPid(a))));
        // The job is claimable once the lease the dead worker last renewed (at most a third of a lease before its death)
        // expires; the idle worker sleeps until exactly then. One second on top for the claim and the API's reads.
        Assert.True(rerunAfter < Lease + TimeSpan.FromSeconds(1), $"the task ran again only {rerunAfter} after the kill (lease {Lease})");
        var messages = await web.LogMessagesAsync(id);
        Assert.Contains(messages, m => m.StartsWith("Attempt 1 was interrupted", StringComparison.Ordinal));
        // The lost attempt's line, stored before the kill, is kept next to the new attempt's.
        Assert.Equal(2, messages.Count(m => m == "started"));
        Assert.Equal(1, messages.Count(m => m == "finished"));
        // The dead worker is still registered (it could not leave), shown as not alive; ?all=false leaves it out.
        var all = JsonNode.Parse(await web.Http.GetStringAsync("workers"))!.AsArray();
        Assert.False(all.Single(p => p!["pid"]!.GetValue<int>() == victim.Pid)!["alive"]!.GetValue<bool>());
        var live = JsonNode.Parse(await web.Http.GetStringAsync("workers?all=false"))!.AsArray();
        Assert.DoesNotContain(live, p => p!["pid"]!.GetValue<int>() == victim.Pid);
    }

    [Fact]
    public async Task AWorkerStoppedWithSigterm_FinishesItsRunningTask_ClaimsNothingMore_AndExits()
    {
        using var folder = new TempDirectory();
        var config = await RoleProcess.WriteConfigAsync(folder.Path, cluster.Url(await cluster.CreateDatabaseAsync()), "PT3S");
        using var executor = await RoleProcess.StartAsync(folder.Path, config, "executor");
        using var web = await RoleProcess.StartAsync(folder.Path, config, "webserver");
        using var worker = await RoleProcess.StartAsync(folder.Path, config, "worker", "--slots", "2");
        await web.DeployAsync(Flow);
        var id = await web.StartExecutionAsync("pg.roles", "sleepy");
        await WaitForLogAsync(web, id, "started");

        worker.Process.Terminate();

        Assert.Equal(0, await worker.Process.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var execution = await web.ExecutionAsync(id);
        Assert.Equal([("SUCCESS", worker.Pid)], Attempts(execution, "nap").Select(a => (a!["state"]!["current"]!.GetValue<string>(), RoleProcess.WorkerPid(a!))));
        Assert.Contains("finished", await web.LogMessagesAsync(id));
        // The next task was queued while the worker drained: it waits for another worker instead.
        Assert.Equal("RUNNING", execution["state"]!["current"]!.GetValue<string>());
        using var next = await RoleProcess.StartAsync(folder.Path, config, "worker");
        var ended = await web.WaitForEndAsync(id, TimeSpan.FromSeconds(60));
        Assert.Equal("SUCCESS", ended["state"]!["current"]!.GetValue<string>());
        Assert.Equal([next.Pid], Attempts(ended, "after").Select(a => RoleProcess.WorkerPid(a!)));
    }

    [Fact]
    public async Task AWorkerKilledMidTask_WhatItsTaskStartedIsKilledByTheOtherWorkerOfItsMachine_WithoutAnExecutorSweepingThere()
    {
        using var folder = new TempDirectory();
        var url = cluster.Url(await cluster.CreateDatabaseAsync());
        var pidFile = Path.Combine(folder.Path, "sleep.pid");
        // The executor sweeps only at start here (its interval is an hour): the surviving worker's own sweep must do it.
        var executorConfig = Path.Combine(folder.Path, "executor.yml");
        await File.WriteAllTextAsync(executorConfig, $"database:\n  type: postgres\n  url: {url}\nserver:\n  recoveryInterval: PT1H\n");
        var workerConfig = Path.Combine(folder.Path, "worker.yml");
        await File.WriteAllTextAsync(workerConfig, $"database:\n  type: postgres\n  url: {url}\nworker:\n  leaseDuration: PT30S\nserver:\n  recoveryInterval: PT1S\n");
        using var executor = await RoleProcess.StartAsync(folder.Path, executorConfig, "executor");
        using var web = await RoleProcess.StartAsync(folder.Path, executorConfig, "webserver");
        using var first = await RoleProcess.StartAsync(folder.Path, workerConfig, "worker", "--slots", "1");
        using var second = await RoleProcess.StartAsync(folder.Path, workerConfig, "worker", "--slots", "1");
        await web.DeployAsync($$"""
            id: spawner
            namespace: pg.roles
            tasks:
              - id: spawn
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - sleep 300 &
                  - echo $! > '{{pidFile}}'
                  - echo started
                  - wait
            """);

        var id = await web.StartExecutionAsync("pg.roles", "spawner");
        await WaitForLogAsync(web, id, "started");
        var sleeper = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var running = Attempts(await web.ExecutionAsync(id), "spawn");
        var victim = RoleProcess.WorkerPid(running[0]!) == first.Pid ? first : second;
        var sinceKill = Stopwatch.StartNew();
        victim.Process.KillHard();

        // SIGKILL takes the worker alone: the task's shell and its sleep live on, orphaned, until a sweep kills them.
        while (IsRunning(sleeper))
        {
            Assert.True(sinceKill.Elapsed < TimeSpan.FromSeconds(15), $"the dead worker's task process {sleeper} still runs 15 s after the kill");
            await Task.Delay(50);
        }

        output.WriteLine($"the dead worker's task process was killed {sinceKill.ElapsedMilliseconds} ms after the worker (sweep interval 1 s)");
        // Long before the 30 s lease let the task run again: nothing of the lost attempt can run beside its re-run.
        Assert.True(sinceKill.Elapsed < TimeSpan.FromSeconds(5), $"the sweep took {sinceKill.Elapsed}");
    }

    /// <summary>Whether a pid runs (a zombie waiting for its new parent to reap it counts as gone).</summary>
    private static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static JsonArray Attempts(JsonNode execution, string taskId) =>
        execution["taskRunList"]?.AsArray().FirstOrDefault(t => t!["taskId"]!.GetValue<string>() == taskId)?["attempts"]?.AsArray() ?? [];

    private static async Task WaitForLogAsync(RoleProcess web, string id, string message)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!(await web.LogMessagesAsync(id)).Contains(message))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no log line '{message}' within 60 s");
            await Task.Delay(20);
        }
    }
}
