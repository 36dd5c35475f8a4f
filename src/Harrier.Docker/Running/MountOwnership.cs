using Docker.DotNet;
using Docker.DotNet.Models;
using Harrier.Docker.Engine;

namespace Harrier.Docker.Running;

/// <summary>
/// With MOUNT, a container running as root leaves root-owned files in the worker's directory, which a worker
/// that is not root cannot delete. A short container from the task's image (root, entrypoint cleared) hands the
/// directory back with <c>chown -R</c>. Skipped when the worker is root. A failure (an image without
/// <c>chown</c>) is logged, not fatal: the task's result does not depend on it.
/// </summary>
internal static class MountOwnership
{
    public static async Task ReturnToWorkerAsync(DockerClient client, DockerRunRequest request, Action<string> log, CancellationToken cancellationToken)
    {
        if (Environment.IsPrivilegedProcess || WorkerIds() is not var (uid, gid))
        {
            return;
        }

        var directory = request.Run.WorkingDirectory;
        var created = await client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = ImageReference.Parse(request.Settings.Image).FullName,
            User = "0",
            Entrypoint = [""],
            Cmd = ["chown", "-R", $"{uid}:{gid}", directory],
            Labels = request.Labels.ToDictionary().ToDictionary(StringComparer.Ordinal),
            HostConfig = new HostConfig { Binds = [$"{directory}:{directory}:rw"], NetworkMode = "none" },
        }, cancellationToken).ConfigureAwait(false);
        try
        {
            await client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
            var exitCode = await ContainerOperations.WaitAsync(client, created.ID, cancellationToken).ConfigureAwait(false);
            if (exitCode != 0)
            {
                log($"Could not give the files in {directory} back to the worker's user (chown exited with {exitCode}); root-owned files may stay behind");
            }
        }
        finally
        {
            await ContainerOperations.RemoveAsync(client, created.ID).ConfigureAwait(false);
        }
    }

    // The real uid/gid of this process, from /proc (Linux); null elsewhere.
    private static (string Uid, string Gid)? WorkerIds()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return null;
        }

        string? uid = null, gid = null;
        foreach (var line in File.ReadLines(status))
        {
            if (line.StartsWith("Uid:", StringComparison.Ordinal))
            {
                uid = line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1];
            }
            else if (line.StartsWith("Gid:", StringComparison.Ordinal))
            {
                gid = line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1];
            }
        }

        return uid is null || gid is null ? null : (uid, gid);
    }
}
