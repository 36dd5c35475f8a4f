using Harrier.Core.Tasks.Types;
using Harrier.Scripts.Tasks;

namespace Harrier.Docker;

/// <summary>Declaration of the Docker task runner (spec §3.3).</summary>
public static class DockerRunnerType
{
    public const string Type = "io.kestra.plugin.scripts.runner.docker.Docker";

    public static TaskTypeDescriptor Descriptor { get; } = new(Type, TaskKind.TaskRunner,
    [
        Prop.String("type", "Runner type.", required: true) with { Dynamic = false },
        .. DockerOptionsProperties.Shared,
        Prop.StringList("portBindings", "Published ports ip:hostPort:containerPort/proto."),
        Prop.Enum("pullPolicy", "When to pull the image.", "IF_NOT_PRESENT", "IF_NOT_PRESENT", "ALWAYS", "NEVER"),
        Prop.Enum("fileHandlingStrategy", "VOLUME copies the working directory in and out; MOUNT binds it.", "VOLUME", "VOLUME", "MOUNT"),
        Prop.Boolean("delete", "Remove the container afterwards.", true),
        Prop.Boolean("wait", "Wait for the container to end.", true),
        Prop.Duration("killGracePeriod", "Grace period before a kill.", "PT0S"),
        Prop.Boolean("resume", "Accepted for Kestra compatibility and ignored: Harrier removes the containers of a worker that died and runs the attempt again.", true),
        Prop.String("version", "Plugin version (accepted for compatibility).") with { Dynamic = false },
    ])
    {
        Aliases = ["io.kestra.plugin.scripts.runner.docker.DockerTaskRunner"],
        Description = "Run the task in a Docker container.",
    };

    public static IReadOnlyList<TaskTypeDescriptor> All { get; } = [Descriptor];
}
