using Harrier.Docker.Settings;
using Harrier.Docker.Tests.Support;

namespace Harrier.Docker.Tests.Running;

public sealed class RegistryCredentialsTests : IAsyncDisposable
{
    private readonly DockerTaskRunner _runner = new();
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Credentials_AreWrittenToConfigJsonInTheWorkingDirectory_AfreshOnEveryRun()
    {
        await TestEngine.RequireAsync();
        var john = new RecordingOutputSink();
        var jane = new RecordingOutputSink();

        await _runner.RunAsync(DockerRun.Shell("cat config.json", _directory.Path, WithUser("john")), john, CancellationToken.None);
        await _runner.RunAsync(DockerRun.Shell("cat config.json", _directory.Path, WithUser("jane")), jane, CancellationToken.None);

        var auths = System.Text.Json.JsonDocument.Parse(Assert.Single(jane.Stdout)).RootElement.GetProperty("auths");
        Assert.Equal("jane", auths.GetProperty("own.registry").GetProperty("username").GetString());
        Assert.Contains("\"john\"", Assert.Single(john.Stdout), StringComparison.Ordinal);
    }

    private static DockerRunnerSettings WithUser(string user) =>
        DockerRun.Settings() with { Credentials = new DockerCredentials { Registry = "own.registry", Username = user, Password = "secret" } };

    public async ValueTask DisposeAsync()
    {
        await _runner.DisposeAsync();
        _directory.Dispose();
    }
}
