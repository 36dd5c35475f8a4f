using Harrier.Core.Executions;
using Harrier.Core.Store;
using Harrier.Docker;

namespace Harrier.Cli.Running;

/// <summary>
/// At start-up, removes containers an earlier Harrier process left behind, keeping those whose attempt the
/// store still shows running (another process on the same data directory, or one to resume).
/// </summary>
internal static class ContainerCleanup
{
    public static async Task RunAsync(DockerServerOptions server, IExecutionStore store, TextWriter error, CancellationToken cancellationToken)
    {
        if (server.Host is null && !File.Exists("/var/run/docker.sock"))
        {
            return;
        }

        try
        {
            await new DockerJanitor(server).CleanUpAsync(async (labels, ct) =>
            {
                var run = await store.GetTaskRunAsync(labels.TaskRunId, ct).ConfigureAwait(false);
                return run is { State: State.Running } && run.Attempts.Count - 1 == labels.Attempt;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // No engine, or not ours to touch: cleaning up is best effort and never blocks a run.
            await error.WriteLineAsync($"harrier: could not look for leftover containers: {ex.Message}").ConfigureAwait(false);
        }
    }
}
