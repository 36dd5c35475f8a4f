using Harrier.Core.Tasks.Running;
using Harrier.Scripts.Runners;
using Harrier.Scripts.Runners.Containers;

namespace Harrier.Scripts.Tasks;

/// <summary>
/// Which runner a script task uses (spec §3.4): the deprecated <c>runner</c> wins over <c>taskRunner</c> and
/// turns the output directory on; without either, the server's default (Process unless set to Docker).
/// With a Docker <c>taskRunner</c>, the deprecated <c>docker:</c> options, when given, configure it (as in Kestra).
/// </summary>
internal sealed record ScriptRunnerChoice(bool OutputDirectoryEnabled, bool UseContainer, bool UsesDeprecatedOptions)
{
    private static readonly string[] DockerTypes =
        ["io.kestra.plugin.scripts.runner.docker.Docker", "io.kestra.plugin.scripts.runner.docker.DockerTaskRunner", "scripts.runner.docker.Docker", "runner.docker.Docker", "docker.Docker"];

    public static ScriptRunnerChoice Resolve(PropertyReader properties, bool dockerIsDefault)
    {
        var legacy = properties.String("runner");
        var outputDirectory = properties.Bool("outputDirectory", false) || legacy is not null;
        var hasDockerOptions = properties.Has("docker");
        if (legacy is not null)
        {
            return new ScriptRunnerChoice(outputDirectory, legacy == "DOCKER", UsesDeprecatedOptions: legacy == "DOCKER");
        }

        var runnerType = properties.Value("taskRunner") is IReadOnlyDictionary<string, object?> runner ? runner.GetValueOrDefault("type") as string : null;
        var container = runnerType is null ? dockerIsDefault : DockerTypes.Contains(runnerType);
        return new ScriptRunnerChoice(outputDirectory, container, container && hasDockerOptions);
    }

    /// <summary>The container runner for this attempt, or a clear error when no container engine is configured.</summary>
    public ITaskRunner? ContainerRunner(TaskRunContext context, PropertyReader properties, string defaultImage, IContainerRunnerFactory? factory)
    {
        if (!UseContainer)
        {
            return null;
        }

        if (factory is null)
        {
            throw new TaskFailedException("this task asks for the Docker task runner, but this Harrier process has no container engine configured; remove taskRunner to run it as a local process");
        }

        return factory.Create(new ContainerRunSpec
        {
            TaskRunner = properties.Value("taskRunner") as IReadOnlyDictionary<string, object?>,
            DeprecatedOptions = properties.Value("docker") as IReadOnlyDictionary<string, object?>,
            UsesDeprecatedOptions = UsesDeprecatedOptions,
            ContainerImage = properties.String("containerImage") ?? defaultImage,
            Namespace = context.Flow.Namespace,
            FlowId = context.Flow.Id,
            TaskId = context.Task.Id,
            ExecutionId = context.Execution.Id,
            TaskRunId = context.TaskRun.Id,
            Attempt = context.Attempt,
            Log = message => context.Logger.Log(Core.Logs.TaskLogLevel.Info, message),
        });
    }
}
