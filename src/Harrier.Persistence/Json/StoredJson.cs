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

            if (attempt.Worker is { } worker)
            {
                writer.WriteString("worker", worker);
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
            item.TryGetProperty("endDate", out var end) ? SqliteDates.ParseOrNull(end.GetString()) : null)
        {
            Worker = item.TryGetProperty("worker", out var worker) ? worker.GetString() : null,
        })];
    }

    /// <remarks>ForEach values are stored in their own table (one row each); the document keeps only their count.</remarks>
    public static string? WriteDecision(FlowableDecision? decision) => decision is null ? null : Write(writer =>
    {
        writer.WriteStartObject();
        if (decision.Branch is { } branch)
        {
            writer.WriteString("branch", branch);
        }

        if (decision.Values is not null || decision.ValueCount is not null)
        {
            writer.WriteNumber("valueCount", decision.CountOfValues);
        }

        if (decision.WorkerState is { } state)
        {
            writer.WriteString("workerState", state.ToName());
        }

        if (decision.ChildExecutionId is { } child)
        {
            writer.WriteString("childExecutionId", child);
        }

        if (decision.ChildCount is { } childCount)
        {
            writer.WriteNumber("childCount", childCount);
        }

        if (decision.Paused)
        {
            writer.WriteBoolean("paused", true);
        }

        if (decision.ResumeAt is { } resumeAt)
        {
            writer.WriteString("resumeAt", SqliteDates.ToText(resumeAt));
        }

        if (decision.ResumeState is { } resumeState)
        {
            writer.WriteString("resumeState", resumeState.ToName());
        }

        writer.WriteEndObject();
    });

    /// <summary>Reads a decision; documents of schema 3 and before kept the values inline and the worker's state as a <c>worker:STATE</c> branch.</summary>
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
        var branch = root.TryGetProperty("branch", out var branchElement) ? branchElement.GetString() : null;
        State? workerState = root.TryGetProperty("workerState", out var stateElement) ? States.Parse(stateElement.GetString()!) : null;
        const string legacyWorkerPrefix = "worker:";
        if (branch is not null && branch.StartsWith(legacyWorkerPrefix, StringComparison.Ordinal))
        {
            workerState = States.Parse(branch[legacyWorkerPrefix.Length..]);
            branch = null;
        }

        return new FlowableDecision
        {
            Branch = branch,
            Values = values,
            ValueCount = root.TryGetProperty("valueCount", out var count) ? count.GetInt32() : values?.Count,
            WorkerState = workerState,
            Paused = root.TryGetProperty("paused", out var paused) && paused.GetBoolean(),
            ChildExecutionId = root.TryGetProperty("childExecutionId", out var child) ? child.GetString() : null,
            ChildCount = root.TryGetProperty("childCount", out var childCount) ? childCount.GetInt32() : null,
            ResumeAt = root.TryGetProperty("resumeAt", out var resumeAt) ? SqliteDates.Parse(resumeAt.GetString()!) : null,
            ResumeState = root.TryGetProperty("resumeState", out var resumeState) ? States.Parse(resumeState.GetString()!) : null,
        };
    }

    /// <summary>
    /// <c>{"tasks":{"next":3,"worst":"SUCCESS"}}</c>, with <c>started</c> and <c>done</c> on a ForEach's; null for no
    /// progress.
    /// </summary>
    public static string? WriteProgress(PlanProgress? progress) => progress is null || progress.Lists.Count == 0 ? null : Write(writer =>
    {
        writer.WriteStartObject();
        foreach (var (list, entry) in progress.Lists)
        {
            writer.WriteStartObject(list);
            writer.WriteNumber("next", entry.Next);
            writer.WriteString("worst", entry.Worst.ToName());
            if (entry.Started > 0)
            {
                writer.WriteNumber("started", entry.Started);
            }

            if (entry.DoneAfterNext.Count > 0)
            {
                writer.WriteStartArray("done");
                foreach (var iteration in entry.DoneAfterNext)
                {
                    writer.WriteNumberValue(iteration);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    });

    public static PlanProgress? ReadProgress(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        var lists = new Dictionary<string, ListProgress>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var value = property.Value;
            lists[property.Name] = new ListProgress(value.GetProperty("next").GetInt32(), States.Parse(value.GetProperty("worst").GetString()!),
                value.TryGetProperty("started", out var started) ? started.GetInt32() : 0,
                value.TryGetProperty("done", out var done) ? [.. done.EnumerateArray().Select(i => i.GetInt32())] : null);
        }

        return new PlanProgress(lists);
    }

    /// <summary>A JSON list of texts; null for an empty one.</summary>
    public static string? WriteTexts(IReadOnlyList<string> texts) => texts.Count == 0 ? null : Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var text in texts)
        {
            writer.WriteStringValue(text);
        }

        writer.WriteEndArray();
    });

    public static IReadOnlyList<string> ReadTexts(string? json)
    {
        if (json is null)
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(item => item.GetString()!)];
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
