using System.Text.Json.Nodes;
using Harrier.TestKit.Support;
using Xunit;

namespace Harrier.Persistence.Postgres.Tests.Server;

/// <summary>
/// Worker groups across processes on one PostgreSQL database: a task's <c>workerGroup.key</c> sends it to the workers
/// started with <c>--group KEY</c>, other tasks to workers without a group; with no live worker in the group, the task's
/// <c>fallback</c> (Kestra EE's FAIL, CANCEL, WAIT) decides, and says so in the task run's logs.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class WorkerGroupTests(PostgresCluster cluster)
{
    private const string Routed = """
        id: routed
        namespace: pg.groups
        tasks:
          - id: anywhere
            type: io.kestra.plugin.core.log.Log
            message: no group
          - id: ongpu
            type: io.kestra.plugin.core.log.Log
            message: gpu group
            workerGroup:
              key: gpu
        """;

    private static string Fallback(string id, string fallback) => $"""
        id: {id}
        namespace: pg.groups
        tasks:
          - id: ongpu
            type: io.kestra.plugin.core.log.Log
            message: ran on a gpu worker
            workerGroup:
              key: gpu
        {(fallback.Length == 0 ? "" : $"      fallback: {fallback}")}
        """;

    [Fact]
    public async Task ATaskWithAWorkerGroup_RunsOnlyOnTheWorkerOfThatGroup_AndATaskWithoutOneOnlyOnTheWorkerWithoutAGroup()
    {
        using var folder = new TempDirectory();
        var config = await RoleProcess.WriteConfigAsync(folder.Path, cluster.Url(await cluster.CreateDatabaseAsync()), "PT30S");
        using var executor = await RoleProcess.StartAsync(folder.Path, config, "executor");
        using var web = await RoleProcess.StartAsync(folder.Path, config, "webserver");
        using var plain = await RoleProcess.StartAsync(folder.Path, config, "worker", "--slots", "2");
        using var gpu = await RoleProcess.StartAsync(folder.Path, config, "worker", "--slots", "2", "--group", "gpu");
        using var scheduler = await RoleProcess.StartAsync(folder.Path, config, "scheduler");
        Assert.Equal("""{"status":"UP","roles":["executor"]}""", (await executor.HealthAsync()).ToJsonString());
        Assert.Equal("""{"status":"UP","roles":["webserver"]}""", (await web.HealthAsync()).ToJsonString());
        Assert.Equal("""{"status":"UP","roles":["worker"]}""", (await plain.HealthAsync()).ToJsonString());
        Assert.Equal("""{"status":"UP","roles":["worker"],"workerGroup":"gpu"}""", (await gpu.HealthAsync()).ToJsonString());
        Assert.Equal("""{"status":"UP","roles":["scheduler"]}""", (await scheduler.HealthAsync()).ToJsonString());
        var processes = JsonNode.Parse(await web.Http.GetStringAsync("workers"))!.AsArray();
        Assert.Equal(
            [(executor.Pid, "executor", null, true), (web.Pid, "webserver", null, true), (plain.Pid, "worker", null, true), (gpu.Pid, "worker", "gpu", true), (scheduler.Pid, "scheduler", null, true)],
            processes.Select(p => (p!["pid"]!.GetValue<int>(), p["kind"]!.GetValue<string>(), p["workerGroup"]?.GetValue<string>(), p["alive"]!.GetValue<bool>())).OrderBy(p => p.Item1 == executor.Pid ? 0 : p.Item1 == web.Pid ? 1 : p.Item1 == plain.Pid ? 2 : p.Item1 == gpu.Pid ? 3 : 4));
        var metrics = await web.Http.GetStringAsync(new Uri(web.Address, "/metrics"));
        Assert.Contains("harrier_workers{group=\"gpu\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("harrier_workers{group=\"\"} 1", metrics, StringComparison.Ordinal);
        await web.DeployAsync(Routed);

        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await web.StartExecutionAsync("pg.groups", "routed"));
        }

        foreach (var id in ids)
        {
            var ended = await web.WaitForEndAsync(id, TimeSpan.FromSeconds(60));
            Assert.Equal("SUCCESS", ended["state"]!["current"]!.GetValue<string>());
            Assert.Equal([plain.Pid], Attempts(ended, "anywhere").Select(a => RoleProcess.WorkerPid(a!)));
            Assert.Equal([gpu.Pid], Attempts(ended, "ongpu").Select(a => RoleProcess.WorkerPid(a!)));
        }
    }

    [Fact]
    public async Task AGroupWithoutALiveWorker_FailsCancelsOrKeepsItsTaskWaiting_AsItsFallbackSays_AndLogsWhy()
    {
        using var folder = new TempDirectory();
        var config = await RoleProcess.WriteConfigAsync(folder.Path, cluster.Url(await cluster.CreateDatabaseAsync()), "PT30S");
        using var executor = await RoleProcess.StartAsync(folder.Path, config, "executor");
        using var web = await RoleProcess.StartAsync(folder.Path, config, "webserver");
        using var plain = await RoleProcess.StartAsync(folder.Path, config, "worker");
        await web.DeployAsync(Fallback("fails", "FAIL"));
        await web.DeployAsync(Fallback("cancels", "CANCEL"));
        await web.DeployAsync(Fallback("waits", ""));

        var fails = await web.StartExecutionAsync("pg.groups", "fails");
        var cancels = await web.StartExecutionAsync("pg.groups", "cancels");
        var waits = await web.StartExecutionAsync("pg.groups", "waits");

        var failed = await web.WaitForEndAsync(fails, TimeSpan.FromSeconds(60));
        Assert.Equal(("FAILED", "FAILED"), (failed["state"]!["current"]!.GetValue<string>(), TaskState(failed, "ongpu")));
        Assert.Contains("No workers are available for worker group 'gpu', failing the task.", await web.LogMessagesAsync(fails));
        var cancelled = await web.WaitForEndAsync(cancels, TimeSpan.FromSeconds(60));
        Assert.Equal("CANCELLED", TaskState(cancelled, "ongpu"));
        Assert.Contains("No workers are available for worker group 'gpu', canceling the task.", await web.LogMessagesAsync(cancels));
        await WaitForLogAsync(web, waits, "No workers are available for worker group 'gpu', waiting for one to be available.");
        var waiting = await web.ExecutionAsync(waits);
        Assert.Equal(("RUNNING", 0), (waiting["state"]!["current"]!.GetValue<string>(), Attempts(waiting, "ongpu").Count));

        // A worker of the group comes up: the waiting task runs on it.
        using var gpu = await RoleProcess.StartAsync(folder.Path, config, "worker", "--group", "gpu");
        var ended = await web.WaitForEndAsync(waits, TimeSpan.FromSeconds(60));
        Assert.Equal("SUCCESS", ended["state"]!["current"]!.GetValue<string>());
        Assert.Equal([gpu.Pid], Attempts(ended, "ongpu").Select(a => RoleProcess.WorkerPid(a!)));
        Assert.Single(await web.LogMessagesAsync(waits), m => m.StartsWith("No workers are available", StringComparison.Ordinal));
    }

    private static JsonArray Attempts(JsonNode execution, string taskId) =>
        Run(execution, taskId)?["attempts"]?.AsArray() ?? [];

    private static string? TaskState(JsonNode execution, string taskId) => Run(execution, taskId)?["state"]!["current"]!.GetValue<string>();

    private static JsonNode? Run(JsonNode execution, string taskId) =>
        execution["taskRunList"]?.AsArray().FirstOrDefault(t => t!["taskId"]!.GetValue<string>() == taskId);

    private static async Task WaitForLogAsync(RoleProcess web, string id, string message)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!(await web.LogMessagesAsync(id)).Contains(message))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no log line '{message}' within 60 s");
            await Task.Delay(50);
        }
    }
}
