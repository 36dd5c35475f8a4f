using System.Globalization;
using System.Text.Json;
using Harrier.Cli.Executions;
using Harrier.Cli.Running;
using Harrier.Core.Executions;

namespace Harrier.Cli.Remote;

/// <summary>
/// The server side of <c>harrier executions list|show|kill</c> and <c>harrier logs</c> with <c>--server URL</c>: the same
/// output as against a data directory, read over the API instead. <c>--json</c> of <c>show</c> prints the API's JSON.
/// </summary>
public static class RemoteCommands
{
    public static async Task<int> ListAsync(HttpClient http, string? ns, string? flow, int limit, bool json, TextWriter output, CancellationToken cancellationToken)
    {
        var query = $"executions/search?size={limit.ToString(CultureInfo.InvariantCulture)}"
            + (ns is null ? "" : $"&filters[namespace][EQUALS]={Uri.EscapeDataString(ns)}")
            + (flow is null ? "" : $"&filters[flowId][EQUALS]={Uri.EscapeDataString(flow)}");
        var page = await RemoteCall.GetJsonAsync(http, query, cancellationToken).ConfigureAwait(false);
        var executions = page["results"]!.AsArray().Select(e => RemoteExecutions.Read(e!.AsObject()).Execution).ToList();
        if (json)
        {
            using var stream = new MemoryStream();
            await using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartArray();
                executions.ForEach(e => ExecutionJson.WriteSummary(writer, e));
                writer.WriteEndArray();
            }

            await output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(stream.ToArray())).ConfigureAwait(false);
            return 0;
        }

        foreach (var execution in executions)
        {
            var created = execution.CreatedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            await output.WriteLineAsync($"{execution.Id}  {created}  {execution.State.ToName(),-8}  {execution.Namespace}.{execution.FlowId}").ConfigureAwait(false);
        }

        return 0;
    }

    public static async Task<int> ShowAsync(HttpClient http, string id, bool json, TextWriter output, CancellationToken cancellationToken)
    {
        var document = await RemoteCall.GetJsonAsync(http, $"executions/{Uri.EscapeDataString(id)}", cancellationToken).ConfigureAwait(false);
        if (json)
        {
            await output.WriteLineAsync(document.ToJsonString()).ConfigureAwait(false);
            return 0;
        }

        var (execution, taskRuns) = RemoteExecutions.Read(document.AsObject());
        await output.WriteLineAsync($"{execution.Namespace}.{execution.FlowId}  {execution.State.ToName()}").ConfigureAwait(false);
        await ExecutionSummary.WriteAsync(output, execution, taskRuns).ConfigureAwait(false);
        return 0;
    }

    public static async Task<int> KillAsync(HttpClient http, string id, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await RemoteCall.SendAsync(http, new HttpRequestMessage(HttpMethod.Delete, $"executions/{Uri.EscapeDataString(id)}/kill"), cancellationToken).ConfigureAwait(false);
        }
        catch (RemoteException ex) when (ex.Status is 404 or 409)
        {
            await error.WriteLineAsync($"harrier: {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        await output.WriteLineAsync($"kill of {id} requested; the server stops its tasks now").ConfigureAwait(false);
        return 0;
    }

    public static async Task<int> LogsAsync(HttpClient http, string id, bool follow, TextWriter output, CancellationToken cancellationToken)
    {
        var printer = new LogPrinter(output, LogPrinter.ShouldColour(Console.IsOutputRedirected));
        if (follow)
        {
            await RemoteLogs.FollowAsync(http, id, entry => printer.Print([entry]), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            printer.Print(await RemoteLogs.ListAsync(http, id, cancellationToken).ConfigureAwait(false));
        }

        return 0;
    }
}
