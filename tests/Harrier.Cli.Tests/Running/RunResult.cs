using System.Text.Json;

namespace Harrier.Cli.Tests.Running;

/// <summary>What <c>harrier run … --json</c> printed: the exit code, stderr, and the execution JSON when stdout held one.</summary>
internal sealed class RunResult(int exitCode, string output, string error)
{
    private readonly Lazy<JsonElement> _json = new(() => JsonDocument.Parse(output).RootElement.Clone());

    public int ExitCode => exitCode;

    public string Output => output;

    public string Error => error;

    /// <summary>The whole of stdout parsed as one JSON value (it fails when anything else was printed).</summary>
    public JsonElement Json => _json.Value;

    public string State => Json.GetProperty("state").GetString()!;

    public IEnumerable<JsonElement> TaskRuns => Json.GetProperty("taskRuns").EnumerateArray();

    public IEnumerable<JsonElement> Logs => Json.GetProperty("logs").EnumerateArray();

    public IEnumerable<string> LogMessages => Logs.Select(l => l.GetProperty("message").GetString()!);

    /// <summary>The only task run of <paramref name="taskId"/> (with <paramref name="value"/> inside a ForEach).</summary>
    public JsonElement TaskRun(string taskId, string? value = null) =>
        Assert.Single(TaskRuns, t => t.GetProperty("taskId").GetString() == taskId && (value is null || t.GetProperty("value").GetString() == value));

    public string StateOf(string taskId, string? value = null) => TaskRun(taskId, value).GetProperty("state").GetString()!;

    public string TaskStates => string.Join(' ', TaskRuns.Select(t =>
        $"{t.GetProperty("taskId").GetString()}{(t.GetProperty("value").GetString() is { } v ? $"[{v}]" : "")}={t.GetProperty("state").GetString()}"));

    public JsonElement OutputOf(string taskId, string name, string? value = null) => TaskRun(taskId, value).GetProperty("outputs").GetProperty(name);

    public override string ToString() => $"exit {exitCode}\nstdout: {output}\nstderr: {error}";
}
