using Harrier.Docker.Tests.Support;

namespace Harrier.Docker.Tests.Running;

public sealed class DockerTaskRunnerBasicsTests : IAsyncDisposable
{
    private readonly DockerTaskRunner _runner = new();
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Run_DeliversStdoutAndStderrLines_AndExitCodeZero()
    {
        await TestEngine.RequireAsync();
        var sink = new RecordingOutputSink();

        var result = await _runner.RunAsync(DockerRun.Shell("echo 0; echo 1; >&2 echo 2; >&2 echo 3", _directory.Path), sink, CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.False(result.Killed);
        Assert.Equal(["0", "1"], sink.Stdout);
        Assert.Equal(["2", "3"], sink.Stderr);
    }

    [Fact]
    public async Task Run_AnnouncesALineLongerThanTheLimit_OnceBeforeItsPieces()
    {
        await TestEngine.RequireAsync();
        await using var runner = new DockerTaskRunner(new DockerServerOptions { MaxLineBytes = 1024 });
        var sink = new RecordingOutputSink();
        // 256 KiB of x's on one line (more than a read, which may hold a whole line), then a short line.
        const string script = "s=x; i=0; while [ $i -lt 18 ]; do s=$s$s; i=$((i+1)); done; echo $s; echo short";

        await runner.RunAsync(DockerRun.Shell(script, _directory.Path), sink, CancellationToken.None);

        Assert.Equal([(false, 1024)], sink.Cuts);
        Assert.Equal("short", sink.Stdout[^1]);
        Assert.Equal(256 * 1024, sink.Stdout.SkipLast(1).Sum(l => l.Length));
    }

    [Fact]
    public async Task Run_ReturnsExitCode66_WhenTheScriptExits66()
    {
        await TestEngine.RequireAsync();
        var sink = new RecordingOutputSink();

        var result = await _runner.RunAsync(DockerRun.Shell("echo 1 1>&2; exit 66; echo 2", _directory.Path), sink, CancellationToken.None);

        Assert.Equal(66, result.ExitCode);
        Assert.Empty(sink.Stdout);
        Assert.Equal(["1"], sink.Stderr);
    }

    [Fact]
    public async Task Run_SeesOnlyTheComputedEnvironment_NotTheWorkers()
    {
        await TestEngine.RequireAsync();
        Environment.SetEnvironmentVariable("HARRIER_DOCKER_TEST_WORKER_ONLY", "leak");
        var sink = new RecordingOutputSink();
        var environment = new Dictionary<string, string> { ["WORKING_DIR"] = _directory.Path, ["GREETING"] = "hello world" };

        await _runner.RunAsync(DockerRun.Shell("env", _directory.Path, environment: environment), sink, CancellationToken.None);

        Assert.Contains("GREETING=hello world", sink.Stdout);
        Assert.Contains($"WORKING_DIR={_directory.Path}", sink.Stdout);
        Assert.DoesNotContain(sink.Stdout, line => line.StartsWith("HARRIER_DOCKER_TEST_WORKER_ONLY=", StringComparison.Ordinal));
        Assert.Contains("PATH=/bin", sink.Stdout);
    }

    [Fact]
    public async Task Run_StartsInTheHostWorkingDirectoryPath()
    {
        await TestEngine.RequireAsync();
        var sink = new RecordingOutputSink();

        await _runner.RunAsync(DockerRun.Shell("pwd", _directory.Path), sink, CancellationToken.None);

        Assert.Equal([_directory.Path], sink.Stdout);
    }

    [Fact]
    public async Task Run_DeliversAProtocolLineLongerThanOneMegabyteWhole()
    {
        await TestEngine.RequireAsync();
        var sink = new RecordingOutputSink();
        const int length = 1_100_000;

        var result = await _runner.RunAsync(DockerRun.Shell(
            $"printf '::{{\"outputs\":{{\"big\":\"'; head -c {length} /dev/zero | tr '\\0' a; printf '\"}}}}::\\n'; echo after", _directory.Path), sink, CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, sink.Stdout.Count);
        Assert.Equal("::{\"outputs\":{\"big\":\"" + new string('a', length) + "\"}}::", sink.Stdout[0]);
        Assert.Equal("after", sink.Stdout[1]);
    }

    [Fact]
    public async Task Run_KeepsBlankLines_AndFlushesALastLineWithoutNewline()
    {
        await TestEngine.RequireAsync();
        var sink = new RecordingOutputSink();

        await _runner.RunAsync(DockerRun.Shell("printf 'a\\n\\n\\nb\\nlast'", _directory.Path), sink, CancellationToken.None);

        Assert.Equal(["a", "", "", "b", "last"], sink.Stdout);
    }

    [Fact]
    public async Task Run_DeliversAllTwoThousandLinesOfALoop()
    {
        await TestEngine.RequireAsync();
        var sink = new RecordingOutputSink();

        await _runner.RunAsync(DockerRun.Shell("seq 1 2000", _directory.Path), sink, CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, 2000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), sink.Stdout);
    }

