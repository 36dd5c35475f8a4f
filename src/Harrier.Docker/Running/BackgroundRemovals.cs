using System.Collections.Concurrent;
using Docker.DotNet;

namespace Harrier.Docker.Running;

/// <summary>
/// Removals of finished containers that run after the result was handed back: removing a container costs the
/// engine 20–150 ms that the task need not wait for (its output and files are already collected). The runner
/// awaits them when disposed; a removal that fails (engine gone) is left to <see cref="DockerJanitor"/>.
/// </summary>
internal sealed class BackgroundRemovals
{
    private readonly ConcurrentDictionary<string, Task> _pending = new(StringComparer.Ordinal);

    public void Start(DockerClient client, string containerId)
    {
        var removal = RemoveQuietlyAsync(client, containerId);
        _pending[containerId] = removal;
        _ = removal.ContinueWith(_ => _pending.TryRemove(containerId, out var _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Completes when every removal started so far has ended.</summary>
    public Task WhenAllAsync() => Task.WhenAll(_pending.Values);

    private static async Task RemoveQuietlyAsync(DockerClient client, string containerId)
    {
        try
        {
            await ContainerOperations.RemoveAsync(client, containerId).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The engine went away or refused: the janitor removes labelled leftovers at the next start-up.
        }
    }
}
