using System.Text.Json;
using Harrier.Core.Logs;
using Harrier.Core.Metrics;

namespace Harrier.Scripts.Protocol;

/// <summary>
/// Parses the JSON object of a protocol line (<c>outputs</c>, <c>metrics</c>, <c>logs</c>; other keys are
/// ignored). All or nothing: when any part is invalid nothing of the line is applied, as in Kestra.
/// </summary>
public static class ProtocolMessageParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };
    private static readonly string[] LevelNames = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR"];

    public static bool TryParse(string json, out ProtocolMessage message, out string error)
    {
        message = new ProtocolMessage(null, [], []);
        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "the content is not a JSON object";
                return false;
            }

            Dictionary<string, object?>? outputs = null;
            if (root.TryGetProperty("outputs", out var outputsElement) && outputsElement.ValueKind != JsonValueKind.Null)
            {
                if (outputsElement.ValueKind != JsonValueKind.Object)
                {
                    error = "'outputs' must be a JSON object";
                    return false;
                }

                outputs = JsonValues.ToDictionary(outputsElement);
            }

            var metrics = new List<MetricEntry>();
            if (root.TryGetProperty("metrics", out var metricsElement) && !ParseEach(metricsElement, "metrics", metrics, MetricEntryParser.TryParse, out error))
            {
                return false;
            }

            var logs = new List<ProtocolLogEntry>();
            if (root.TryGetProperty("logs", out var logsElement) && !ParseEach(logsElement, "logs", logs, TryParseLog, out error))
            {
                return false;
            }

            message = new ProtocolMessage(outputs, metrics, logs);
            error = string.Empty;
            return true;
        }
        catch (JsonException exception)
        {
            error = "invalid JSON: " + exception.Message;
            return false;
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to turn "\ud800" (half of a UTF-16 pair) into a string, key or value alike.
            error = "a string holds a lone UTF-16 surrogate escape (such as \\ud800) that is not text; escape whole characters only";
            return false;
        }
        catch (FormatException exception)
        {
            // A valid JSON value Harrier cannot keep as it is (a number beyond a double).
            error = exception.Message;
            return false;
        }
    }

    private delegate bool EntryParser<T>(JsonElement element, out T entry, out string error);

    private static bool ParseEach<T>(JsonElement array, string key, List<T> into, EntryParser<T> parse, out string error)
    {
        if (array.ValueKind == JsonValueKind.Null)
        {
            error = string.Empty;
            return true;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            error = $"'{key}' must be a JSON array";
            return false;
        }

        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            if (!parse(element, out var entry, out var entryError))
            {
                error = $"{key}[{index}]: {entryError}";
                return false;
            }

            into.Add(entry);
            index++;
        }

        error = string.Empty;
        return true;
    }

    private static bool TryParseLog(JsonElement element, out ProtocolLogEntry entry, out string error)
    {
        entry = new ProtocolLogEntry(TaskLogLevel.Info, string.Empty);
        if (element.ValueKind != JsonValueKind.Object)
        {
            error = "a log entry must be a JSON object";
            return false;
        }

        var level = TaskLogLevel.Info;
        if (element.TryGetProperty("level", out var levelElement) && levelElement.ValueKind != JsonValueKind.Null)
        {
            // Only the SLF4J names are valid (WARNING, CRITICAL, FATAL are not), as in Kestra.
            var name = levelElement.ValueKind == JsonValueKind.String ? levelElement.GetString()!.ToUpperInvariant() : null;
            if (name is null || Array.IndexOf(LevelNames, name) < 0 || !TaskLogLevels.TryParse(name, out level))
            {
                error = $"unknown log level {levelElement.GetRawText()} (use TRACE, DEBUG, INFO, WARN or ERROR)";
                return false;
            }
        }

        element.TryGetProperty("message", out var messageElement);
        var text = messageElement.ValueKind switch
        {
            JsonValueKind.String => messageElement.GetString()!,
            JsonValueKind.Undefined or JsonValueKind.Null => string.Empty,
            _ => messageElement.GetRawText(),
        };
        entry = new ProtocolLogEntry(level, text);
        error = string.Empty;
        return true;
    }
}
