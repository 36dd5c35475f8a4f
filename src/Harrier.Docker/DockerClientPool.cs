using System.Collections.Concurrent;
using Docker.DotNet;

namespace Harrier.Docker;

/// <summary>One client (one connection pool) per engine address, shared by every run; disposed with the runner.</summary>
internal sealed class DockerClientPool : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<DockerClient>> _clients = new(StringComparer.Ordinal);

    public DockerClient Get(string host) =>
        _clients.GetOrAdd(host, address => new Lazy<DockerClient>(() =>
            // No client-side timeout: waiting for a container and following its output last as long as the task.
            new DockerClientConfiguration(new Uri(address), defaultTimeout: Timeout.InfiniteTimeSpan).CreateClient())).Value;

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            if (client.IsValueCreated)
            {
                client.Value.Dispose();
            }
        }

        _clients.Clear();
    }
}
