using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using Harrier.Docker.Settings;
using Harrier.Docker.Tests.Support;
using Harrier.Scripts.Runners;
using Harrier.TestKit.Contracts;

namespace Harrier.Docker.Tests.Contract;

/// <summary>
/// The TaskRunnerContract suite on a real Docker engine, in the busybox test image (never pulled), with the runner's
/// defaults: VOLUME file handling (copied in and out) and no kill grace period. What a run left is asked of the engine:
/// every container, running or not, whose environment holds the run's marker.
/// </summary>
public sealed class DockerTaskRunnerContractTests : TaskRunnerContract
{
    private readonly List<DockerTaskRunner> _dockerRunners = [];

    /// <summary>A container sees only the computed environment, never the worker's.</summary>
    protected override bool CanInheritWorkerEnvironment => false;

    /// <summary>The grace period is the runner's <see cref="DockerRunnerSettings.KillGracePeriod"/> (zero: SIGKILL at once).</summary>
    protected override bool HonoursRequestKillGracePeriod => false;

    /// <summary>The image links only some busybox applets; setsid is reached through busybox itself.</summary>
    protected override string NewSessionCommand => "busybox setsid";

    protected override async Task<ITaskRunner> CreateRunnerAsync(int maxLineBytes)
    {
        await TestEngine.RequireAsync();
        var runner = new DockerTaskRunner(new DockerServerOptions { MaxLineBytes = maxLineBytes }, DockerRun.Settings() with { PullPolicy = DockerPullPolicy.Never });
        _dockerRunners.Add(runner);
        return runner;
    }

    protected override async Task<IReadOnlyList<string>> FindLeftoversAsync(string runMarker)
    {
        await RemovalsCompletedAsync();
        return (await MarkedContainersAsync(runMarker)).Select(c => $"container {c.ID[..12]} ({c.State})").ToList();
    }

    protected override async Task RemoveLeftoversAsync(string runMarker)
    {
        await RemovalsCompletedAsync();
        foreach (var container in await MarkedContainersAsync(runMarker))
        {
            try
            {
                await TestEngine.Client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
            }
            catch (DockerApiException exception) when (exception.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
            {
                // Removed meanwhile, or being removed.
            }
        }
    }

    /// <summary>
    /// After a normal end the container is removed in the background (the result does not wait for the engine); the
    /// runner promises that removal, so it is awaited before looking. After a kill the removal happens before the result.
    /// </summary>
    private async Task RemovalsCompletedAsync()
    {
        foreach (var runner in _dockerRunners)
        {
            await runner.RemovalsCompletedAsync();
        }
    }

    /// <summary>Containers Harrier manages whose environment holds the marker (the list has no env filter: each is inspected).</summary>
    private static async Task<List<ContainerListResponse>> MarkedContainersAsync(string runMarker)
    {
        var entry = $"{RunMarkerVariable}={runMarker}";
        var marked = new List<ContainerListResponse>();
        foreach (var container in await TestEngine.ContainersWithLabelAsync(DockerContainerLabels.ManagedKey, "true"))
        {
            if (await TestEngine.InspectAsync(container.ID) is { } inspected && inspected.Config.Env.Contains(entry))
            {
                marked.Add(container);
            }
        }

        return marked;
    }
}
