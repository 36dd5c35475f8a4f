using Harrier.Core.Logs;
using Harrier.Scripts.Execution;
using Harrier.Scripts.Languages;
using Harrier.Scripts.Runners.Process;
using Harrier.Scripts.Tests.Support;

namespace Harrier.Scripts.Tests.Jvm;

/// <summary>Groovy Script/Commands with the real groovy; JBang with <c>fake-jbang-standin</c> (JBang is not installable here).</summary>
public sealed class JbangAndGroovyScriptTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly RecordingLogSink _logs = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task GroovyScript_PrintsOutputs_AndItsExitCodeIsTheScripts()
    {
        Interpreters.Require("groovy");
        var ok = await RunAsync(new GroovyLanguage(), "println '::{\"outputs\":{\"lang\":\"groovy\"}}::'\nprintln \"Hello, ${'World'}!\"", Interpreters.SearchPath);
        var failing = await RunAsync(new GroovyLanguage(), "System.exit(3)", Interpreters.SearchPath);

        Assert.Equal(0, ok.ExitCode);
        Assert.Equal("groovy", ok.Vars["lang"]);
        Assert.Contains((TaskLogLevel.Info, "Hello, World!"), _logs.Lines);
        Assert.Equal(3, failing.ExitCode);
    }

    [Fact]
    public async Task GroovyScript_FileIsWrittenWithTheGroovyExtension()
    {
        Interpreters.Require("groovy");
        await RunAsync(new GroovyLanguage(), "new File('out.txt').text = 'written'", Interpreters.SearchPath);

        Assert.Matches("^[0-9]{13,}\\.groovy$", Path.GetFileName(Assert.Single(Directory.GetFiles(_dir.Path, "*.groovy"))));
        Assert.Equal("written", await File.ReadAllTextAsync(Path.Combine(_dir.Path, "out.txt")));
    }

    [Fact]
    public async Task JbangScript_RunsTheJavaFileWithJbangQuiet()
    {
        Interpreters.Require("java");
        var path = StandIns.Install(Path.Combine(_dir.Path, ".bin"), "jbang", StandIns.Jbang, Interpreters.SearchPath);
        var script = "class Main { public static void main(String[] args) { System.out.println(\"::{\\\"outputs\\\":{\\\"lang\\\":\\\"java\\\"}}::\"); } }";

        var result = await RunAsync(new JbangLanguage(), script, path);

        Assert.True(result.ExitCode == 0, string.Join('\n', _logs.Lines));
        Assert.Equal("java", result.Vars["lang"]);
        Assert.Single(Directory.GetFiles(_dir.Path, "*.java"));
    }

    [Fact]
    public void JbangScriptCommand_FollowsExtensionAndQuiet()
    {
        Assert.Equal("jbang --quiet /wd/1.java", new JbangLanguage().BuildScriptCommand(new ScriptFileContext("/wd", "1.java")));
        Assert.Equal(".jsh", JbangLanguage.With("jsh", quiet: false).ScriptFileExtension);
        Assert.Equal("jbang /wd/1.jsh", JbangLanguage.With(".jsh", quiet: false).BuildScriptCommand(new ScriptFileContext("/wd", "1.jsh")));
    }

    [Fact]
    public async Task JbangScript_WithoutJbang_FailsAtOnce_NamingWhatToInstall()
    {
        var result = await RunAsync(new JbangLanguage(), "class Main {}", "/nonexistent");

        Assert.Equal(127, result.ExitCode);
        Assert.Contains("install JBang", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JbangCommands_ThatFindNoJbang_SayWhatToInstall()
    {
        var runner = Runner("/usr/bin:/bin");
        var request = new ScriptRunRequest(new JbangLanguage(), IsCommandsTask: true, _dir.Path) { Commands = ["jbang --version"], Environment = new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" } };

        var result = await runner.RunAsync(request, _logs, CancellationToken.None);

        Assert.Equal(127, result.ExitCode);
        Assert.Contains("install JBang", result.Failure, StringComparison.Ordinal);
    }

    private Task<ScriptRunResult> RunAsync(IScriptLanguage language, string script, string path) =>
        Runner(path).RunAsync(new ScriptRunRequest(language, IsCommandsTask: false, _dir.Path) { Script = script, Environment = new Dictionary<string, string> { ["PATH"] = path } }, _logs, CancellationToken.None);

    private static ScriptRunner Runner(string path)
    {
        var worker = new Dictionary<string, string>(StringComparer.Ordinal) { ["PATH"] = path, ["HOME"] = Path.GetTempPath() };
        if (Environment.GetEnvironmentVariable("JAVA_HOME") is { } javaHome)
        {
            worker["JAVA_HOME"] = javaHome;
        }

        return new ScriptRunner(new ProcessTaskRunner(), HelperRun.Helpers, ScriptTask.Python, worker);
    }
}
