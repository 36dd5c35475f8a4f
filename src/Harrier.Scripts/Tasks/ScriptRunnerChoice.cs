using Harrier.Core.Tasks.Running;
using Harrier.Core.Tasks.Types;

namespace Harrier.Scripts.Tasks;

/// <summary>
/// Which runner a script task uses (spec §3.4): the deprecated <c>runner</c> wins over <c>taskRunner</c> and
/// turns the output directory on; Harrier's default is Process. Unavailable runners fail with a clear message.
/// </summary>
internal sealed record ScriptRunnerChoice(bool OutputDirectoryEnabled)
{
    private const string DockerRunner = "io.kestra.plugin.scripts.runner.docker.Docker";

    public static ScriptRunnerChoice Resolve(PropertyReader properties)
    {
        var legacy = properties.String("runner");
        var outputDirectory = properties.Bool("outputDirectory", false) || legacy is not null;
        var runnerType = properties.Value("taskRunner") is IReadOnlyDictionary<string, object?> runner ? runner.GetValueOrDefault("type") as string : null;
        var wantsDocker = legacy == "DOCKER" || (legacy is null && runnerType is DockerRunner or "io.kestra.plugin.scripts.runner.docker.DockerTaskRunner");
        if (wantsDocker)
        {
            throw new TaskFailedException("the Docker task runner is not available in this Harrier build yet; remove taskRunner (Harrier runs scripts as local processes by default) or use type: " + CoreTaskTypes.ProcessRunner);
        }

        return new ScriptRunnerChoice(outputDirectory);
    }
}
