using System.CommandLine;
using Harrier.Cli.Remote;
using Harrier.Cli.Running;
using Harrier.Server.Hosting;
using Harrier.Core.Engine;
using Harrier.Core.Engine.Recovery;
using Harrier.Core.Executions;

namespace Harrier.Cli.Executions;

/// <summary>
/// <c>harrier logs ID [--follow]</c>: prints an execution's logs; with <c>--follow</c>, keeps printing new lines
/// (written by another harrier process on the same data directory) until the execution ends.
/// </summary>
public static class LogsCommand
{
    private static readonly TimeSpan FollowInterval = TimeSpan.FromMilliseconds(200);

    public static Command Create()
    {
        var dataDir = ExecutionsCommand.DataDirOption();
        var id = new Argument<string>("id") { Description = "Execution id." };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new lines until the execution ends." };
        var (server, config) = (ServerConnection.ServerOption(), ServerConnection.ConfigOption());
        var command = new Command("logs", "Print an execution's logs.") { id, dataDir, follow, server, config };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var configuration = parseResult.InvocationConfiguration;
            if (parseResult.GetValue(server) is { } url)
            {
                using var http = ServerConnection.Open(url, parseResult.GetValue(config));
                return await RemoteCommands.LogsAsync(http, parseResult.GetValue(id)!, parseResult.GetValue(follow), configuration.Output, cancellationToken).ConfigureAwait(false);
            }

            await using var store = await HarrierHost.OpenStoreAsync(ExistingDataDirectory.RequireStore(parseResult.GetValue(dataDir)!), cancellationToken).ConfigureAwait(false);
            var executionId = parseResult.GetValue(id)!;
            if (await store.Executions.GetExecutionAsync(executionId, cancellationToken).ConfigureAwait(false) is null)
            {
                await configuration.Error.WriteLineAsync($"no execution '{executionId}'; list them with 'harrier executions list'").ConfigureAwait(false);
                return 1;
            }

            var printer = new LogPrinter(configuration.Output, LogPrinter.ShouldColour(Console.IsOutputRedirected));
            long after = 0;
            while (!cancellationToken.IsCancellationRequested)
            {
                var page = await store.Logs.ReadAsync(executionId, after, LogReading.PageSize, cancellationToken).ConfigureAwait(false);
                if (page.Count > 0)
                {
                    printer.Print(page);
                    after = page[^1].Sequence;
                    continue;
                }

                var execution = await store.Executions.GetExecutionAsync(executionId, cancellationToken).ConfigureAwait(false);
                if (!parseResult.GetValue(follow) || execution is null || execution.State.IsTerminal())
                {
                    break;
                }

                // Nobody will write more lines if the process running the execution is gone: say so instead of waiting forever.
                var liveness = await OwnerLiveness.ReadAsync(store.Processes, TimeProvider.System, new EngineOptions().LeaseDuration, cancellationToken).ConfigureAwait(false);
                if (!liveness.IsAlive(execution.Owner))
                {
                    await configuration.Error.WriteLineAsync(
                        $"harrier: execution {executionId} is interrupted: the process running it died. " +
                        $"Run 'harrier executions recover {executionId} --data-dir {parseResult.GetValue(dataDir)}' to finish it.").ConfigureAwait(false);
                    return 1;
                }

                await Task.Delay(FollowInterval, cancellationToken).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }
}
