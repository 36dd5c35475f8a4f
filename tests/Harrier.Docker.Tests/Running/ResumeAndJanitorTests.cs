using Harrier.Docker.Settings;
using Harrier.Docker.Tests.Support;

namespace Harrier.Docker.Tests.Running;

public sealed class ResumeAndJanitorTests : IAsyncDisposable
{
    private readonly DockerTaskRunner _runner = new();
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Resume_ReattachesToTheRunningContainerOfTheSameAttempt_AndGetsItsWholeOutputAndExitCode()
    {
        await TestEngine.RequireAsync();
        // A first worker started the container and "crashed" (wait: false leaves it running, as a crash would).
        // MOUNT lets the test release the script through a file once the second worker is attached.
        var settings = DockerRun.Settings() with { FileHandling = DockerFileHandling.Mount };
        var first = DockerRun.Shell("echo before; while [ ! -f go ]; do sleep 0.05; done; echo after; exit 3", _directory.Path, settings with { Wait = false });
        await _runner.RunAsync(first, new RecordingOutputSink(), CancellationToken.None);
        var sink = new RecordingOutputSink();
        var messages = new List<string>();

        var resumed = _runner.RunAsync(first with { Settings = settings }, sink, messages.Add, CancellationToken.None);
        await sink.WhenStdoutLine("before");
        await File.WriteAllTextAsync(_directory.File("go"), "");
        var result = await resumed.WaitAsync(TimeSpan.FromSeconds(30));
        await _runner.RemovalsCompletedAsync();

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(["before", "after"], sink.Stdout);
        Assert.Contains(messages, message => message.StartsWith("Resuming container", StringComparison.Ordinal));
        Assert.Empty(await TestEngine.ContainersWithLabelAsync(DockerContainerLabels.TaskRunIdKey, first.Labels.TaskRunId));
    }

    [Fact]
    public async Task Resume_StartsAFreshContainer_ForTheNextAttempt()
    {
        await TestEngine.RequireAsync();
        var first = DockerRun.Shell("echo attempt", _directory.Path, DockerRun.Settings() with { Delete = false });
        await _runner.RunAsync(first, new RecordingOutputSink(), CancellationToken.None);
        var retry = first with { Labels = first.Labels with { Attempt = 1 }, Settings = DockerRun.Settings() };
        var messages = new List<string>();

        await _runner.RunAsync(retry, new RecordingOutputSink(), messages.Add, CancellationToken.None);
        await _runner.RemovalsCompletedAsync();

        Assert.DoesNotContain(messages, message => message.StartsWith("Resuming container", StringComparison.Ordinal));
        var left = Assert.Single(await TestEngine.ContainersWithLabelAsync(DockerContainerLabels.TaskRunIdKey, first.Labels.TaskRunId));
        Assert.Equal("0", left.Labels[DockerContainerLabels.AttemptKey]);
        await new DockerJanitor().CleanUpAsync((labels, _) => ValueTask.FromResult(labels.TaskRunId != first.Labels.TaskRunId), CancellationToken.None);
    }

    [Fact]
    public async Task Resume_ReplacesAContainerThatWasCreatedButNeverStarted()
    {
        await TestEngine.RequireAsync();
        var request = DockerRun.Shell("echo fresh", _directory.Path);
        await TestEngine.Client.Containers.CreateContainerAsync(new global::Docker.DotNet.Models.CreateContainerParameters
        {
            Image = TestEngine.Image,
            Cmd = ["echo", "stale"],
            Labels = request.Labels.ToDictionary().ToDictionary(),
        });
        var sink = new RecordingOutputSink();

        var result = await _runner.RunAsync(request, sink, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        await _runner.RemovalsCompletedAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["fresh"], sink.Stdout);
        Assert.Empty(await TestEngine.ContainersWithLabelAsync(DockerContainerLabels.TaskRunIdKey, request.Labels.TaskRunId));
    }

    [Fact]
    public async Task Janitor_RemovesLeftContainersOfFinishedAttempts_AndKeepsThoseOfRunningOnes()
    {
        await TestEngine.RequireAsync();
        var finished = DockerRun.Shell("sleep 300", _directory.Path, DockerRun.Settings() with { Wait = false });
        var running = DockerRun.Shell("sleep 300", _directory.Path, DockerRun.Settings() with { Wait = false });
        await _runner.RunAsync(finished, new RecordingOutputSink(), CancellationToken.None);
        await _runner.RunAsync(running, new RecordingOutputSink(), CancellationToken.None);
        var janitor = new DockerJanitor();

        var removed = await janitor.CleanUpAsync(
            (labels, _) => ValueTask.FromResult(labels.TaskRunId != finished.Labels.TaskRunId), CancellationToken.None);

        Assert.Single(removed);
        Assert.Empty(await TestEngine.ContainersWithLabelAsync(DockerContainerLabels.TaskRunIdKey, finished.Labels.TaskRunId));
        var kept = Assert.Single(await TestEngine.ContainersWithLabelAsync(DockerContainerLabels.TaskRunIdKey, running.Labels.TaskRunId));
        Assert.Equal("running", kept.State);
        await janitor.CleanUpAsync((labels, _) => ValueTask.FromResult(labels.TaskRunId != running.Labels.TaskRunId), CancellationToken.None);
        Assert.Empty(await TestEngine.ContainersWithLabelAsync(DockerContainerLabels.TaskRunIdKey, running.Labels.TaskRunId));
    }

    public async ValueTask DisposeAsync()
    {
        await _runner.DisposeAsync();
        _directory.Dispose();
    }
}
