using Harrier.Scripts.Jvm;
using Harrier.Scripts.Runners.Process;

namespace Harrier.Scripts.Tests.Support;

/// <summary>Runs an Eval or FileTransform request through the real JvmScriptRunner and a real interpreter.</summary>
internal sealed class JvmRun
{
    public required JvmScriptResult Result { get; init; }

    public required RecordingLogSink Logs { get; init; }

    public IReadOnlyList<string> RowsOut => Result.RowsFile is { } file ? File.ReadAllLines(file) : [];

    public static async Task<JvmRun> RunAsync(JvmScriptRequest request, string? path = null)
    {
        var logs = new RecordingLogSink();
        var environment = new Dictionary<string, string>(request.Environment) { ["PATH"] = path ?? Interpreters.SearchPath };
        var result = await new JvmScriptRunner(new ProcessTaskRunner(), HelperRun.Helpers).RunAsync(request with { Environment = environment }, logs, CancellationToken.None);
        return new JvmRun { Result = result, Logs = logs };
    }

    /// <summary>A FileTransform request over rows written as JSON lines.</summary>
    public static JvmScriptRequest Transform(JvmScriptEngine engine, string workingDirectory, string script, params string[] rows)
    {
        var rowsFile = Path.Combine(workingDirectory, "rows.jsonl");
        File.WriteAllLines(rowsFile, rows);
        return new JvmScriptRequest(engine, JvmScriptMode.Transform, workingDirectory, script) { RowsFile = rowsFile };
    }

    public string Describe => $"exit {Result.ExitCode} {Result.Failure}\n{string.Join('\n', Logs.Lines)}";
}
