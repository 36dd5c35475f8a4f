using System.Diagnostics;
using Harrier.Docker.Tests.Support;

namespace Harrier.Docker.Tests.Running;

public sealed class KillTests : IAsyncDisposable
{
    private readonly DockerTaskRunner _runner = new();
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Cancellation_KillsTheContainerAtOnce_AndRemovesIt_WithoutAGracePeriod()
    {
        await TestEngine.RequireAsync();
        var sink = new RecordingOutputSink();
        using var cancellation = new CancellationTokenSource();
        var request = DockerRun.Shell("echo ready; sleep 300", _directory.Path);

        var run = _runner.RunAsync(request, sink, cancellation.Token);
        await sink.WhenStdoutLine("ready");
        var clock = Stopwatch.StartNew();
        await cancellation.CancelAsync();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(result.Killed);
        Assert.Equal(137, result.ExitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the kill took {clock.Elapsed}");
        Assert.Empty(await TestEngine.ContainersWithLabelAsync(DockerContainerLabels.TaskRunIdKey, request.Labels.TaskRunId));
    }

    [Fact]
    public async Task Cancellation_SendsSigtermFirst_AndLetsTheScriptFinishWithinTheGracePeriod()
    {
        await TestEngine.RequireAsync();
        var sink = new RecordingOutputSink();
        using var cancellation = new CancellationTokenSource();
        var settings = DockerRun.Settings() with { KillGracePeriod = TimeSpan.FromSeconds(20) };
        var request = DockerRun.Shell("trap 'echo caught TERM; exit 0' TERM; echo ready; while true; do sleep 0.1; done", _directory.Path, settings);

        var run = _runner.RunAsync(request, sink, cancellation.Token);
        await sink.WhenStdoutLine("ready");
        await cancellation.CancelAsync();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(result.Killed);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("caught TERM", sink.Stdout);
        Assert.Empty(await TestEngine.ContainersWithLabelAsync(DockerContainerLabels.TaskRunIdKey, request.Labels.TaskRunId));
    }

    public async ValueTask DisposeAsync()
    {
        await _runner.DisposeAsync();
        _directory.Dispose();
    }
}
