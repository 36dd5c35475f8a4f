using Harrier.Core.Tasks.Running;

namespace Harrier.Docker.Settings;

/// <summary>
/// The Docker properties that give a task's container the host: bind mounts, <c>privileged</c> (every device, every
/// capability), the host's network (its 127.0.0.1 services) or another container's. Refused unless an administrator
/// enabled host access (<see cref="DockerServerOptions.HostAccessEnabled"/>): a flow author is not the host's administrator.
/// </summary>
internal static class HostAccess
{
    private const string Enable = $"an administrator enables it with {DockerServerOptions.HostAccessSetting}: true (harrier run {DockerServerOptions.HostAccessFlag}, formerly --allow-docker-volumes)";

    public static void Check(SettingsMap map, IReadOnlyList<string> volumes, DockerServerOptions server)
    {
        if (server.HostAccessEnabled)
        {
            return;
        }

        if (volumes.Count > 0)
        {
            throw new TaskFailedException(
                $"{map.Path("volumes")}: bind mounts are disabled on this Harrier server because they give tasks access to the host's files; {Enable}, or remove volumes from the task");
        }

        if (map.Bool("privileged") is true)
        {
            throw new TaskFailedException(
                $"{map.Path("privileged")}: privileged containers are disabled on this Harrier server because they give tasks the host's devices and kernel; {Enable}, or remove privileged from the task");
        }

        var network = map.String("networkMode")?.Trim();
        if (network is not null && (network.Equals("host", StringComparison.OrdinalIgnoreCase) || network.StartsWith("container:", StringComparison.OrdinalIgnoreCase)))
        {
            throw new TaskFailedException(
                $"{map.Path("networkMode")}: '{network}' is disabled on this Harrier server because it lets tasks reach services listening on the host's (or another container's) loopback; "
                + $"{Enable}, or use the default bridge network (remove networkMode)");
        }
    }
}
