using System.CommandLine;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Harrier.Cli.Executions;
using Harrier.Cli.Running;
using Harrier.Core.Executions;

namespace Harrier.Cli.Remote;

/// <summary>
/// <c>harrier execute NAMESPACE FLOW --server URL [--input NAME=VALUE]... [--label KEY:VALUE]... [--wait]</c>: starts an
/// execution of a deployed flow on a server (<c>--input name=@file</c> uploads a FILE input). Prints its id; with
/// <c>--wait</c>, prints its logs live and its summary, and exits 0 on SUCCESS/WARNING, 1 otherwise (2 when refused).
/// </summary>
public static class ExecuteCommand
{
    public static Command Create()
    {
        var ns = new Argument<string>("namespace") { Description = "The flow's namespace." };
        var flow = new Argument<string>("flow") { Description = "The flow's id." };
        var server = ServerConnection.ServerOption();
        var config = ServerConnection.ConfigOption();
        var inputs = new Option<string[]>("--input") { Description = "An input, NAME=VALUE (NAME=@path uploads a file); repeatable.", AllowMultipleArgumentsPerToken = false };
        var labels = new Option<string[]>("--label") { Description = "A label of the execution, KEY:VALUE; repeatable." };
        var wait = new Option<bool>("--wait") { Description = "Print the logs live and wait for the end; the exit code tells how it ended." };
        var command = new Command("execute", "Start an execution of a flow deployed on a server.") { ns, flow, server, config, inputs, labels, wait };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (output, error) = (parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);
            var url = parseResult.GetValue(server) ?? throw new ArgumentException("harrier execute starts a flow deployed on a server: give --server URL (to run a flow file here, use harrier run FILE)");
            using var http = ServerConnection.Open(url, parseResult.GetValue(config));
            // No inputs, no body: an empty multipart document is one part without headers, which servers refuse.
            using var form = (parseResult.GetValue(inputs) ?? []) is { Length: > 0 } given ? Form(given) : null;
            var query = string.Concat((parseResult.GetValue(labels) ?? []).Select((l, i) => $"{(i == 0 ? "?" : "&")}labels={Uri.EscapeDataString(l)}"));
            JsonObject created;
            try
            {
                using var response = await RemoteCall.SendAsync(http, new HttpRequestMessage(HttpMethod.Post,
                    $"executions/{Uri.EscapeDataString(parseResult.GetValue(ns)!)}/{Uri.EscapeDataString(parseResult.GetValue(flow)!)}{query}") { Content = form }, cancellationToken).ConfigureAwait(false);
                created = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false))!.AsObject();
            }
            catch (RemoteException ex) when (ex.Status is 404 or 409 or 415 or 422)
            {
                await error.WriteLineAsync($"harrier: {ex.Message}").ConfigureAwait(false);
                return FlowRunner.ExitInvalid;
            }

            var id = created["id"]!.GetValue<string>();
            await output.WriteLineAsync($"execution {id} created{(created["url"] is { } link ? $" ({link.GetValue<string>()})" : "")}").ConfigureAwait(false);
            if (!parseResult.GetValue(wait))
            {
                return FlowRunner.ExitSuccess;
            }

            var printer = new LogPrinter(output, LogPrinter.ShouldColour(Console.IsOutputRedirected));
            await RemoteLogs.FollowAsync(http, id, entry => printer.Print([entry]), cancellationToken).ConfigureAwait(false);
            var (execution, taskRuns) = RemoteExecutions.Read((await RemoteCall.GetJsonAsync(http, $"executions/{id}", cancellationToken).ConfigureAwait(false)).AsObject());
            await ExecutionSummary.WriteAsync(output, execution, taskRuns).ConfigureAwait(false);
            return execution.State is State.Success or State.Warning ? FlowRunner.ExitSuccess : FlowRunner.ExitFailed;
        });
        return command;
    }

    private static MultipartFormDataContent Form(IEnumerable<string> inputs)
    {
        var form = new MultipartFormDataContent();
        foreach (var input in inputs)
        {
            var equals = input.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentException($"--input '{input}': write it as NAME=VALUE");
            }

            var (name, value) = (input[..equals], input[(equals + 1)..]);
            if (value.StartsWith('@'))
            {
                var path = Path.GetFullPath(value[1..]);
                var file = new StreamContent(File.Exists(path) ? File.OpenRead(path) : throw new ArgumentException($"--input {name}: no file at {path}"));
                file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                form.Add(file, name, Path.GetFileName(path));
            }
            else
            {
                form.Add(new StringContent(value), name);
            }
        }

        return form;
    }
}
