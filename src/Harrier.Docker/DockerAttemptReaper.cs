using Docker.DotNet;
using Docker.DotNet.Models;
using Harrier.Core.Engine.Recovery;
using Harrier.Docker.Engine;
using Harrier.Docker.Running;

namespace Harrier.Docker;

/// <summary>
/// Removes the containers that Harrier workers which died left behind: every container labelled
/// <c>harrier.io/managed=true</c> whose <c>harrier.io/worker</c> names a dead process. Containers of live workers (this
/// process, or others on the same engine) are kept. Without an engine (no socket), there is nothing to remove.
/// </summary>
public sealed class DockerAttemptReaper(DockerServerOptions? server = null) : IAttemptReaper
{
    private readonly DockerServerOptions _server = server ?? new DockerServerOptions();

    public async Task<IReadOnlyList<string>> ReapAsync(Func<string, bool> isDeadWorker, CancellationToken cancellationToken)
    {
        if (_server.Host is null && !File.Exists("/var/run/docker.sock"))
        {
            return [];
        }

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
            if (DockerContainerLabels.FromDictionary(container.Labels) is not { } labels || labels.Worker.Length == 0 || !isDeadWorker(labels.Worker))
            {
                continue;
            }

            await ContainerOperations.RemoveAsync(client, container.ID).ConfigureAwait(false);
            removed.Add($"container {container.ID[..Math.Min(12, container.ID.Length)]} of task run {labels.TaskRunId} (attempt {labels.Attempt + 1})");
        }

        return removed;
    }
}
