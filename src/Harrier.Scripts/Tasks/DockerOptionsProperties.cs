using Harrier.Core.Tasks.Types;

namespace Harrier.Scripts.Tasks;

/// <summary>
/// Container settings shared by the Docker runner and the deprecated <c>docker:</c> options of script tasks
/// (spec §3.3, §3.4), declared once.
/// </summary>
public static class DockerOptionsProperties
{
    public static IReadOnlyList<PropertyDescriptor> Shared { get; } =
    [
        Prop.String("host", "Docker host, e.g. unix:///var/run/docker.sock (auto-detected)."),
        Prop.Any("config", "Content of a Docker config.json (a JSON text or a map)."),
        Prop.Object("credentials", "Registry credentials.",
            Prop.String("registry", "Registry host."),
            Prop.String("username", "User name."),
            Prop.String("password", "Password."),
            Prop.String("registryToken", "Registry token."),
            Prop.String("identityToken", "Identity token."),
            Prop.String("auth", "base64 of user:password.")),
        Prop.String("user", "User the container runs as."),
        Prop.StringList("entryPoint", "Entrypoint; cleared by default."),
        Prop.StringList("extraHosts", "Extra /etc/hosts entries (host:ip)."),
        Prop.String("networkMode", "Network mode, e.g. host or none."),
        Prop.StringList("volumes", "Bind mounts host:container[:mode]; need the server's opt-in."),
        Prop.Any("deviceRequests", "Device requests (GPUs)."),
        Prop.Object("cpu", "CPU limit.", Prop.Number("cpus", "Number of CPUs.")),
        Prop.Object("memory", "Memory limits (size strings such as 512MB).",
            Prop.String("memory", "Memory limit."),
            Prop.String("memorySwap", "Memory plus swap limit."),
            Prop.Integer("memorySwappiness", "Swappiness 0-100."),
            Prop.String("memoryReservation", "Soft limit."),
            Prop.String("kernelMemory", "Kernel memory limit."),
            Prop.Boolean("oomKillDisable", "Disable the OOM killer.")),
        Prop.String("shmSize", "Size of /dev/shm, e.g. 256MB."),
        Prop.Boolean("privileged", "Run privileged."),
    ];

    /// <summary>The deprecated <c>docker:</c> object of script tasks (pull policy defaults to ALWAYS there).</summary>
    public static PropertyDescriptor DeprecatedDockerOptions { get; } = new("docker", PropertyKind.Object)
    {
        Description = "Deprecated container options; use taskRunner with the Docker runner.",
        Deprecated = true,
        Fields =
        [
            .. Shared,
            Prop.String("image", "Image (defaults to containerImage)."),
            Prop.Enum("pullPolicy", "When to pull the image.", "ALWAYS", "IF_NOT_PRESENT", "ALWAYS", "NEVER"),
        ],
    };
}
