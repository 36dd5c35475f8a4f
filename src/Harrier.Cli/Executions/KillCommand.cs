using System.CommandLine;
using Harrier.Cli.Remote;
using Harrier.Core.Store;
using Harrier.Server.Hosting;

namespace Harrier.Cli.Executions;

/// <summary>
/// <c>harrier executions kill ID</c>: stores a kill request. The process running the execution (another
/// <c>harrier run</c>, a server) stops its tasks within a moment and ends it KILLED; this command does not wait.
/// </summary>
public static class KillCommand
{
    public static Command Create()
    {
        var dataDir = ExecutionsCommand.DataDirOption();
        var id = new Argument<string>("id") { Description = "Execution id." };
        var (server, config) = (ServerConnection.ServerOption(), ServerConnection.ConfigOption());
        var command = new Command("kill", "Kill a running execution (whichever process runs it).") { id, dataDir, server, config };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (output, error) = (parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);
            var executionId = parseResult.GetValue(id)!;
            if (parseResult.GetValue(server) is { } url)
            {
                using var http = ServerConnection.Open(url, parseResult.GetValue(config));
                return await RemoteCommands.KillAsync(http, executionId, output, error, cancellationToken).ConfigureAwait(false);
            }

            await using var store = await HarrierHost.OpenStoreAsync(parseResult.GetValue(dataDir)!, cancellationToken).ConfigureAwait(false);
            switch (await store.Kills.RequestKillAsync(executionId, cancellationToken).ConfigureAwait(false))
            {
                case KillRequestOutcome.Requested:
                    await output.WriteLineAsync($"kill of {executionId} requested; the process running it stops its tasks now").ConfigureAwait(false);
                    return 0;
                case KillRequestOutcome.AlreadyRequested:
                    await output.WriteLineAsync($"a kill of {executionId} was already requested").ConfigureAwait(false);
                    return 0;
                case KillRequestOutcome.AlreadyFinished:
                    await error.WriteLineAsync($"execution {executionId} has already ended; nothing to kill").ConfigureAwait(false);
                    return 1;
                default:
                    await error.WriteLineAsync($"no execution '{executionId}' in {parseResult.GetValue(dataDir)}; list them with 'harrier executions list'").ConfigureAwait(false);
                    return 1;
            }
        });
        return command;
    }
}
