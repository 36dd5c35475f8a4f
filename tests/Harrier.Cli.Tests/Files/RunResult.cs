using System.Text.Json;
using Harrier.Cli.Tests.Flows;

namespace Harrier.Cli.Tests.Files;

/// <summary>The JSON of one <c>harrier run --json --logs</c>, with shortcuts to task outputs, logs and metrics.</summary>
internal sealed record RunResult(CliRun Cli, JsonElement Json)
{
    public string State => Json.ValueKind == JsonValueKind.Object ? Json.GetProperty("state").GetString()! : $"no JSON (exit {Cli.ExitCode}): {Cli.Error.Replace(Path.GetTempPath(), "", StringComparison.Ordinal)}";

    public string Id => Json.GetProperty("id").GetString()!;

    public JsonElement TaskRun(string taskId) => Json.GetProperty("taskRuns").EnumerateArray().Single(t => t.GetProperty("taskId").GetString() == taskId);

    public string TaskState(string taskId) => TaskRun(taskId).GetProperty("state").GetString()!;

    public JsonElement Outputs(string taskId) => TaskRun(taskId).GetProperty("outputs");

    public Dictionary<string, string> OutputFiles(string taskId) =>
        Outputs(taskId).GetProperty("outputFiles").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    public double Metric(string taskId, string name) =>
        TaskRun(taskId).GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("name").GetString() == name).GetProperty("value").GetDouble();

    public IReadOnlyList<string> Logs(string taskId, string? level = null) =>
        [.. Json.GetProperty("logs").EnumerateArray()
            .Where(l => l.GetProperty("taskId").GetString() == taskId && (level is null || l.GetProperty("level").GetString() == level))
            .Select(l => l.GetProperty("message").GetString()!)];

    public string AllLogs => string.Join('\n', Json.GetProperty("logs").EnumerateArray().Select(l => $"{l.GetProperty("taskId").GetString()} {l.GetProperty("level").GetString()} {l.GetProperty("message").GetString()}"));
}
