using System.Text.Json;
using Harrier.Core.Executions;
using Harrier.Core.Inputs;
using Harrier.Core.Json;
using Harrier.Core.Logs;
using Harrier.Core.Metrics;

namespace Harrier.Cli.Executions;

/// <summary>
/// The stable JSON shape of an execution that <c>harrier run --json</c> and <c>executions show --json</c>
/// print; other tools and the acceptance tests read it, so fields are only ever added.
/// </summary>
public static class ExecutionJson
{
    public static string Write(Execution execution, IReadOnlyList<TaskRun> taskRuns, IReadOnlyList<LogEntry>? logs)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("id", execution.Id);
            writer.WriteString("namespace", execution.Namespace);
            writer.WriteString("flowId", execution.FlowId);
            writer.WriteString("state", execution.State.ToName());
            writer.WriteString("startDate", execution.StartDate?.ToString("O"));
            writer.WriteString("endDate", execution.EndDate?.ToString("O"));
            Property(writer, "inputs", SecretInputCipher.Masked(execution.Inputs));
            Property(writer, "outputs", execution.Outputs);
            Property(writer, "labels", execution.Labels.ToDictionary(l => l.Key, l => (object?)l.Value));
            if (execution.Error is not null)
            {
                writer.WriteString("error", execution.Error);
            }

            writer.WriteStartArray("taskRuns");
            foreach (var run in taskRuns)
            {
                WriteTaskRun(writer, run);
            }

            writer.WriteEndArray();
            if (logs is not null)
            {
                WriteLogs(writer, logs);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
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

    private static void WriteLogs(Utf8JsonWriter writer, IReadOnlyList<LogEntry> logs)
    {
        writer.WriteStartArray("logs");
        foreach (var log in logs)
        {
            writer.WriteStartObject();
            writer.WriteString("taskId", log.TaskId);
            writer.WriteString("taskRunId", log.TaskRunId);
            writer.WriteString("level", log.Level.ToName());
            writer.WriteString("message", log.Message);
            writer.WriteString("timestamp", log.Timestamp.ToString("O"));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void Property(Utf8JsonWriter writer, string name, object? value)
    {
        writer.WritePropertyName(name);
        PlainJson.Write(writer, value);
    }
}
