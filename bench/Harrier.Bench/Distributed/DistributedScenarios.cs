using System.Diagnostics;
using System.Text.Json.Nodes;
using Harrier.Bench.Server;

namespace Harrier.Bench.Distributed;

/// <summary>
/// The measurements of the distributed scenarios (issue 18), each on fresh processes and a fresh database (started
/// untimed): throughput with N worker processes, queue latency, a queue of executions drained by workers started after it
/// filled. Every run checks what it measured: each execution ended SUCCESS, each task ran in exactly one attempt.
/// </summary>
public sealed class DistributedScenarios(string harrierPath, string workDirectory)
{
    private const int Clients = 8;

    /// <summary>Worker slots per worker process (the default on this 2-core class of machine).</summary>
    public const int SlotsPerWorker = 2;

    private string Folder(string kind) => Path.Combine(workDirectory, kind + "-" + Guid.NewGuid().ToString("N"));

    /// <summary>
    /// <paramref name="executions"/> executions of the one-shell flow through the webserver, <paramref name="workers"/>
    /// worker processes on PostgreSQL, timed from the first request to the end of the last (after a warm-up batch).
    /// </summary>
    public async Task<(double Milliseconds, long PeakRssKb)> PostgresThroughputAsync(int workers, int executions)
    {
        using var set = await RoleSet.StartAsync(harrierPath, Folder("pg-workers"), workers, SlotsPerWorker);
        return (await TimedLoadAsync(set.Web.Http, executions), set.PeakRssKb());
    }

    /// <summary>The same load on one SQLite standalone server with as many slots as the workers have together.</summary>
    public async Task<(double Milliseconds, long PeakRssKb)> SqliteThroughputAsync(int slots, int executions)
    {
        using var server = await BenchServer.StartAsync(harrierPath, Path.Combine(Folder("sqlite"), "data"), slots);
        return (await TimedLoadAsync(server.Http, executions), server.MemoryKb().Peak);
    }

    private static async Task<double> TimedLoadAsync(HttpClient http, int executions)
    {
        await ServerFlows.DeployAsync(http, ServerFlows.OneShell);
        var warmUp = Math.Max(Clients, executions / 10);
        await ServerScenarios.SubmitAsync(http, warmUp, Clients, ServerFlows.OneShellId);
        await ServerScenarios.WaitForAllAsync(http, warmUp);
        var clock = Stopwatch.StartNew();
        await ServerScenarios.SubmitAsync(http, executions, Clients, ServerFlows.OneShellId);
        await ServerScenarios.WaitForAllAsync(http, warmUp + executions);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        await ExecutionCheck.EveryTaskOnceAsync(http, warmUp + executions);
        return elapsed;
    }

    /// <summary>
    /// Queue latency: <paramref name="executions"/> sequential one-Log executions (<c>?wait=true</c>, so the worker is idle
    /// when each job arrives); per execution, the task run's creation (the executor planned it, just before the commit that
    /// enqueues its job) to its first attempt's start (a worker claimed it). On PostgreSQL separate processes, woken by NOTIFY.
    /// </summary>
    public async Task<(IReadOnlyList<double> Latencies, long PeakRssKb)> PostgresQueueLatencyAsync(int executions)
    {
        using var set = await RoleSet.StartAsync(harrierPath, Folder("pg-latency"), workers: 1, SlotsPerWorker);
        return (await QueueLatenciesAsync(set.Web.Http, executions), set.PeakRssKb());
    }

    /// <summary>The same on a SQLite standalone server (executor and worker in one process, woken in memory).</summary>
    public async Task<(IReadOnlyList<double> Latencies, long PeakRssKb)> SqliteQueueLatencyAsync(int executions)
    {
        using var server = await BenchServer.StartAsync(harrierPath, Path.Combine(Folder("sqlite-latency"), "data"), SlotsPerWorker);
        return (await QueueLatenciesAsync(server.Http, executions), server.MemoryKb().Peak);
    }

    private static async Task<IReadOnlyList<double>> QueueLatenciesAsync(HttpClient http, int executions)
    {
        await ServerFlows.DeployAsync(http, ServerFlows.OneLog);
        for (var i = 0; i < 20; i++)
        {
            await WaitedLatencyAsync(http);
        }

        var latencies = new List<double>(executions);
        for (var i = 0; i < executions; i++)
        {
            latencies.Add(await WaitedLatencyAsync(http));
        }

        return latencies;
    }

    private static async Task<double> WaitedLatencyAsync(HttpClient http)
    {
        using var response = await http.PostAsync($"executions/{ServerFlows.Namespace}/{ServerFlows.OneLogId}?wait=true", null);
        var execution = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (execution["state"]?["current"]?.GetValue<string>() != "SUCCESS")
        {
            throw new InvalidOperationException($"an execution waited for did not end SUCCESS: {execution.ToJsonString()}");
        }

        var run = execution["taskRunList"]!.AsArray().Single()!;
        var created = run["state"]!["histories"]!.AsArray().First(h => h!["state"]!.GetValue<string>() == "CREATED")!["date"]!.GetValue<DateTimeOffset>();
        var started = run["attempts"]!.AsArray().Single()!["state"]!["startDate"]!.GetValue<DateTimeOffset>();
        return (started - created).TotalMilliseconds;
    }

    /// <summary>
    /// <paramref name="executions"/> executions of the one-Log flow submitted while no worker runs (the executor plans
    /// them all: that many jobs wait in the queue), then <paramref name="workers"/> workers start and drain it, timed from
    /// their start to the last end. Memory of each worker is read when a tenth has ended and at the end.
    /// </summary>
    public async Task<DrainResult> DrainAsync(int executions, int workers)
    {
        using var set = await RoleSet.StartAsync(harrierPath, Folder("pg-drain"), workers: 0, SlotsPerWorker);
        await ServerFlows.DeployAsync(set.Web.Http, ServerFlows.OneLog);
        await ServerScenarios.SubmitAsync(set.Web.Http, executions, Clients);
        await QueueDepth.WaitForWaitingJobsAsync(set.Web, executions);
        var clock = Stopwatch.StartNew();
        await set.AddWorkersAsync(workers, SlotsPerWorker);
        await ServerScenarios.WaitForAllAsync(set.Web.Http, executions / 10);
        var early = set.Workers.Select(w => w.MemoryKb().Current).ToList();
        await ServerScenarios.WaitForAllAsync(set.Web.Http, executions);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var late = set.Workers.Select(w => w.MemoryKb().Current).ToList();
        await ExecutionCheck.EveryTaskOnceAsync(set.Web.Http, executions);
        return new DrainResult(elapsed, set.PeakRssKb(), early, late, set.Executor.MemoryKb().Current, set.Web.MemoryKb().Current);
    }

    public sealed record DrainResult(double Milliseconds, long PeakRssKb, IReadOnlyList<long> WorkerRssEarlyKb, IReadOnlyList<long> WorkerRssLateKb, long ExecutorRssKb, long WebRssKb);
}
