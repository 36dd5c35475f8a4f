using Harrier.Core.Logs;
using Harrier.Scripts.Languages;
using Harrier.Scripts.Tests.Support;

namespace Harrier.Scripts.Tests.Commands;

public sealed class ScriptTaskEndToEndTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ShellScript_CountsTwoStdoutAndTwoStderrLines()
    {
        // §12.2 #10
        var run = await ScriptTask.RunScriptAsync(new ShellLanguage(), "echo 1\n>&2 echo 2\necho 3\n>&2 echo 4", _dir.Path);

        Assert.Equal((0, 2, 2), (run.Result.ExitCode, run.Collector.StdOutLineCount, run.Collector.StdErrLineCount));
    }

    [Fact]
    public async Task BeforeCommandsOutput_IsLoggedAtDebug_AndMarkersAreNeitherLoggedNorCounted()
    {
        var run = await ScriptTask.RunScriptAsync(new ShellLanguage(), "echo main", _dir.Path, beforeCommands: ["echo preparing", "export X=shared"]);

        Assert.Equal([(TaskLogLevel.Debug, "preparing"), (TaskLogLevel.Info, "main")], run.Logs.Lines);
        Assert.Equal(2, run.Collector.StdOutLineCount);
    }

    [Fact]
    public async Task BeforeCommands_ShareTheShellSessionWithTheScript()
    {
        var run = await ScriptTask.RunScriptAsync(new ShellLanguage(), "echo \"$X\"; pwd", _dir.Path, beforeCommands: ["export X=shared", "mkdir sub", "cd sub"]);

        Assert.Equal(["shared", Path.Combine(new DirectoryInfo(_dir.Path).FullName, "sub")], run.Logs.At(TaskLogLevel.Info));
    }

    [Fact]
    public async Task PythonScript_PrintsOutputs()
    {
        // §12.3 #16
        var run = await ScriptTask.RunScriptAsync(new PythonLanguage(), "print('::{\"outputs\": {\"extract\":\"hello world\"}}::')", _dir.Path);

        Assert.Equal(0, run.Result.ExitCode);
        Assert.Equal(1, run.Collector.StdOutLineCount);
        Assert.Equal("hello world", run.Collector.Outputs["extract"]);
    }

    [Fact]
    public async Task PythonScript_ExitCodeIsTheScripts()
    {
        // §12.3 #17
        var run = await ScriptTask.RunScriptAsync(new PythonLanguage(), "import sys\nsys.exit(1)", _dir.Path);

        Assert.Equal((1, 0), (run.Result.ExitCode, run.Collector.StdOutLineCount));
    }

    [Fact]
    public async Task PythonScript_UnderstandsBareTrueFalseNull()
    {
        // §12.3 #23
        var script = "import json\nprint('::' + json.dumps({'outputs': {'t': true, 'f': false, 'n': null}}) + '::')";
        var run = await ScriptTask.RunScriptAsync(new PythonLanguage(), script, _dir.Path);

        Assert.Equal(true, run.Collector.Outputs["t"]);
        Assert.Equal(false, run.Collector.Outputs["f"]);
        Assert.Null(run.Collector.Outputs["n"]);
    }

    [Fact]
    public async Task PythonScript_RunsWithAVirtualenvActivatedInBeforeCommands()
    {
        // §12.3 #24-like: the venv conditional of §2.6 picks $VIRTUAL_ENV/bin/python.
        var python = await ScriptTask.Python.ResolveAsync(Interpreters.SearchPath, CancellationToken.None);
        var script = "import sys\nprint(sys.prefix)";
        var run = await ScriptTask.RunScriptAsync(new PythonLanguage(), script, _dir.Path, beforeCommands: [$"'{python}' -m venv --without-pip venv", ". venv/bin/activate"]);

        Assert.Equal(0, run.Result.ExitCode);
        Assert.Equal(Path.Combine(new DirectoryInfo(_dir.Path).FullName, "venv"), run.Logs.At(TaskLogLevel.Info).Single());
    }

    [Fact]
    public async Task PythonScript_GetsThePythonEnvironmentVariables()
    {
        var run = await ScriptTask.RunScriptAsync(new PythonLanguage(), "import os\nprint(os.environ['PYTHONUNBUFFERED'], os.environ['PIP_DISABLE_PIP_VERSION_CHECK'])", _dir.Path);

        Assert.Equal("true 1", run.Logs.At(TaskLogLevel.Info).Single());
    }

    [Fact]
    public async Task ScriptFile_IsNamedWithRandomDigitsAndTheExtension_AndHasThePrelude()
    {
        await ScriptTask.RunScriptAsync(new PythonLanguage(), "pass", _dir.Path);

        var file = Assert.Single(Directory.GetFiles(_dir.Path, "*.py"));
        Assert.Matches("^[0-9]{13,}\\.py$", Path.GetFileName(file));
        Assert.Equal("true = True\nfalse = False\nnull = None\npass", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task NodeScript_LogsItsLineOnce()
    {
        // §12.4 #29
        var run = await ScriptTask.RunScriptAsync(new NodeLanguage(), "console.log('hello there!')", _dir.Path);

        Assert.Equal((0, 1, 0), (run.Result.ExitCode, run.Collector.StdOutLineCount, run.Collector.StdErrLineCount));
        Assert.Equal("hello there!", run.Logs.Lines.Single().Message);
    }

    [Fact]
    public async Task AFiveMegabyteOutputsLine_FromARealProcess_IsParsed()
    {
        var script = "import json\nprint('::' + json.dumps({'outputs': {'big': 'x' * 5_000_000}}) + '::', end='')";
        var run = await ScriptTask.RunScriptAsync(new PythonLanguage(), script, _dir.Path);

        Assert.Equal(5_000_000, Assert.IsType<string>(run.Collector.Outputs["big"]).Length);
        Assert.Equal(1, run.Collector.StdOutLineCount);
        Assert.Empty(run.Logs.Lines);
    }
}
