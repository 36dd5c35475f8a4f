using Harrier.Core.Engine.Coordination;
using Harrier.Core.Engine.Recovery;
using Harrier.Docker.Tests.Support;

namespace Harrier.Docker.Tests.Running;

/// <summary>The containers of a Harrier process that died are removed before its attempts run again; live workers' stay.</summary>
public sealed class DockerAttemptReaperTests : IAsyncDisposable
{
    private readonly DockerTaskRunner _runner = new();
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Reaper_RemovesTheContainersOfADeadWorker_AndKeepsThoseOfALiveOne()
    {
        await TestEngine.RequireAsync();
        // A worker the reaper is told is dead. It names another host, so that the sweeps of other Harrier processes running
        // on this machine at the same time (other test projects) leave its container alone: they reap only dead workers
        // of this host, which LeftoverSweeper.IsDeadWorker's own tests cover.
        var dead = new ProcessIdentity("elsewhere.invalid", 4242, 1).ToString();
        var orphan = DockerRun.Shell("sleep 300", _directory.Path, DockerRun.Settings() with { Wait = false });
        orphan = orphan with { Labels = orphan.Labels with { Worker = dead } };
        var live = DockerRun.Shell("sleep 300", _directory.Path, DockerRun.Settings() with { Wait = false });
        await _runner.RunAsync(orphan, new RecordingOutputSink(), CancellationToken.None);
        await _runner.RunAsync(live, new RecordingOutputSink(), CancellationToken.None);

        var removed = await new DockerAttemptReaper().ReapAsync(mark => mark == dead, CancellationToken.None);

        Assert.Single(removed);
        Assert.Contains(orphan.Labels.TaskRunId, removed[0], StringComparison.Ordinal);
        Assert.Empty(await TestEngine.ContainersWithLabelAsync(DockerContainerLabels.TaskRunIdKey, orphan.Labels.TaskRunId));
        var kept = Assert.Single(await TestEngine.ContainersWithLabelAsync(DockerContainerLabels.TaskRunIdKey, live.Labels.TaskRunId));
        Assert.Equal("running", kept.State);
        Assert.Equal(ProcessIdentity.Current.ToString(), kept.Labels[DockerContainerLabels.WorkerKey]);
        await RemoveAsync(live.Labels.TaskRunId);
    }

    [Fact]
    public async Task EachAttempt_GetsAFreshContainer_EvenWhenAnEarlierOneOfTheSameAttemptIsStillThere()
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
        await RemoveAsync(request.Labels.TaskRunId);
    }

    /// <summary>Removes this test's containers only (other tests of this process run beside it).</summary>
    private static async Task RemoveAsync(string taskRunId)
    {
        foreach (var container in await TestEngine.ContainersWithLabelAsync(DockerContainerLabels.TaskRunIdKey, taskRunId))
        {
            await TestEngine.Client.Containers.RemoveContainerAsync(container.ID, new global::Docker.DotNet.Models.ContainerRemoveParameters { Force = true });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _runner.DisposeAsync();
        _directory.Dispose();
    }
}
