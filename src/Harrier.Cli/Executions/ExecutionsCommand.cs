using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Harrier.Cli.Remote;
using Harrier.Core.Executions;
using Harrier.Core.Store;
using Harrier.Server.Hosting;

namespace Harrier.Cli.Executions;

/// <summary><c>harrier executions list|show|kill|recover</c>: read, stop and finish the executions stored in a data directory.</summary>
public static class ExecutionsCommand
{
    public static Option<string> DataDirOption() =>
        new("--data-dir") { Description = "Where executions, logs and files are stored.", DefaultValueFactory = _ => ".harrier" };

    public static Command Create()
    {
        var command = new Command("executions", "List, inspect, kill and recover executions.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(KillCommand.Create());
        command.Subcommands.Add(RecoverCommand.Create());
        command.Subcommands.Add(ResumeCommand.Create());
        return command;
    }

    private static Command List()
    {
        var dataDir = DataDirOption();
        var ns = new Option<string?>("--namespace") { Description = "Only this namespace." };
        var flow = new Option<string?>("--flow") { Description = "Only this flow id." };
        var limit = new Option<int>("--limit") { Description = "Most executions shown.", DefaultValueFactory = _ => 50 };
        var json = new Option<bool>("--json") { Description = "Print a JSON list of {id, namespace, flowId, state, createdAt, startDate, endDate}." };
        var (server, config) = (ServerConnection.ServerOption(), ServerConnection.ConfigOption());
        var command = new Command("list", "List executions, newest first.") { dataDir, ns, flow, limit, json, server, config };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(server) is { } url)
            {
                using var http = ServerConnection.Open(url, parseResult.GetValue(config));
                return await RemoteCommands.ListAsync(http, parseResult.GetValue(ns), parseResult.GetValue(flow), parseResult.GetValue(limit), parseResult.GetValue(json), output, cancellationToken).ConfigureAwait(false);
            }

            await using var store = await HarrierHost.OpenStoreAsync(ExistingDataDirectory.RequireStore(parseResult.GetValue(dataDir)!), cancellationToken).ConfigureAwait(false);
            var query = new ExecutionQuery { Namespace = parseResult.GetValue(ns), FlowId = parseResult.GetValue(flow), Limit = parseResult.GetValue(limit) };
            var executions = await store.Executions.ListExecutionsAsync(query, cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(json))
            {
                await output.WriteLineAsync(ListJson(executions)).ConfigureAwait(false);
                return 0;
            }

            foreach (var execution in executions)
            {
                var created = execution.CreatedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                await output.WriteLineAsync($"{execution.Id}  {created}  {execution.State.ToName(),-8}  {execution.Namespace}.{execution.FlowId}").ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }

    private static Command Show()
    {
        var dataDir = DataDirOption();
        var id = new Argument<string>("id") { Description = "Execution id." };
        var json = new Option<bool>("--json") { Description = "Print the execution as JSON (the shape of harrier run --json)." };
        var logs = new Option<bool>("--logs") { Description = "With --json, include the logs." };
        var (server, config) = (ServerConnection.ServerOption(), ServerConnection.ConfigOption());
        var command = new Command("show", "Show one execution: its task runs, outputs and metrics.") { id, dataDir, json, logs, server, config };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(server) is { } url)
            {
                using var http = ServerConnection.Open(url, parseResult.GetValue(config));
                return await RemoteCommands.ShowAsync(http, parseResult.GetValue(id)!, parseResult.GetValue(json), output, cancellationToken).ConfigureAwait(false);
            }

            await using var store = await HarrierHost.OpenStoreAsync(ExistingDataDirectory.RequireStore(parseResult.GetValue(dataDir)!), cancellationToken).ConfigureAwait(false);
            var execution = await store.Executions.GetExecutionAsync(parseResult.GetValue(id)!, cancellationToken).ConfigureAwait(false);
            if (execution is null)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"no execution '{parseResult.GetValue(id)}' in {parseResult.GetValue(dataDir)}; list them with 'harrier executions list'").ConfigureAwait(false);
                return 1;
            }

            var taskRuns = await store.Executions.GetTaskRunsAsync(execution.Id, cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(json))
            {
                await ExecutionJson.WriteAsync(output, execution, taskRuns, parseResult.GetValue(logs) ? store.Logs : null, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await output.WriteLineAsync($"{execution.Namespace}.{execution.FlowId}  {execution.State.ToName()}").ConfigureAwait(false);
                await ExecutionSummary.WriteAsync(output, execution, taskRuns).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }

    private static string ListJson(IReadOnlyList<Execution> executions)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            foreach (var execution in executions)
            {
                ExecutionJson.WriteSummary(writer, execution);
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
