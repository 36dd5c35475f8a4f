using System.Buffers;
using System.Text.Json;
using Harrier.Core.Inputs;
using Harrier.Core.Json;
using Harrier.Core.Logs;
using Harrier.Core.Metrics;
using Harrier.Core.Store;

namespace Harrier.Core.Executions;

/// <summary>
/// The stable JSON shape of an execution that <c>harrier run --json</c> and <c>executions show --json</c> print; other
/// tools and the acceptance tests read it, so fields are only ever added:
/// <c>{"id","namespace","flowId","state","startDate","endDate","inputs","outputs","labels":[{"key","value"}],"error"?,"taskRuns":[…],"logs"?:[…]}</c>.
/// </summary>
/// <remarks>
/// Written as a stream: log lines are read and written a page at a time and the text is handed to the output every few
/// kilobytes, so printing an execution with a million lines takes the memory of one page, not of the whole document.
/// </remarks>
public static class ExecutionJson
{
    private const int PageSize = 10_000;
    private const int FlushBytes = 64 * 1024;

    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the execution (and its logs, when <paramref name="logs"/> is given) to <paramref name="output"/>, then a line break.</summary>
    public static async Task WriteAsync(TextWriter output, Execution execution, IReadOnlyList<TaskRun> taskRuns, ILogStore? logs, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(FlushBytes * 2);
        await using var writer = new Utf8JsonWriter(buffer, Options);
        writer.WriteStartObject();
        WriteExecution(writer, execution);
        writer.WriteStartArray("taskRuns");
        foreach (var run in taskRuns)
        {
            WriteTaskRun(writer, run);
        }

        writer.WriteEndArray();
        if (logs is not null)
        {
            writer.WriteStartArray("logs");
            long after = 0;
            while (true)
            {
                var page = await logs.ReadAsync(execution.Id, after, PageSize, cancellationToken).ConfigureAwait(false);
                if (page.Count == 0)
                {
                    break;
                }

                foreach (var log in page)
                {
                    WriteLog(writer, log);
                    if (writer.BytesPending >= FlushBytes)
                    {
                        await FlushAsync(writer, buffer, output).ConfigureAwait(false);
                    }
                }

                after = page[^1].Sequence;
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        await FlushAsync(writer, buffer, output).ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
    }

    /// <summary>The document as one string (small executions, tests).</summary>
    public static async Task<string> WriteAsync(Execution execution, IReadOnlyList<TaskRun> taskRuns, ILogStore? logs, CancellationToken cancellationToken)
    {
        using var text = new StringWriter();
        await WriteAsync(text, execution, taskRuns, logs, cancellationToken).ConfigureAwait(false);
        return text.ToString().TrimEnd('\n', '\r');
    }

    /// <summary>One line per execution for lists: <c>{"id","namespace","flowId","state","createdAt","startDate","endDate"}</c>.</summary>
    public static void WriteSummary(Utf8JsonWriter writer, Execution execution)
    {
        writer.WriteStartObject();
        writer.WriteString("id", execution.Id);
        writer.WriteString("namespace", execution.Namespace);
        writer.WriteString("flowId", execution.FlowId);
        writer.WriteString("state", execution.State.ToName());
        writer.WriteString("createdAt", execution.CreatedAt.ToString("O"));
        writer.WriteString("startDate", execution.StartDate?.ToString("O"));
        writer.WriteString("endDate", execution.EndDate?.ToString("O"));
        WriteAttempt(writer, execution);
        writer.WriteEndObject();
    }

    /// <summary>Kestra's <c>originalId</c> and <c>metadata</c> (attempt number, first creation), and when a RETRIED execution's next attempt is due.</summary>
    private static void WriteAttempt(Utf8JsonWriter writer, Execution execution)
    {
        writer.WriteString("originalId", execution.OriginalId ?? execution.Id);
        writer.WriteStartObject("metadata");
        writer.WriteNumber("attemptNumber", execution.AttemptNumber);
        writer.WriteString("originalCreatedDate", (execution.OriginalCreatedAt ?? execution.CreatedAt).ToString("O"));
        writer.WriteEndObject();
        if (execution.RetryAt is { } retryAt)
        {
            writer.WriteString("retryAt", retryAt.ToString("O"));
        }
    }

    private static async Task FlushAsync(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer, TextWriter output)
    {
        // A flush ends on a token boundary, so the bytes handed over are whole UTF-8 characters.
        await writer.FlushAsync().ConfigureAwait(false);
        await output.WriteAsync(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan)).ConfigureAwait(false);
        buffer.ResetWrittenCount();
    }

    private static void WriteExecution(Utf8JsonWriter writer, Execution execution)
    {
        writer.WriteString("id", execution.Id);
        writer.WriteString("namespace", execution.Namespace);
        writer.WriteString("flowId", execution.FlowId);
        writer.WriteString("state", execution.State.ToName());
        writer.WriteString("startDate", execution.StartDate?.ToString("O"));
        writer.WriteString("endDate", execution.EndDate?.ToString("O"));
        WriteAttempt(writer, execution);
        Property(writer, "inputs", SecretInputCipher.Masked(execution.Inputs));
        Property(writer, "outputs", execution.Outputs);
        // Kestra's shape: a list of {key, value} (a label key may repeat there; order kept).
        writer.WriteStartArray("labels");
        foreach (var label in execution.Labels)
        {
            writer.WriteStartObject();
            writer.WriteString("key", label.Key);
            writer.WriteString("value", label.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (execution.Error is not null)
        {
            writer.WriteString("error", execution.Error);
        }
    }

    private static void WriteTaskRun(Utf8JsonWriter writer, TaskRun run)
    {
        writer.WriteStartObject();
        writer.WriteString("id", run.Id);
        writer.WriteString("taskId", run.TaskId);
        writer.WriteString("parentTaskRunId", run.ParentTaskRunId);
        writer.WriteString("value", run.Value);
        writer.WriteString("state", run.State.ToName());
        writer.WriteStartArray("attempts");
        foreach (var attempt in run.Attempts)
        {
            writer.WriteStartObject();
            writer.WriteString("state", attempt.State.ToName());
            writer.WriteString("startDate", attempt.StartDate.ToString("O"));
            writer.WriteString("endDate", attempt.EndDate?.ToString("O"));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        Property(writer, "outputs", run.Outputs);
        writer.WriteStartArray("metrics");
        foreach (var metric in run.Metrics)
        {
            writer.WriteStartObject();
            writer.WriteString("name", metric.Name);
            writer.WriteString("type", metric.Type.ToName());
            writer.WriteNumber("value", metric.Value);
            Property(writer, "tags", metric.Tags.ToDictionary(t => t.Key, t => (object?)t.Value));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteLog(Utf8JsonWriter writer, LogEntry log)
    {
        writer.WriteStartObject();
        writer.WriteString("taskId", log.TaskId);
        writer.WriteString("taskRunId", log.TaskRunId);
        writer.WriteString("level", log.Level.ToName());
        writer.WriteString("message", log.Message);
        writer.WriteString("timestamp", log.Timestamp.ToString("O"));
        writer.WriteEndObject();
    }

    private static void Property(Utf8JsonWriter writer, string name, object? value)
    {
        writer.WritePropertyName(name);
        PlainJson.Write(writer, value);
    }
}
