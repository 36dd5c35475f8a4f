using Harrier.Core.Executions;
using Harrier.Core.Store;
using Harrier.Docker;

namespace Harrier.Cli.Running;

/// <summary>
/// At start-up, removes containers an earlier Harrier process left behind, keeping those whose attempt the
/// store still shows running (another process on the same data directory, or one to resume) and those of
/// task runs it does not know (another Harrier with another data directory).
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
                // A task run this store does not know belongs to another Harrier (another data directory): not ours to remove.
                var run = await store.GetTaskRunAsync(labels.TaskRunId, ct).ConfigureAwait(false);
                return run is null || (run.State == State.Running && run.Attempts.Count - 1 == labels.Attempt);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // No engine, or not ours to touch: cleaning up is best effort and never blocks a run.
            await error.WriteLineAsync($"harrier: could not look for leftover containers: {ex.Message}").ConfigureAwait(false);
        }
    }
}
