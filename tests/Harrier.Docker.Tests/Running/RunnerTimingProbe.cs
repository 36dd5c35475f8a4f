using System.Diagnostics;
using Harrier.Docker.Tests.Support;

namespace Harrier.Docker.Tests.Running;

/// <summary>Measures the runner against <c>docker run --rm</c> when HARRIER_DOCKER_TIMING is set (a measurement, not a check).</summary>
public sealed class RunnerTimingProbe
{
    [Fact]
    public async Task Timing_RunnerVersusDockerRunCli()
    {
        if (Environment.GetEnvironmentVariable("HARRIER_DOCKER_TIMING") is null)
        {
            return;
        }

        await TestEngine.RequireAsync();
        using var runner = new DockerTaskRunner();
        using var directory = new TempDirectory();
        var ours = new List<double>();
        var cli = new List<double>();
        for (var i = 0; i < 11; i++)
        {
            var clock = Stopwatch.StartNew();
            await runner.RunAsync(DockerRun.Shell("true", directory.Path) with { Run = new(["true"], directory.Path) }, new RecordingOutputSink(), CancellationToken.None);
            if (i > 0) ours.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            using (var process = Process.Start("docker", ["run", "--rm", TestEngine.Image, "true"]))
            {
                await process.WaitForExitAsync();
            }

            if (i > 0) cli.Add(clock.Elapsed.TotalMilliseconds);
        }

        double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
        await File.WriteAllTextAsync("/tmp/harrier-docker-timing.txt",
            $"runner median {Median(ours):0} ms [{string.Join(' ', ours.Select(v => v.ToString("0")))}]\ncli median {Median(cli):0} ms [{string.Join(' ', cli.Select(v => v.ToString("0")))}]\nratio {Median(ours) / Median(cli):0.00}\n");
    }
}
