using System.Diagnostics;
using Harrier.Docker.Tests.Support;

namespace Harrier.Docker.Tests.Running;

/// <summary>
/// <c>entryPoint</c> (spec §3.3): the default <c>[""]</c> clears the image's entrypoint; an empty list keeps it, as in
/// Kestra (which only sets a non-empty one).
/// </summary>
public sealed class EntryPointTests : IAsyncDisposable
{
    private const string Image = "harrier-test/entrypoint:1";
    private readonly DockerTaskRunner _runner = new();
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task EmptyList_KeepsTheImagesEntrypoint()
    {
        await EnsureImageAsync();
        var sink = new RecordingOutputSink();

        var result = await _runner.RunAsync(DockerRun.Shell("echo from-the-task", _directory.Path, DockerRun.Settings(Image) with { EntryPoint = [] }), sink, CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("from-the-entrypoint ", Assert.Single(sink.Stdout), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DefaultClearsTheImagesEntrypoint()
    {
        await EnsureImageAsync();
        var sink = new RecordingOutputSink();

        var result = await _runner.RunAsync(DockerRun.Shell("echo from-the-task", _directory.Path, DockerRun.Settings(Image)), sink, CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["from-the-task"], sink.Stdout);
    }

    public async ValueTask DisposeAsync()
    {
        await _runner.DisposeAsync();
        _directory.Dispose();
    }

    /// <summary>The test image plus an entrypoint, committed with the docker CLI (test set-up only; the runner never shells out).</summary>
    private static async Task EnsureImageAsync()
    {
        await TestEngine.RequireAsync();
        var name = $"harrier-entrypoint-{Guid.NewGuid():N}";
        await DockerCliAsync("create", "--name", name, TestEngine.Image, "true");
        try
        {
            await DockerCliAsync("commit", "--change", "ENTRYPOINT [\"echo\", \"from-the-entrypoint\"]", name, Image);
        }
        finally
        {
            await DockerCliAsync("rm", name);
        }
    }

    private static async Task DockerCliAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("docker", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"docker {string.Join(' ', arguments)}: {await error}");
    }
}
