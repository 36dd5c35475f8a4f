using Harrier.Docker.Settings;
using Harrier.Scripts.Runners;

namespace Harrier.Docker;

/// <summary>One Docker run: what to run (argv, working directory, computed environment), how, and for whom.</summary>
/// <param name="Run">
/// The argv, the working directory (also the container's working directory, same path) and the computed environment.
/// <see cref="TaskRunnerRequest.InheritEnvironment"/> and <see cref="TaskRunnerRequest.KillGracePeriod"/> are ignored:
/// a container never sees the worker's environment, and the grace period is <see cref="DockerRunnerSettings.KillGracePeriod"/>.
/// </param>
/// <param name="Settings">The parsed runner properties.</param>
/// <param name="Labels">The task run the container belongs to.</param>
public sealed record DockerRunRequest(TaskRunnerRequest Run, DockerRunnerSettings Settings, DockerContainerLabels Labels);
