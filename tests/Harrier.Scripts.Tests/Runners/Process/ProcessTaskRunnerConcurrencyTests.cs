using Harrier.Scripts.Runners;
using Harrier.Scripts.Runners.Process;
using Harrier.Scripts.Tests.Support;

namespace Harrier.Scripts.Tests.Runners.Process;

public sealed class ProcessTaskRunnerConcurrencyTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ManyConcurrentTasks_EachGetAllTheirLines()
    {
        // More concurrent tasks than thread-pool threads on this 2-core machine: readers must not starve it.
        var runner = new ProcessTaskRunner();
        var script = "i=0; while [ $i -lt 500 ]; do echo \"out $i\"; echo \"err $i\" >&2; i=$((i+1)); done";
        var sinks = Enumerable.Range(0, 16).Select(_ => new RecordingOutputSink()).ToList();

        var results = await Task.WhenAll(sinks.Select(sink => runner.RunAsync(new TaskRunnerRequest(["/bin/sh", "-c", script], _dir.Path), sink, CancellationToken.None)))
            .WaitAsync(TimeSpan.FromSeconds(60));

        Assert.All(results, r => Assert.Equal(0, r.ExitCode));
        Assert.All(sinks, s => Assert.Equal(Enumerable.Range(0, 500).Select(i => $"out {i}"), s.Stdout));
        Assert.All(sinks, s => Assert.Equal(500, s.Stderr.Count));
    }
}
