using System.Text.Encodings.Web;
using System.Text.Json;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Persistence.Sqlite;

namespace Harrier.Persistence.Json;

/// <summary>
/// The JSON documents stored in columns, written field by field with stable lower-camel names so the stored
/// shape never depends on CLR type or property names. Shared by every dialect:
/// labels <c>[{"key":"k","value":"v"}]</c>; attempts <c>[{"state":"SUCCESS","startDate":"…","endDate":null}]</c>;
/// decision <c>{"branch":"then","values":["a"]}</c>; metric tags <c>{"k":"v"}</c>. Inputs and outputs use
/// <see cref="Core.Json.PlainJson"/>.
/// </summary>
public static class StoredJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string WriteLabels(IReadOnlyList<FlowLabel> labels) => Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var label in labels)
        {
            writer.WriteStartObject();
            writer.WriteString("key", label.Key);
            writer.WriteString("value", label.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    public static IReadOnlyList<FlowLabel> ReadLabels(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(item =>
            new FlowLabel(item.GetProperty("key").GetString()!, item.GetProperty("value").GetString()!))];
    }

    public static string WriteAttempts(IReadOnlyList<TaskRunAttempt> attempts) => Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var attempt in attempts)
        {
            writer.WriteStartObject();
            writer.WriteString("state", attempt.State.ToName());
            writer.WriteString("startDate", SqliteDates.ToText(attempt.StartDate));
            if (attempt.EndDate is { } end)
            {
                writer.WriteString("endDate", SqliteDates.ToText(end));
            }
            else
            {
                writer.WriteNull("endDate");
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    public static IReadOnlyList<TaskRunAttempt> ReadAttempts(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(item => new TaskRunAttempt(
            States.Parse(item.GetProperty("state").GetString()!),
            SqliteDates.Parse(item.GetProperty("startDate").GetString()!),
            item.TryGetProperty("endDate", out var end) ? SqliteDates.ParseOrNull(end.GetString()) : null))];
    }

    public static string? WriteDecision(FlowableDecision? decision) => decision is null ? null : Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("branch", decision.Branch);
        if (decision.Values is null)
        {
            writer.WriteNull("values");
        }
        else
        {
            writer.WriteStartArray("values");
            foreach (var value in decision.Values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    });

    public static FlowableDecision? ReadDecision(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var values = root.TryGetProperty("values", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(item => item.GetString()!).ToList()
            : null;
        return new FlowableDecision
        {
            Branch = root.TryGetProperty("branch", out var branch) ? branch.GetString() : null,
            Values = values,
        };
    }

    public static string WriteTags(IReadOnlyDictionary<string, string> tags) => Write(writer =>
    {
        writer.WriteStartObject();
        foreach (var (key, value) in tags)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
    });

    public static IReadOnlyDictionary<string, string> ReadTags(string json)
    {
        using var document = JsonDocument.Parse(json);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            tags[property.Name] = property.Value.GetString()!;
        }

        return tags;
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }
}
