using Harrier.Core.Logs;
using Harrier.Scripts.Jvm;
using Harrier.Scripts.Tests.Support;

namespace Harrier.Scripts.Tests.Jvm;

/// <summary>
/// Nashorn cannot be installed here (no JDK 8–14, no standalone Nashorn in the registries these machines reach):
/// these tests run Harrier's side — the jjs command line, the request, the result, the rows — against
/// <c>fake-jjs-standin</c>, and the missing-interpreter failure for real.
/// </summary>
public sealed class NashornStandInTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task NashornEval_RunsJjsWithThePrelude_AndReadsTheListedOutputs()
    {
        var path = StandIns.Install(Path.Combine(_dir.Path, "bin"), "jjs", StandIns.Jjs, Interpreters.SearchPath);
        var request = new JvmScriptRequest(new NashornEngine(), JvmScriptMode.Eval, _dir.Path, "map = {status: 'ok'};")
        {
            Outputs = ["flow"],
            Bindings = new Dictionary<string, object?> { ["flow"] = new Dictionary<string, object?> { ["id"] = "f" } },
        };

        var run = await JvmRun.RunAsync(request, path);

        Assert.True(run.Result.Failure is null, run.Describe);
        Assert.Contains((TaskLogLevel.Info, "fake-jjs-standin ran harrier-eval.js"), run.Logs.Lines);
        Assert.Equal("map = {status: 'ok'};", run.Result.Result);
        Assert.Equal("f", Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(run.Result.Outputs["flow"])["id"]);
    }

    [Fact]
    public async Task NashornFileTransform_HandsTheRowsToJjs_AndReadsItsRows()
    {
        var path = StandIns.Install(Path.Combine(_dir.Path, "bin"), "jjs", StandIns.Jjs, Interpreters.SearchPath);

        var run = await JvmRun.RunAsync(JvmRun.Transform(new NashornEngine(), _dir.Path, "row['x'] = 1;", "{\"id\":1}", "{\"id\":2}"), path);

        Assert.True(run.Result.Failure is null, run.Describe);
        Assert.Equal(["{\"id\": 1, \"standIn\": true}", "{\"id\": 2, \"standIn\": true}"], run.RowsOut);
    }

    [Fact]
    public async Task NashornEval_WithoutJjs_FailsAtOnce_NamingWhatToInstall()
    {
        var run = await JvmRun.RunAsync(new JvmScriptRequest(new NashornEngine(), JvmScriptMode.Eval, _dir.Path, "1"), path: "/nonexistent");

        Assert.Equal(127, run.Result.ExitCode);
        Assert.Contains("'jjs' was not found", run.Result.Failure, StringComparison.Ordinal);
        Assert.Contains("Nashorn", run.Result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void NashornPrelude_IsShippedWithTheHelpers()
    {
        var prelude = Path.Combine(HelperRun.Helpers.RootDirectory, "nashorn", "harrier-eval.js");

        Assert.Contains("engine.compile(request.script)", File.ReadAllText(prelude), StringComparison.Ordinal);
    }
}
