using System.Text.Json.Nodes;
using Harrier.Core.Executions;
using Harrier.Core.Logs;

namespace Harrier.Cli.Remote;

/// <summary>Log lines from a server: the listing, and the live stream (SSE) until the server closes it at the execution's end.</summary>
public static class RemoteLogs
{
    public static async Task<IReadOnlyList<LogEntry>> ListAsync(HttpClient http, string executionId, CancellationToken cancellationToken) =>
        [.. (await RemoteCall.GetJsonAsync(http, $"logs/{Uri.EscapeDataString(executionId)}", cancellationToken).ConfigureAwait(false)).AsArray().Select(l => Entry(l!.AsObject()))];

    /// <summary>Hands each line to <paramref name="print"/> as the server streams it; returns when the stream ends.</summary>
    public static async Task FollowAsync(HttpClient http, string executionId, Action<LogEntry> print, CancellationToken cancellationToken)
    {
        using var response = await RemoteCall.SendAsync(http, new HttpRequestMessage(HttpMethod.Get, $"logs/{Uri.EscapeDataString(executionId)}/follow"), cancellationToken, HttpCompletionOption.ResponseHeadersRead)
            .ConfigureAwait(false);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
        string? id = null;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.StartsWith("id:", StringComparison.Ordinal))
            {
                id = line[3..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal) && id == "progress" && JsonNode.Parse(line[5..]) is JsonObject entry)
            {
                print(Entry(entry));
            }
        }
    }

    private static LogEntry Entry(JsonObject json) => new()
    {
        ExecutionId = json["executionId"]?.GetValue<string>() ?? "",
        TaskId = json["taskId"]?.GetValue<string>(),
        TaskRunId = json["taskRunId"]?.GetValue<string>(),
        Attempt = json["attemptNumber"]?.GetValue<int>(),
        Level = TaskLogLevels.TryParse(json["level"]?.GetValue<string>(), out var level) ? level : TaskLogLevel.Info,
        Message = json["message"]?.GetValue<string>() ?? "",
        Timestamp = json["timestamp"]?.GetValue<DateTimeOffset>() ?? DateTimeOffset.MinValue,
    };
}
