using Harrier.Scripts.Protocol;
using Harrier.Scripts.Runners;
using Harrier.Scripts.Runners.Process;

namespace Harrier.Scripts.Tests.Support;

/// <summary>Runs an argv with the real process runner into a real collector.</summary>
internal sealed class ShellRun
{
    public required TaskRunnerResult Result { get; init; }

    public required ScriptOutputCollector Collector { get; init; }

    public required RecordingLogSink Logs { get; init; }

    public static async Task<ShellRun> RunAsync(IReadOnlyList<string> argv, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var logs = new RecordingLogSink();
        var collector = new ScriptOutputCollector(logs);
        var env = new Dictionary<string, string> { ["PATH"] = Interpreters.SearchPath };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        var request = new TaskRunnerRequest(argv, workingDirectory) { Environment = env };
        var result = await new ProcessTaskRunner().RunAsync(request, collector, CancellationToken.None);
        return new ShellRun { Result = result, Collector = collector, Logs = logs };
    }

    public static Task<ShellRun> ShAsync(string script, string workingDirectory) =>
        RunAsync(["/bin/sh", "-c", script], workingDirectory);
}