    [Fact]
    public async Task Run_LabelsTheContainerWithTheTaskRun_AndRemovesItWhenDeleteIsTrue()
    {
        await TestEngine.RequireAsync();
        var kept = DockerRun.Shell("true", _directory.Path, DockerRun.Settings() with { Delete = false });
        var deleted = DockerRun.Shell("true", _directory.Path);

        await _runner.RunAsync(kept, new RecordingOutputSink(), CancellationToken.None);
        await _runner.RunAsync(deleted, new RecordingOutputSink(), CancellationToken.None);
        await _runner.RemovalsCompletedAsync();

        var found = Assert.Single(await TestEngine.ContainersWithLabelAsync(DockerContainerLabels.TaskRunIdKey, kept.Labels.TaskRunId));
        await TestEngine.Client.Containers.RemoveContainerAsync(found.ID, new global::Docker.DotNet.Models.ContainerRemoveParameters { Force = true });
        Assert.Equal("company.team", found.Labels[DockerContainerLabels.NamespaceKey]);
        Assert.Equal("docker-tests", found.Labels[DockerContainerLabels.FlowIdKey]);
        Assert.Equal("t1", found.Labels[DockerContainerLabels.TaskIdKey]);
        Assert.Equal(kept.Labels.ExecutionId, found.Labels[DockerContainerLabels.ExecutionIdKey]);
        Assert.Equal("0", found.Labels[DockerContainerLabels.AttemptKey]);
        Assert.Equal("true", found.Labels[DockerContainerLabels.ManagedKey]);
        Assert.Empty(await TestEngine.ContainersWithLabelAsync(DockerContainerLabels.TaskRunIdKey, deleted.Labels.TaskRunId));
    }

    [Fact]
    public async Task Run_CreatesTheContainerWithTheLimitsAndOptionsOfTheSettings()
    {
        await TestEngine.RequireAsync();
        var settings = DockerRun.Settings() with
        {
            Delete = false,
            Cpus = 0.5,
            Memory = new Harrier.Docker.Settings.DockerMemorySettings { Memory = 64L << 20 },
            ShmSize = 32L << 20,
            ExtraHosts = ["db.internal:10.1.2.3"],
            NetworkMode = "none",
            User = "65534",
        };
        var sink = new RecordingOutputSink();
        var request = DockerRun.Shell("id -u; cat /etc/hosts | grep db.internal", _directory.Path, settings);

        await _runner.RunAsync(request, sink, CancellationToken.None);

        var container = Assert.Single(await TestEngine.ContainersWithLabelAsync(DockerContainerLabels.TaskRunIdKey, request.Labels.TaskRunId));
        var inspected = await TestEngine.Client.Containers.InspectContainerAsync(container.ID);
        await TestEngine.Client.Containers.RemoveContainerAsync(container.ID, new global::Docker.DotNet.Models.ContainerRemoveParameters { Force = true });
        Assert.Equal(64L << 20, inspected.HostConfig.Memory);
        Assert.Equal(500_000_000, inspected.HostConfig.NanoCPUs);
        Assert.Equal(32L << 20, inspected.HostConfig.ShmSize);
        Assert.Equal("none", inspected.HostConfig.NetworkMode);
        Assert.Equal(_directory.Path, inspected.Config.WorkingDir);
        Assert.True(inspected.Config.Entrypoint is null || inspected.Config.Entrypoint.All(string.IsNullOrEmpty));
        Assert.Equal("65534", sink.Stdout[0]);
        Assert.Contains("10.1.2.3", sink.Stdout[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ReturnsZeroAtOnce_LeavingTheContainerRunning_WhenWaitIsFalse()
    {
        await TestEngine.RequireAsync();
        var sink = new RecordingOutputSink();
        var request = DockerRun.Shell("echo never seen; sleep 300", _directory.Path, DockerRun.Settings() with { Wait = false });

        var result = await _runner.RunAsync(request, sink, CancellationToken.None);

        var container = Assert.Single(await TestEngine.ContainersWithLabelAsync(DockerContainerLabels.TaskRunIdKey, request.Labels.TaskRunId));
        await TestEngine.Client.Containers.RemoveContainerAsync(container.ID, new global::Docker.DotNet.Models.ContainerRemoveParameters { Force = true });
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(sink.Stdout);
        Assert.Equal("running", container.State);
    }

    public async ValueTask DisposeAsync()
    {
        await _runner.DisposeAsync();
        _directory.Dispose();
    }
}
