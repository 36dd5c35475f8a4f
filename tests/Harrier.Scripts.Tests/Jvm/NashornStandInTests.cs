using Harrier.Core.Logs;
using Harrier.Scripts.Jvm;
using Harrier.Scripts.Tests.Support;

namespace Harrier.Scripts.Tests.Jvm;

/// <summary>
/// Nashorn cannot be installed here (no JDK 8–14, no standalone Nashorn in the registries these machines reach):
/// these tests run Harrier's Nashorn prelude on <c>fake-jjs-standin</c> (Node.js with the few Java classes the
/// prelude uses), and the missing-interpreter failure for real.
/// </summary>
public sealed class NashornStandInTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string StandInPath => StandIns.Install(Path.Combine(_dir.Path, "bin"), "jjs", StandIns.Jjs, Interpreters.SearchPath);

    [Fact]
    public async Task NashornEval_ReturnsTheListedOutputs_TheLastValue_AndLogs()
    {
        Interpreters.Require("node");
        var request = new JvmScriptRequest(new NashornEngine(), JvmScriptMode.Eval, _dir.Path, "map = {status: 'ok'};\nlogger.info('flow {} in {}', flow.id, flow.namespace);\nvar local = 1;\n'last';")
        {
            Outputs = ["map", "missing"],
            Bindings = new Dictionary<string, object?> { ["flow"] = new Dictionary<string, object?> { ["id"] = "f", ["namespace"] = "company.team" } },
        };

        var run = await JvmRun.RunAsync(request, StandInPath);

        Assert.True(run.Result.Failure is null, run.Describe);
        Assert.Equal("last", run.Result.Result);
        Assert.Equal("ok", Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(run.Result.Outputs["map"])["status"]);
        Assert.Null(run.Result.Outputs["missing"]);
        Assert.Contains((TaskLogLevel.Info, "flow f in company.team"), run.Logs.Lines);
    }

    [Fact]
    public async Task NashornEval_PutFile_KeepsACopyUnderTheTaskRunPrefix()
    {
        Interpreters.Require("node");
        var script = """
            var Files = Java.type('java.nio.file.Files');
            var path = runContext.workingDir().createTempFile('.txt');
            Files.write(path, new (Java.type('java.lang.String'))('hello nashorn').getBytes('UTF-8'));
            out = runContext.storage().putFile(path.toFile());
            """;
        var request = new JvmScriptRequest(new NashornEngine(), JvmScriptMode.Eval, _dir.Path, script) { Outputs = ["out"], StoragePrefix = "harrier:///ns/f/executions/e/tasks/t/r" };

        var run = await JvmRun.RunAsync(request, StandInPath);

        Assert.True(run.Result.Failure is null, run.Describe);
        var (name, path) = Assert.Single(run.Result.Files);
        Assert.Equal($"harrier:///ns/f/executions/e/tasks/t/r/{name}", run.Result.Outputs["out"]);
        Assert.Equal("hello nashorn", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task NashornFileTransform_ChangesRows_DropsNulls_AndEmitsRows()
    {
        Interpreters.Require("node");
        var script = "if (row['name'] === 'richard') { row = null; } else if (row['name'] === 'jane') { rows = [row, {action: 'insert'}]; } else { row['email'] = row['name'] + '@kestra.io'; }";

        var run = await JvmRun.RunAsync(JvmRun.Transform(new NashornEngine(), _dir.Path, script, "{\"name\":\"john\"}", "{\"name\":\"jane\"}", "{\"name\":\"richard\"}"), StandInPath);

        Assert.True(run.Result.Failure is null, run.Describe);
        Assert.Equal(["{\"name\":\"john\",\"email\":\"john@kestra.io\"}", "{\"name\":\"jane\"}", "{\"action\":\"insert\"}"], run.RowsOut);
    }

    [Fact]
    public async Task NashornEval_ThatThrows_Fails()
    {
        Interpreters.Require("node");
        var run = await JvmRun.RunAsync(new JvmScriptRequest(new NashornEngine(), JvmScriptMode.Eval, _dir.Path, "throw new Error('deliberate failure');"), StandInPath);

        Assert.NotEqual(0, run.Result.ExitCode);
        Assert.Contains(run.Logs.Lines, l => l.Message.Contains("deliberate failure", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NashornEval_WithoutJjs_FailsAtOnce_NamingWhatToInstall()
    {
        var run = await JvmRun.RunAsync(new JvmScriptRequest(new NashornEngine(), JvmScriptMode.Eval, _dir.Path, "1"), path: "/nonexistent");

        Assert.Equal(127, run.Result.ExitCode);
        Assert.Contains("'jjs' was not found", run.Result.Failure, StringComparison.Ordinal);
        Assert.Contains("Nashorn", run.Result.Failure, StringComparison.Ordinal);
    }
}
