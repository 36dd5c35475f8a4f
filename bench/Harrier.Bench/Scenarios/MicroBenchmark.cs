using System.Text.Json;
using Harrier.Bench.Harness;
using Harrier.Bench.Processes;

namespace Harrier.Bench.Scenarios;

/// <summary>
/// Runs a BenchmarkDotNet benchmark in a child (<c>Harrier.Bench micro …</c>) and reads its median from
/// BenchmarkDotNet's JSON export: BenchmarkDotNet does its own warm-up, pilot and statistics, which a
/// process-timing loop could not do at nanosecond scale. In-process toolchain: no per-run project build.
/// </summary>
public static class MicroBenchmark
{
    public static Measurement Run(string filter, bool quick, string artifactsDirectory)
    {
        if (Directory.Exists(artifactsDirectory))
        {
            Directory.Delete(artifactsDirectory, recursive: true);
        }

        string[] argv =
        [
            .. SelfCommand.Argv(), "micro", "--filter", filter, "--job", quick ? "Dry" : "Short", "--inProcess",
            "--exporters", "json", "--artifacts", artifactsDirectory,
        ];
        var result = ChildProcess.RunMeasured(argv);
        var report = Directory.Exists(artifactsDirectory)
            ? Directory.EnumerateFiles(artifactsDirectory, "*.json", SearchOption.AllDirectories).FirstOrDefault()
            : null;
        if (!result.Succeeded || report is null)
        {
            throw new InvalidOperationException($"BenchmarkDotNet exited {result.ExitCode} without a JSON report: {result.Stdout[^Math.Min(1500, result.Stdout.Length)..]}");
        }

        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var benchmark = json.RootElement.GetProperty("Benchmarks")[0];
        var medianNs = benchmark.GetProperty("Statistics").GetProperty("Median").GetDouble();
        var allocated = benchmark.TryGetProperty("Memory", out var memory)
            ? memory.GetProperty("BytesAllocatedPerOperation").GetInt64()
            : -1;
        return new Measurement(medianNs / 1e6, result.PeakRssKb, $"{allocated} B allocated per render");
    }
}
