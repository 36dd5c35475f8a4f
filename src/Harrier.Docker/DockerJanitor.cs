using Docker.DotNet;
using Docker.DotNet.Models;
using Harrier.Docker.Engine;
using Harrier.Docker.Running;

namespace Harrier.Docker;

/// <summary>
/// Removes the containers Harrier left behind (a worker that crashed or was stopped mid-run): every container
/// labelled <c>harrier.io/managed=true</c> whose task run attempt the caller says is no longer running. Containers
/// of running attempts are kept, so a worker that resumes the attempt reattaches to them (<c>resume: true</c>).
/// Call it at start-up, before workers take jobs.
/// </summary>
public sealed class DockerJanitor(DockerServerOptions? server = null)
{
    private readonly DockerServerOptions _server = server ?? new DockerServerOptions();

    /// <param name="isAttemptRunning">Whether the attempt a container belongs to is still running (and may be resumed).</param>
    /// <param name="cancellationToken">Stops the clean-up between containers.</param>
    /// <returns>The ids of the removed containers.</returns>
    public async Task<IReadOnlyList<string>> CleanUpAsync(Func<DockerContainerLabels, CancellationToken, ValueTask<bool>> isAttemptRunning, CancellationToken cancellationToken)
    {
        var host = _server.ResolveHost(null);
        using var client = new DockerClientConfiguration(new Uri(host)).CreateClient();
        IList<ContainerListResponse> containers;
        try
        {
            containers = await client.Containers.ListContainersAsync(new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>>(StringComparer.Ordinal)
                {
                    ["label"] = new Dictionary<string, bool>(StringComparer.Ordinal) { [$"{DockerContainerLabels.ManagedKey}=true"] = true },
                },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (EngineErrors.IsUnreachable(exception))
        {
            throw EngineErrors.Unreachable(host, exception);
        }

        var removed = new List<string>();
        foreach (var container in containers)
        {
            if (DockerContainerLabels.FromDictionary(container.Labels) is not { } labels
                || await isAttemptRunning(labels, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            await ContainerOperations.RemoveAsync(client, container.ID).ConfigureAwait(false);
            removed.Add(container.ID);
        }

        return removed;
    }
}
