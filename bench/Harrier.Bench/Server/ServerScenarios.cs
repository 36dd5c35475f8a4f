using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Harrier.Bench.Harness;

namespace Harrier.Bench.Server;

/// <summary>
/// The measurements of the server scenarios, each on a fresh server process (started untimed, except by start-up itself):
/// request latency of <c>POST …?wait=true</c>, sustained load by concurrent clients, live-log latency over SSE, start-up.
/// </summary>
public sealed class ServerScenarios(string harrierPath, string workDirectory)
{
    private string DataDirectory() => Path.Combine(workDirectory, "server-" + Guid.NewGuid().ToString("N"));

    /// <summary><paramref name="requests"/> sequential <c>POST ?wait=true</c> of a one-Log flow; returns every latency in ms.</summary>
    public async Task<(IReadOnlyList<double> Latencies, long PeakRssKb)> WaitLatencyAsync(int requests)
    {
        using var server = await BenchServer.StartAsync(harrierPath, DataDirectory());
        await ServerFlows.DeployAsync(server.Http, ServerFlows.OneLog);
        for (var i = 0; i < Math.Max(20, requests / 10); i++)
        {
            await ExecuteAsync(server.Http, wait: true);
        }

        var latencies = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            var clock = Stopwatch.StartNew();
            await ExecuteAsync(server.Http, wait: true);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
        }

        return (latencies, server.MemoryKb().Peak);
    }

    /// <summary>
    /// <paramref name="executions"/> executions submitted by <paramref name="clients"/> concurrent clients, timed from the
    /// first request to the end of the last execution; memory read after a warm-up batch and after the run.
    /// </summary>
    public async Task<(double Milliseconds, long RssAfterWarmUpKb, long RssAfterKb, long PeakRssKb)> LoadAsync(int executions, int clients)
    {
        using var server = await BenchServer.StartAsync(harrierPath, DataDirectory());
        await ServerFlows.DeployAsync(server.Http, ServerFlows.OneLog);
        await SubmitAsync(server.Http, Math.Max(clients, executions / 10), clients);
        await WaitForAllAsync(server.Http, Math.Max(clients, executions / 10));
        var warm = server.MemoryKb().Current;
        var clock = Stopwatch.StartNew();
        await SubmitAsync(server.Http, executions, clients);
        await WaitForAllAsync(server.Http, Math.Max(clients, executions / 10) + executions);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var (after, peak) = server.MemoryKb();
        return (elapsed, warm, after, peak);
    }

    /// <summary>Delays between a script printing a line and an SSE client of /logs/{id}/follow receiving it, in ms.</summary>
    public async Task<(IReadOnlyList<double> Delays, long PeakRssKb)> LogLatencyAsync(int lines)
    {
        using var server = await BenchServer.StartAsync(harrierPath, DataDirectory());
        await ServerFlows.DeployAsync(server.Http, ServerFlows.Ticks(lines));
        using var created = await server.Http.PostAsync("executions/harrier.bench.server/ticks", null);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        using var follow = await server.Http.GetAsync($"logs/{id}/follow", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await follow.Content.ReadAsStreamAsync());
        var delays = new List<double>(lines);
        while (await reader.ReadLineAsync() is { } line)
        {
            var received = DateTimeOffset.UtcNow;
            var at = line.IndexOf("t=", StringComparison.Ordinal);
            if (!line.StartsWith("data:", StringComparison.Ordinal) || at < 0)
            {
                continue;
            }

            var digits = new string([.. line[(at + 2)..].TakeWhile(char.IsAsciiDigit)]);
            var printed = DateTimeOffset.UnixEpoch.AddTicks(long.Parse(digits, CultureInfo.InvariantCulture) / 100);
            delays.Add((received - printed).TotalMilliseconds);
        }

        if (delays.Count != lines)
        {
            throw new InvalidOperationException($"the SSE client received {delays.Count} of {lines} lines");
        }

        return (delays, server.MemoryKb().Peak);
    }

    /// <summary>From the process start to /health = 200, on a data directory that exists (a server is restarted more often than it is created).</summary>
    public async Task<(double Milliseconds, long RssKb)> StartupAsync(string dataDirectory)
    {
        using var server = await BenchServer.StartAsync(harrierPath, dataDirectory);
        return (server.ReadyAfter.TotalMilliseconds, server.MemoryKb().Current);
    }

    private static async Task ExecuteAsync(HttpClient http, bool wait, string flowId = ServerFlows.OneLogId)
    {
        using var response = await http.PostAsync($"executions/{ServerFlows.Namespace}/{flowId}{(wait ? "?wait=true" : "")}", null);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST execution: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        if (wait && !(await response.Content.ReadAsStringAsync()).Contains("\"current\":\"SUCCESS\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("an execution waited for did not end SUCCESS");
        }
    }

    /// <summary>Starts <paramref name="executions"/> executions of <paramref name="flowId"/>, <paramref name="clients"/> requests at a time.</summary>
    public static Task SubmitAsync(HttpClient http, int executions, int clients, string flowId = ServerFlows.OneLogId)
    {
        var next = 0;
        return Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) <= executions)
            {
                await ExecuteAsync(http, wait: false, flowId);
            }
        })));
    }

    /// <summary>Until <paramref name="expected"/> executions of the bench namespace have ended (at most 5 minutes).</summary>
    public static async Task WaitForAllAsync(HttpClient http, int expected)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var page = JsonDocument.Parse(await http.GetStringAsync($"executions/search?filters[state][IN]=SUCCESS,FAILED,KILLED&filters[namespace][EQUALS]={ServerFlows.Namespace}&size=1"));
            var done = page.RootElement.GetProperty("total").GetInt64();
            if (done >= expected)
            {
                return;
            }

            if (deadline.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException($"{done} of {expected} executions ended within 5 minutes");
            }

            // Each poll is a count over the executions table, which competes with the server's own work: a tenth of a
            // second costs the figure at most 1% on a 10 s run.
            await Task.Delay(100);
        }
    }

    public static Measurement ToMeasurement(double milliseconds, long peakRssKb, string? note = null) => new(milliseconds, peakRssKb, note);

    public static double P(IReadOnlyList<double> values, double percent) => Statistics.Percentile(values, percent);
}
