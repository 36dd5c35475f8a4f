using Harrier.Docker.Settings;
using Harrier.Scripts.Runners;
using Harrier.Scripts.Runners.Containers;

namespace Harrier.Docker;

/// <summary>Builds per-attempt Docker runners for script tasks over one shared <see cref="DockerTaskRunner"/>.</summary>
public sealed class DockerRunnerFactory(DockerTaskRunner runner, DockerServerOptions server) : IContainerRunnerFactory
{
    public ITaskRunner Create(ContainerRunSpec spec)
    {
        var settings = spec.UsesDeprecatedOptions
            ? DockerRunnerSettings.FromDeprecatedOptions(spec.DeprecatedOptions, spec.ContainerImage, server)
            : DockerRunnerSettings.FromProperties(spec.TaskRunner ?? new Dictionary<string, object?>(), spec.ContainerImage, server);
        var labels = new DockerContainerLabels(spec.Namespace, spec.FlowId, spec.TaskId, spec.ExecutionId, spec.TaskRunId, spec.Attempt);
        return new AttemptRunner(runner, settings, labels, spec.Log);
    }

    /// <summary>One attempt's runner: the shared Docker runner with this attempt's settings and labels.</summary>
    private sealed class AttemptRunner(DockerTaskRunner runner, DockerRunnerSettings settings, DockerContainerLabels labels, Action<string>? log) : ITaskRunner
    {
        public Task<TaskRunnerResult> RunAsync(TaskRunnerRequest request, ITaskOutputSink sink, CancellationToken cancellationToken) =>
            runner.RunAsync(new DockerRunRequest(request with { InheritEnvironment = false }, settings, labels), sink, log, cancellationToken);
    }
}
