using System.Globalization;
using Harrier.Bench.Harness;

namespace Harrier.Bench.Distributed;

/// <summary>
/// The scenarios of Harrier past one machine (issue 18): separate <c>harrier server</c> role processes on PostgreSQL, on
/// loopback, compared with one SQLite standalone server in the same run. Skipped (not failed) without PostgreSQL 15.
/// </summary>
public static class DistributedCatalog
{
    public static IReadOnlyList<Scenario> Create(BenchSettings settings)
    {
        var scenarios = new DistributedScenarios(settings.HarrierPath, settings.WorkDirectory);
        return [Throughput(settings, scenarios, 1), Throughput(settings, scenarios, 2), Throughput(settings, scenarios, 4),
            QueueLatency(settings, scenarios, postgres: true), QueueLatency(settings, scenarios, postgres: false), Drain(settings, scenarios)];
    }

    private static Scenario Throughput(BenchSettings settings, DistributedScenarios scenarios, int workers)
    {
        var size = settings.Size(500, 10);
        var slots = workers * DistributedScenarios.SlotsPerWorker;
        return new Scenario
        {
            Id = $"pg-workers-{workers}",
            Title = $"PostgreSQL: {size} one-Commands executions over HTTP, webserver + executor + {workers} worker process{(workers == 1 ? "" : "es")} of {DistributedScenarios.SlotsPerWorker} slots",
            Size = size,
            SkipReason = BenchPostgres.Missing,
            Harrier = () =>
            {
                var (milliseconds, peak) = scenarios.PostgresThroughputAsync(workers, size).GetAwaiter().GetResult();
                return new Measurement(milliseconds, peak);
            },
            Floor = () =>
            {
                var (milliseconds, peak) = scenarios.SqliteThroughputAsync(slots, size).GetAwaiter().GetResult();
                return new Measurement(milliseconds, peak);
            },
            FloorLabel = $"SQLite standalone, --workers {slots}, the same load",
            Figure = m => $"{PerSecond(size, m.HarrierMs)} exec/s = {m.FloorMs!.Value / m.HarrierMs:F2}× SQLite standalone ({PerSecond(size, m.FloorMs.Value)}/s)",
            Target = "more workers, more throughput (as cores allow)",
        };
    }

    private static Scenario QueueLatency(BenchSettings settings, DistributedScenarios scenarios, bool postgres)
    {
        var size = settings.Size(300, 10);
        var p99s = new List<double>();
        return new Scenario
        {
            Id = postgres ? "queue-latency-pg" : "queue-latency-sqlite",
            Title = postgres
                ? $"Queue latency on PostgreSQL: {size} sequential one-Log executions, task run created by the executor → claimed by a worker process (NOTIFY)"
                : $"Queue latency on SQLite standalone: the same, executor and worker in one process",
            Size = size,
            SkipReason = postgres ? BenchPostgres.Missing : null,
            Harrier = () =>
            {
                var (latencies, peak) = (postgres ? scenarios.PostgresQueueLatencyAsync(size) : scenarios.SqliteQueueLatencyAsync(size)).GetAwaiter().GetResult();
                p99s.Add(Statistics.Percentile(latencies, 99));
                return new Measurement(Statistics.Percentile(latencies, 50), peak, $"p99 {Statistics.Percentile(latencies, 99):F1} ms");
            },
            FloorLabel = "none",
            Figure = m => $"p50 {Ms(m.HarrierMs)} ms, p99 {Ms(Statistics.Median(p99s.Count > 1 ? p99s[1..] : p99s))} ms",
            Target = postgres ? "p99 < 10 ms" : null,
        };
    }

    private static Scenario Drain(BenchSettings settings, DistributedScenarios scenarios)
    {
        var size = settings.Size(10_000, 30);
        const int Workers = 3;
        var notes = new List<string>();
        return new Scenario
        {
            Id = "pg-drain",
            Title = $"PostgreSQL: {size:N0} queued one-Log executions drained by {Workers} worker processes started after the queue filled",
            Size = size,
            SkipReason = BenchPostgres.Missing,
            Harrier = () =>
            {
                var run = scenarios.DrainAsync(size, Workers).GetAwaiter().GetResult();
                var note = $"all {size:N0} SUCCESS, each task once; worker RSS at 10% → end: " +
                    string.Join(", ", run.WorkerRssEarlyKb.Zip(run.WorkerRssLateKb, (a, b) => $"{a / 1024} → {b / 1024} MB")) +
                    $"; executor {run.ExecutorRssKb / 1024} MB, webserver {run.WebRssKb / 1024} MB at the end";
                notes.Add(note);
                return new Measurement(run.Milliseconds, run.PeakRssKb, note);
            },
            FloorLabel = "none",
            Figure = m => $"{PerSecond(size, m.HarrierMs)} exec/s drained; {notes.LastOrDefault()}",
            Target = "all end, none twice, memory flat",
            Repetitions = settings.Quick ? 1 : 3,
            WarmUps = 0,
        };
    }

    private static string Ms(double milliseconds) => milliseconds.ToString("F1", CultureInfo.InvariantCulture);

    private static string PerSecond(int count, double milliseconds) => (count / (milliseconds / 1000)).ToString("F0", CultureInfo.InvariantCulture);
}
