using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Harrier.Docker;
using Harrier.Docker.Settings;
using Harrier.Scripts.Runners;

namespace Harrier.Bench.Docker;

/// <summary>
/// Per-task wall time of a Docker-runner task against <c>docker run --rm IMAGE true</c> on the same image, in the
/// same run (issue 7's target: ratio ≤ 1.0). Needs the engine and the image scripts/setup provides:
/// <c>dotnet run -c Release --project bench/Harrier.Bench -- --filter '*DockerRunner*'</c>.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 15, invocationCount: 1)]
public class DockerRunnerBenchmark : IDisposable
{
    private const string Image = "harrier-test/busybox:1";

    private readonly DockerTaskRunner _runner = new();
    private string _directory = "";

    [GlobalSetup]
    public void Setup() => _directory = Directory.CreateTempSubdirectory("harrier-bench-docker-").FullName;

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark(Baseline = true, Description = "docker run --rm IMAGE true")]
    public async Task DockerCli()
    {
        using var process = Process.Start("docker", ["run", "--rm", Image, "true"]);
        await process.WaitForExitAsync();
    }

    [Benchmark(Description = "DockerTaskRunner true")]
    public async Task<int> DockerRunner()
    {
        var labels = new DockerContainerLabels("bench", "docker", "true", "bench", Guid.NewGuid().ToString("N"), 0);
        var request = new DockerRunRequest(new TaskRunnerRequest(["true"], _directory), new DockerRunnerSettings { Image = Image }, labels);
        var result = await _runner.RunAsync(request, NullSink.Instance, CancellationToken.None);
        return result.ExitCode;
    }

    public void Dispose()
    {
        _runner.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed class NullSink : ITaskOutputSink
    {
        public static readonly NullSink Instance = new();

        public void OnStdout(string line)
        {
        }

        public void OnStderr(string line)
        {
        }
    }
}
