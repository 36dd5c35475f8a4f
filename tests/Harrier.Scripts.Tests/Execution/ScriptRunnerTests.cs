using System.Collections;
using Harrier.Core.Logs;
using Harrier.Scripts.Commands;
using Harrier.Scripts.Execution;
using Harrier.Scripts.Languages;
using Harrier.Scripts.Runners.Process;
using Harrier.Scripts.Tests.Support;

namespace Harrier.Scripts.Tests.Execution;

public sealed class ScriptRunnerTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly RecordingLogSink _logs = new();
    private readonly ScriptRunner _runner;

    public ScriptRunnerTests()
    {
        var worker = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            worker[(string)entry.Key] = (string?)entry.Value ?? string.Empty;
        }

        worker["PATH"] = Interpreters.SearchPath;
        _runner = new ScriptRunner(new ProcessTaskRunner(), HelperRun.Helpers, ScriptTask.Python, worker);
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task PythonScript_WithKestrasLibrary_AndTheSideChannel_MergesBoth()
    {
        var script = """
            import os, json
            from kestra import Kestra
            Kestra.outputs({"a": "stdout", "b": 1})
            with open(os.environ["HARRIER_OUTPUTS"], "a") as f:
                f.write(json.dumps({"outputs": {"a": "file"}, "metrics": [{"name": "rows", "type": "counter", "value": 3}]}) + "\n")
            """;

        var result = await _runner.RunAsync(new ScriptRunRequest(new PythonLanguage(), IsCommandsTask: false, _dir.Path) { Script = script }, _logs, CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("file", result.Vars["a"]);
        Assert.Equal(1L, result.Vars["b"]);
        Assert.Equal(("rows", 3.0), (result.Metrics.Single().Name, result.Metrics.Single().Value));
        Assert.Equal((1, 0), (result.StdOutLineCount, result.StdErrLineCount));
    }

    [Fact]
    public async Task AnOutputsLineLongerThanTheRunnersLimit_IsReportedAtWarn_NamingTheLimitAndTheTask()
    {
        var runner = new ScriptRunner(new ProcessTaskRunner(new ProcessTaskRunnerOptions { MaxLineBytes = 64 * 1024 }), HelperRun.Helpers, ScriptTask.Python, new Dictionary<string, string> { ["PATH"] = Interpreters.SearchPath });
        var request = new ScriptRunRequest(new ShellLanguage(), IsCommandsTask: true, _dir.Path)
        {
            TaskId = "gen",
            Commands = ["printf '::{\"outputs\":{\"big\":\"%s\"}}::\\n' \"$(head -c 200000 /dev/zero | tr '\\0' x)\"", "echo '::{\"outputs\":{\"small\":1}}::'"],
        };

        var result = await runner.RunAsync(request, _logs, CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["small"], result.Vars.Keys);
        var warning = Assert.Single(_logs.At(TaskLogLevel.Warn));
        Assert.Equal(
            "A stdout line of task 'gen' is longer than 64 KiB (the runner's MaxLineBytes): it is logged in pieces of that size, and if it was an outputs line (::{…}::) its outputs are lost. "
            + "Send large outputs through the $HARRIER_OUTPUTS file, or write them to a file listed in outputFiles.",
            warning);
    }

    [Fact]
    public async Task FailingCommands_StillPublishTheOutputsPrintedBeforeTheFailure()
    {
        // §12.5 #42
        var request = new ScriptRunRequest(new ShellLanguage(), IsCommandsTask: true, _dir.Path)
        {
            Commands = ["echo '::{\"outputs\":{\"logOutput\":\"Hello World\"}}::'", "exit 1", "echo never"],
        };

        var result = await _runner.RunAsync(request, _logs, CancellationToken.None);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Hello World", result.Vars["logOutput"]);
        Assert.DoesNotContain(_logs.Lines, l => l.Message == "never");
    }

    [Fact]
    public async Task LanguageVariables_WinOverTheTasksEnv_AndTaskEnvOverTheWorkers()
    {
        var request = new ScriptRunRequest(new PythonLanguage(), IsCommandsTask: true, _dir.Path)
        {
            Commands = ["echo \"$PYTHONUNBUFFERED $MY_VAR\""],
            Environment = new Dictionary<string, string> { ["PYTHONUNBUFFERED"] = "false", ["MY_VAR"] = "task", ["HOME"] = "/task-home" },
        };

        await _runner.RunAsync(request, _logs, CancellationToken.None);

        Assert.Equal((TaskLogLevel.Info, "true task"), Assert.Single(_logs.Lines));
    }

    [Fact]
    public async Task ShellCommands_CanUseTheShellHelper()
    {
        var request = new ScriptRunRequest(new ShellLanguage(), IsCommandsTask: true, _dir.Path)
        {
            Commands = [". \"$HARRIER_HELPERS_SH\"", "harrier_output greeting \"hello world\""],
            TargetOs = TargetOs.Linux,
        };

        var result = await _runner.RunAsync(request, _logs, CancellationToken.None);

        Assert.Equal("hello world", result.Vars["greeting"]);
    }

    [Fact]
    public async Task AScriptTaskWithoutScript_IsRejectedWithKestrasMessage()
    {
        var exception = await Assert.ThrowsAsync<ArgumentException>(() =>
            _runner.RunAsync(new ScriptRunRequest(new PythonLanguage(), IsCommandsTask: false, _dir.Path), _logs, CancellationToken.None));

        Assert.StartsWith("script: must not be null", exception.Message, StringComparison.Ordinal);
    }
}
