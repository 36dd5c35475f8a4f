using Harrier.Docker.Settings;
using Harrier.Docker.Tests.Support;

namespace Harrier.Docker.Tests.Files;

/// <summary>
/// A root container decides the modes of what it leaves in the host's working directory: whatever it made, no file there
/// is setuid, setgid or group/other-writable afterwards, and with MOUNT the container runs with no-new-privileges.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HostFileModeTests : IAsyncDisposable
{
    private const string MakeDangerousFiles =
        "cp /bin/busybox suid && chmod 4755 suid && cp /bin/busybox sgid && chmod 2755 sgid && echo w > open && chmod 666 open "
        + "&& mkdir shared && chmod 1777 shared && chmod 777 .";

    private readonly DockerTaskRunner _runner = new();
    private readonly TempDirectory _directory = new();

    [Theory]
    [InlineData(DockerFileHandling.Volume)]
    [InlineData(DockerFileHandling.Mount)]
    public async Task FilesAContainerLeaves_AreNeverSetuidNorWorldWritableOnTheHost(DockerFileHandling strategy)
    {
        await TestEngine.RequireAsync();
        File.SetUnixFileMode(_directory.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await File.WriteAllTextAsync(_directory.File("in.txt"), "in\n");

        var result = await _runner.RunAsync(DockerRun.Shell(MakeDangerousFiles, _directory.Path, DockerRun.Settings() with { FileHandling = strategy }), new RecordingOutputSink(), CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal((UnixFileMode)0b111_101_101, File.GetUnixFileMode(_directory.File("suid")));
        Assert.Equal((UnixFileMode)0b111_101_101, File.GetUnixFileMode(_directory.File("sgid")));
        Assert.Equal((UnixFileMode)0b110_100_100, File.GetUnixFileMode(_directory.File("open")));
        Assert.Equal((UnixFileMode)0b111_101_101, File.GetUnixFileMode(_directory.File("shared")));
        Assert.Equal((UnixFileMode)0b111_000_000, File.GetUnixFileMode(_directory.Path));
    }

    [Fact]
    public async Task Mount_RunsTheContainerWithNoNewPrivileges()
    {
        await TestEngine.RequireAsync();
        var sink = new RecordingOutputSink();

        await _runner.RunAsync(DockerRun.Shell("grep NoNewPrivs /proc/self/status", _directory.Path, DockerRun.Settings() with { FileHandling = DockerFileHandling.Mount }), sink, CancellationToken.None);

        Assert.Equal(["NoNewPrivs:\t1"], sink.Stdout);
    }

    [Theory]
    [InlineData("privileged", true, "privileged containers are disabled on this Harrier server")]
    [InlineData("networkMode", "host", "'host' is disabled on this Harrier server because it lets tasks reach services listening on the host's")]
    [InlineData("networkMode", "container:other", "'container:other' is disabled on this Harrier server")]
    public async Task HostAccess_IsRefusedBeforeAnyContainerExists_UnlessTheServerEnablesIt(string property, object value, string expected)
    {
        await TestEngine.RequireAsync();
        var rendered = new Dictionary<string, object?> { ["type"] = DockerRunnerType.Type, [property] = value };

        var error = Assert.Throws<Harrier.Core.Tasks.Running.TaskFailedException>(() => DockerRunnerSettings.FromProperties(rendered, TestEngine.Image, new DockerServerOptions()));

        Assert.StartsWith($"taskRunner.{property}: {expected}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{DockerServerOptions.HostAccessSetting}: true (harrier run --allow-docker-host-access, formerly --allow-docker-volumes)", error.Message, StringComparison.Ordinal);
        var allowed = DockerRunnerSettings.FromProperties(rendered, TestEngine.Image, new DockerServerOptions { HostAccessEnabled = true });
        Assert.NotNull(allowed);
    }

    [Fact]
    public async Task HostNetwork_WhenAllowed_ReallyReachesTheHostsLoopback()
    {
        await TestEngine.RequireAsync();
        await using var runner = new DockerTaskRunner(new DockerServerOptions { HostAccessEnabled = true });
        var sink = new RecordingOutputSink();

        await runner.RunAsync(DockerRun.Shell("hostname", _directory.Path, DockerRun.Settings() with { NetworkMode = "host" }), sink, CancellationToken.None);

        Assert.Equal([Environment.MachineName], sink.Stdout);
    }

    public async ValueTask DisposeAsync()
    {
        await _runner.DisposeAsync();
        _directory.Dispose();
    }
}
