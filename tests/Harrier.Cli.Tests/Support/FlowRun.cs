using System.Text.Json;
using Harrier.Cli.Running;

namespace Harrier.Cli.Tests.Support;

/// <summary>
/// One end-to-end <c>harrier run FLOW --json --logs</c> in this process, with the execution JSON parsed:
/// task runs (parent, state, attempts, outputs) and logs (task, level, message).
/// </summary>
internal sealed class FlowRun
{
    private FlowRun(int exitCode, string output, string error)
    {
        ExitCode = exitCode;
        Output = output;
        Error = error;
        var json = output.Trim();
        Execution = json.StartsWith('{') ? JsonDocument.Parse(json).RootElement.Clone() : default;
    }

    public int ExitCode { get; }

    /// <summary>Everything printed on stdout (the execution JSON).</summary>
    public string Output { get; }

    /// <summary>Everything printed on stderr (live logs, validation errors).</summary>
    public string Error { get; }

    public JsonElement Execution { get; }

    public string State => Execution.ValueKind == JsonValueKind.Object ? Execution.GetProperty("state").GetString()! : $"(no execution; exit {ExitCode}: {Error})";

    public IReadOnlyList<JsonElement> TaskRuns => [.. Execution.GetProperty("taskRuns").EnumerateArray()];

    public IReadOnlyList<(string TaskId, string Level, string Message)> Logs =>
        [.. Execution.GetProperty("logs").EnumerateArray().Select(l => (l.GetProperty("taskId").GetString()!, l.GetProperty("level").GetString()!, l.GetProperty("message").GetString()!))];

    /// <summary>A readable dump for assertion messages.</summary>
    public string Describe => $"exit {ExitCode}, state {State}\n"
        + (Execution.ValueKind == JsonValueKind.Object
            ? string.Join('\n', TaskRuns.Select(t => $"  run {t.GetProperty("taskId")} {t.GetProperty("state")}")) + "\n"
              + string.Join('\n', Logs.Select(l => $"  log {l.TaskId} {l.Level} {l.Message}"))
            : Error);

    public static FlowRun Of(string directory, string yaml, params string[] extraArguments)
    {
        var flow = WriteFlow(directory, yaml);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = HarrierCli.Run(["run", flow, "--json", "--logs", "--data-dir", Path.Combine(directory, "data"), .. extraArguments], output, error);
        return new FlowRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs the flow with a token whose cancellation kills the execution (what Ctrl-C does).</summary>
    public static async Task<FlowRun> OfAsync(string directory, string yaml, CancellationToken kill)
    {
        var flow = WriteFlow(directory, yaml);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var request = new RunRequest { FlowFile = flow, Json = true, IncludeLogs = true, DataDirectory = Path.Combine(directory, "data") };
        var exitCode = await new FlowRunner(output, error).RunAsync(request, kill);
        return new FlowRun(exitCode, output.ToString(), error.ToString());
    }

    public IReadOnlyList<JsonElement> RunsOf(string taskId) => [.. TaskRuns.Where(t => t.GetProperty("taskId").GetString() == taskId)];

    public JsonElement Run(string taskId) => RunsOf(taskId) switch
    {
        [var single] => single,
        var many => throw new Xunit.Sdk.XunitException($"expected one task run of '{taskId}', found {many.Count}\n{Describe}"),
    };

    public string StateOf(string taskId) => Run(taskId).GetProperty("state").GetString()!;

    public IReadOnlyList<string> Messages(string taskId) => [.. Logs.Where(l => l.TaskId == taskId).Select(l => l.Message)];

    private static string WriteFlow(string directory, string yaml)
    {
        Directory.CreateDirectory(directory);
        var flow = Path.Combine(directory, "flow.yml");
        File.WriteAllText(flow, yaml);
        return flow;
    }
}
