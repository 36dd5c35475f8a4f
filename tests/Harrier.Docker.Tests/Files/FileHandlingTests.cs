using Harrier.Docker.Settings;
using Harrier.Docker.Tests.Support;

namespace Harrier.Docker.Tests.Files;

public sealed class FileHandlingTests : IAsyncDisposable
{
    private readonly DockerTaskRunner _runner = new(new DockerServerOptions { VolumesEnabled = true });
    private readonly TempDirectory _directory = new();

    [Theory]
    [InlineData(DockerFileHandling.Volume)]
    [InlineData(DockerFileHandling.Mount)]
    public async Task Run_SeesInputFiles_AndLeavesItsFilesInTheHostDirectory(DockerFileHandling strategy)
    {
        await TestEngine.RequireAsync();
        await File.WriteAllTextAsync(_directory.File("input.txt"), "from the host\n");
        var sink = new RecordingOutputSink();
        var settings = DockerRun.Settings() with { FileHandling = strategy };

        var result = await _runner.RunAsync(DockerRun.Shell(
            "cat input.txt; mkdir -p out/sub; echo made > out/sub/made.txt; printf '{\"outputs\":{\"a\":1}}\\n' > outputs.jsonl", _directory.Path, settings), sink, CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["from the host"], sink.Stdout);
        Assert.Equal("made\n", await File.ReadAllTextAsync(_directory.File("out/sub/made.txt")));
        Assert.True(File.Exists(_directory.File("outputs.jsonl")));
    }

    [Fact]
    public async Task Volume_WorksInADirectoryWhoseParentsTheImageDoesNotHave()
    {
        await TestEngine.RequireAsync();
        var root = Path.Combine("/var/tmp", "harrier-docker-test-" + Guid.NewGuid().ToString("N"));
        var deep = Path.Combine(root, "worker", "attempt");
        Directory.CreateDirectory(deep);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(deep, "in.txt"), "in\n");
            var sink = new RecordingOutputSink();

            var result = await _runner.RunAsync(DockerRun.Shell("pwd; cat in.txt; echo out > out.txt", deep), sink, CancellationToken.None);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal([deep, "in"], sink.Stdout);
            Assert.Equal("out\n", await File.ReadAllTextAsync(Path.Combine(deep, "out.txt")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Volume_LetsANonRootUserWriteInTheWorkingDirectory_AndKeepsLinksAsLinks()
    {
        await TestEngine.RequireAsync();
        Directory.CreateDirectory(_directory.File("sub"));
        await File.WriteAllTextAsync(_directory.File("sub/in.txt"), "in\n");
        File.CreateSymbolicLink(_directory.File("link.txt"), "sub/in.txt");
        var sink = new RecordingOutputSink();

        var result = await _runner.RunAsync(DockerRun.Shell("id -u; cat link.txt; echo mine > by-nobody.txt", _directory.Path, DockerRun.Settings() with { User = "65534" }),
            sink, CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["65534", "in"], sink.Stdout);
        Assert.Equal("mine\n", await File.ReadAllTextAsync(_directory.File("by-nobody.txt")));
        Assert.Equal("sub/in.txt", new FileInfo(_directory.File("link.txt")).LinkTarget);
    }

    [Fact]
    public async Task Volume_CopiesFilesBack_AlsoWhenTheScriptFails()
    {
        await TestEngine.RequireAsync();

        var result = await _runner.RunAsync(DockerRun.Shell("echo partial > result.txt; exit 3", _directory.Path), new RecordingOutputSink(), CancellationToken.None);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("partial\n", await File.ReadAllTextAsync(_directory.File("result.txt")));
    }

    [Fact]
    public async Task Volume_DoesNotFollowALinkTheContainerMadeToOutsideTheDirectory()
    {
        await TestEngine.RequireAsync();
        using var outside = new TempDirectory();

        await _runner.RunAsync(DockerRun.Shell($"ln -s {outside.Path} escape; ln -s /etc/passwd passwd-link; echo inside > kept.txt", _directory.Path),
            new RecordingOutputSink(), CancellationToken.None);

        Assert.Equal("inside\n", await File.ReadAllTextAsync(_directory.File("kept.txt")));
        Assert.False(File.Exists(_directory.File("escape")) || Directory.Exists(_directory.File("escape")));
        Assert.Null(new FileInfo(_directory.File("passwd-link")).LinkTarget);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outside.Path));
    }

    [Fact]
    public async Task Volumes_BindAHostDirectory_WhenTheServerEnablesThem()
    {
        await TestEngine.RequireAsync();
        using var shared = new TempDirectory();
        await File.WriteAllTextAsync(shared.File("script.sh"), "echo from the mounted script\n");
        var sink = new RecordingOutputSink();
        var settings = DockerRun.Settings() with { Volumes = [$"{shared.Path}:/app:ro"] };

        var result = await _runner.RunAsync(DockerRun.Shell("sh /app/script.sh", _directory.Path, settings), sink, CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["from the mounted script"], sink.Stdout);
    }

    [Fact]
    public async Task Volumes_FailWithHowToEnableThem_WhenTheServerDoesNotAllowThem()
    {
        var rendered = new Dictionary<string, object?> { ["type"] = DockerRunnerType.Type, ["volumes"] = new List<object?> { "/srv:/app" } };

        var error = Assert.Throws<Harrier.Core.Tasks.Running.TaskFailedException>(() => DockerRunnerSettings.FromProperties(rendered, TestEngine.Image, new DockerServerOptions()));

        Assert.Contains("taskRunner.volumes", error.Message, StringComparison.Ordinal);
        Assert.Contains(DockerServerOptions.VolumesEnabledSetting + ": true", error.Message, StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _runner.DisposeAsync();
        _directory.Dispose();
    }
}
