using System.Globalization;
using Harrier.Bench.Harness;
using Harrier.Bench.InProcess;
using Harrier.Bench.Server;

namespace Harrier.Bench.Scenarios;

/// <summary>
/// The scenarios of <c>harrier server standalone</c> (issue 14), each on a real server process over HTTP on loopback.
/// Percentiles are computed within a repetition; the table shows their medians across repetitions (the warm-up's left out).
/// </summary>
public static class ServerCatalog
{
    private const int Clients = 8;

    public static IReadOnlyList<Scenario> Create(BenchSettings settings)
    {
        var server = new ServerScenarios(settings.HarrierPath, settings.WorkDirectory);
        return [ApiWait(settings, server), ApiLoad(settings, server), LogLatency(settings, server), Startup(settings, server), Schedules(settings)];
    }

    private static Scenario ApiWait(BenchSettings settings, ServerScenarios server)
    {
        var size = settings.Size(500, 10);
        var p99s = new List<double>();
        return new Scenario
        {
            Id = "api-wait",
            Title = $"API: {size} × POST /executions/{{ns}}/{{id}}?wait=true of a one-Log flow, one client",
            Size = size,
            Harrier = () =>
            {
                var (latencies, peak) = server.WaitLatencyAsync(size).GetAwaiter().GetResult();
                p99s.Add(Statistics.Percentile(latencies, 99));
                return new Measurement(Statistics.Percentile(latencies, 50), peak, $"p99 {Statistics.Percentile(latencies, 99):F1} ms");
            },
            FloorLabel = "none",
            Figure = m => $"p50 {Ms(m.HarrierMs)} ms, p99 {Ms(MedianAfterWarmUp(p99s))} ms",
            Target = "p50 < 5 ms, p99 < 20 ms",
        };
    }

    private static Scenario ApiLoad(BenchSettings settings, ServerScenarios server)
    {
        var size = settings.Size(2000, 40);
        var memory = new List<(long Warm, long After)>();
        return new Scenario
        {
            Id = "api-load",
            Title = $"API: {size:N0} executions of a one-Log flow submitted over HTTP by {Clients} clients, until all ended",
            Size = size,
            Harrier = () =>
            {
                var run = server.LoadAsync(size, Clients).GetAwaiter().GetResult();
                memory.Add((run.RssAfterWarmUpKb, run.RssAfterKb));
                return new Measurement(run.Milliseconds, run.PeakRssKb, $"RSS {run.RssAfterWarmUpKb / 1024} → {run.RssAfterKb / 1024} MB");
            },
            Floor = () => InProcessChild.Run(new(InProcessRequest.Throughput, BenchFlows.LogKind, size, null)),
            FloorLabel = $"the bare engine: {size:N0} executions submitted in process at once",
            Figure = m =>
            {
                var (warm, after) = memory.Count > 1 ? memory[^1] : memory.LastOrDefault();
                return $"{PerSecond(size, m.HarrierMs)} exec/s = {100 * m.FloorMs!.Value / m.HarrierMs:F0}% of the bare engine ({PerSecond(size, m.FloorMs.Value)}/s); RSS {warm / 1024} → {after / 1024} MB";
            },
            Target = "≥ 70% of bare engine throughput, RSS flat",
        };
    }

    private static Scenario LogLatency(BenchSettings settings, ServerScenarios server)
    {
        var size = settings.Size(100, 5);
        var p99s = new List<double>();
        return new Scenario
        {
            Id = "sse-logs",
            Title = $"Live logs: {size} lines printed 10 ms apart, from the script's echo to the SSE client (/logs/{{id}}/follow)",
            Size = size,
            Harrier = () =>
            {
                var (delays, peak) = server.LogLatencyAsync(size).GetAwaiter().GetResult();
                p99s.Add(Statistics.Percentile(delays, 99));
                return new Measurement(Statistics.Percentile(delays, 50), peak, $"p99 {Statistics.Percentile(delays, 99):F1} ms");
            },
            FloorLabel = "none",
            Figure = m => $"p50 {Ms(m.HarrierMs)} ms, p99 {Ms(MedianAfterWarmUp(p99s))} ms",
            Target = "p99 < 50 ms",
        };
    }

    private static Scenario Startup(BenchSettings settings, ServerScenarios server)
    {
        var data = Path.Combine(settings.WorkDirectory, "server-startup");
        return new Scenario
        {
            Id = "server-startup",
            Title = "Start-up: harrier server standalone until /health answers 200 (whole process)",
            Size = 1,
            Harrier = () =>
            {
                var (milliseconds, rss) = server.StartupAsync(data).GetAwaiter().GetResult();
                return new Measurement(milliseconds, rss);
            },
            FloorLabel = "none",
            Figure = m => $"{m.HarrierMs:F0} ms to /health",
            Target = "< 1 s",
            Repetitions = settings.Quick ? 1 : 9,
        };
    }

    private static Scenario Schedules(BenchSettings settings)
    {
        var flows = settings.Size(1000, 10);
        var seconds = settings.Quick ? 3 : 10;
        var notes = new List<string>();
        return new Scenario
        {
            Id = "schedules",
            Title = $"Scheduler: {flows:N0} flows each with a per-second Schedule, {seconds} s: slot to execution created",
            Size = flows * seconds,
            Harrier = () =>
            {
                var run = ScheduleLoad.RunAsync(settings.HarrierPath, Path.Combine(settings.WorkDirectory, "schedules-" + Guid.NewGuid().ToString("N")), flows, seconds).GetAwaiter().GetResult();
                var note = $"{run.Fired:N0}/{run.Expected:N0} slots fired, {run.Duplicates} twice, p99 {Statistics.Percentile(run.DelaysMs, 99):F1} ms, " +
                    $"CPU {run.Cpu.TotalMilliseconds / Math.Max(1, run.Fired):F2} ms per fired slot (its one-Log execution included)";
                notes.Add(note);
                return new Measurement(run.DelaysMs.Count == 0 ? double.NaN : Statistics.Percentile(run.DelaysMs, 50), run.PeakRssKb, note);
            },
            FloorLabel = "none",
            Figure = m => $"p50 {Ms(m.HarrierMs)} ms; {notes.LastOrDefault()}",
            Target = "every slot once, p99 < 100 ms",
            Repetitions = settings.Quick ? 1 : 3,
        };
    }

    /// <summary>The warm-up's figure is the first; it is left out once there are others.</summary>
    private static double MedianAfterWarmUp(List<double> values) => values.Count == 0 ? 0 : Statistics.Median(values.Count > 1 ? values[1..] : values);

    private static string Ms(double milliseconds) => milliseconds.ToString("F1", CultureInfo.InvariantCulture);

    private static string PerSecond(int count, double milliseconds) => (count / (milliseconds / 1000)).ToString("F0", CultureInfo.InvariantCulture);
}
