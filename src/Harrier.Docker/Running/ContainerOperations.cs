using Docker.DotNet;
using Docker.DotNet.Models;
using Harrier.Docker.Files;

namespace Harrier.Docker.Running;

/// <summary>The single engine calls a run is made of, each with the error handling it needs.</summary>
internal static class ContainerOperations
{
    /// <summary>Copies the host working directory into the created container, at the same path.</summary>
    public static async Task CopyInAsync(DockerClient client, string containerId, string workingDirectory, CancellationToken cancellationToken)
    {
        var archive = WorkingDirectoryArchive.Start(workingDirectory, cancellationToken);
        await using (archive.ConfigureAwait(false))
        {
            var parent = Path.GetDirectoryName(workingDirectory) ?? "/";
            await client.Containers.ExtractArchiveToContainerAsync(containerId, new ContainerPathStatParameters { Path = parent }, archive.Content, cancellationToken)
                .ConfigureAwait(false);
            await archive.CompletedAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Copies the container's working directory back over the host's; returns what was skipped and why.</summary>
    public static async Task<IReadOnlyList<string>> CopyOutAsync(DockerClient client, string containerId, string workingDirectory, CancellationToken cancellationToken)
    {
        var response = await client.Containers.GetArchiveFromContainerAsync(containerId, new GetArchiveFromContainerParameters { Path = workingDirectory }, false, cancellationToken)
            .ConfigureAwait(false);
        // Spooled to a temporary file first: Docker.DotNet's chunked response stream fails when TarReader reads
        // it piecewise (EndOfStreamException), while one sequential copy reads it fine.
        var spool = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await using (spool.ConfigureAwait(false))
        {
            using (var stream = response.Stream)
            {
                await stream.CopyToAsync(spool, cancellationToken).ConfigureAwait(false);
            }

            spool.Position = 0;
            return await SafeTarExtractor.ExtractAsync(spool, workingDirectory, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Whether anything below the working directory differs from the image in the container's writable layer
    /// (files copied in count as changes): one cheap call that spares the archive round trip when nothing was written.
    /// </summary>
    public static async Task<bool> WorkingDirectoryChangedAsync(DockerClient client, string containerId, string workingDirectory, CancellationToken cancellationToken)
    {
        var changes = await client.Containers.InspectChangesAsync(containerId, cancellationToken).ConfigureAwait(false);
        var prefix = workingDirectory.TrimEnd('/') + "/";
        return changes?.Any(change => change.Path.StartsWith(prefix, StringComparison.Ordinal)) ?? true;
    }

    /// <summary>Stops the container: SIGKILL at once without a grace period, else SIGTERM and SIGKILL after it.</summary>
    public static async Task StopAsync(DockerClient client, string containerId, TimeSpan gracePeriod)
    {
        try
        {
            if (gracePeriod <= TimeSpan.Zero)
            {
                await client.Containers.KillContainerAsync(containerId, new ContainerKillParameters { Signal = "SIGKILL" }, CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                var seconds = (uint)Math.Ceiling(gracePeriod.TotalSeconds);
                await client.Containers.StopContainerAsync(containerId, new ContainerStopParameters { WaitBeforeKillSeconds = seconds }, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (DockerApiException)
        {
            // Already stopped (409) or gone (404): either way it no longer runs.
        }
    }

    public static async Task RemoveAsync(DockerClient client, string containerId)
    {
        try
        {
            await client.Containers.RemoveContainerAsync(containerId, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (DockerContainerNotFoundException)
        {
            // Removed already (by the janitor, or by hand).
        }
    }

    /// <summary>Exit code of a container that has stopped (waits for it otherwise).</summary>
    public static async Task<int> WaitAsync(DockerClient client, string containerId, CancellationToken cancellationToken)
    {
        var response = await client.Containers.WaitContainerAsync(containerId, cancellationToken).ConfigureAwait(false);
        return (int)response.StatusCode;
    }
}
