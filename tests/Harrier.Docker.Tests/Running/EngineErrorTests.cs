using Harrier.Core.Tasks.Running;
using Harrier.Docker.Settings;
using Harrier.Docker.Tests.Support;

namespace Harrier.Docker.Tests.Running;

public sealed class EngineErrorTests : IAsyncDisposable
{
    private readonly DockerTaskRunner _runner = new(new DockerServerOptions { PullAttempts = 1 });
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Run_SaysHowToStartAnEngine_WhenNoneAnswersAtTheHost()
    {
        var settings = DockerRun.Settings() with { Host = "unix:///tmp/harrier-no-such-docker.sock" };

        var error = await Assert.ThrowsAsync<TaskFailedException>(() =>
            _runner.RunAsync(DockerRun.Shell("true", _directory.Path, settings), new RecordingOutputSink(), CancellationToken.None));

        Assert.Equal(
            "Cannot reach the Docker engine at unix:///tmp/harrier-no-such-docker.sock: start dockerd (or set the runner's host), or run the task with the Process runner (remove taskRunner)",
            error.Message);
    }

    [Fact]
    public async Task Run_FailsNamingTheImage_WhenItIsMissingAndPullPolicyIsNever()
    {
        await TestEngine.RequireAsync();
        var settings = DockerRun.Settings("harrier-test/absent:999") with { PullPolicy = DockerPullPolicy.Never };

        var error = await Assert.ThrowsAsync<TaskFailedException>(() =>
            _runner.RunAsync(DockerRun.Shell("true", _directory.Path, settings), new RecordingOutputSink(), CancellationToken.None));

        Assert.Contains("'harrier-test/absent:999' not found", error.Message, StringComparison.Ordinal);
        Assert.Contains("pullPolicy is NEVER", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_FailsNamingTheImage_WhenThePullFails()
    {
        await TestEngine.RequireAsync();
        var messages = new List<string>();

        var error = await Assert.ThrowsAsync<TaskFailedException>(() => _runner.RunAsync(
            DockerRun.Shell("true", _directory.Path, DockerRun.Settings("harrier-test/absent:999")), new RecordingOutputSink(), messages.Add, CancellationToken.None));

        Assert.Contains("'harrier-test/absent:999'", error.Message, StringComparison.Ordinal);
        Assert.Contains("could not be pulled", error.Message, StringComparison.Ordinal);
        Assert.Contains("Pulling image 'harrier-test/absent:999'", messages);
    }

    public async ValueTask DisposeAsync()
    {
        await _runner.DisposeAsync();
        _directory.Dispose();
    }
}
