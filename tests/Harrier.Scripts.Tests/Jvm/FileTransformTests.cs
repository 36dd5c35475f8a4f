using Harrier.Core.Logs;
using Harrier.Scripts.Jvm;
using Harrier.Scripts.Tests.Support;

namespace Harrier.Scripts.Tests.Jvm;

/// <summary>FileTransform with the real Groovy and Jython: Kestra's row scripts, written the way its tests write them.</summary>
public sealed class FileTransformTests : IDisposable
{
    private static readonly string[] People = ["{\"id\":\"1\",\"name\":\"john\"}", "{\"id\":\"2\",\"name\":\"jane\"}", "{\"id\":\"3\",\"name\":\"richard\"}"];

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, string> DropAndEnrich => new()
    {
        { "groovy", "logger.info('row: {}', row)\nif (row.get('name') == 'richard') {\n  row = null\n} else {\n  row.put('email', row.get('name') + '@kestra.io')\n}\n" },
        { "jython", "logger.info('row: {}', row)\nif row['name'] == 'richard':\n  row = None\nelse:\n  row['email'] = row['name'] + '@kestra.io'\n" },
    };

    public static TheoryData<string, string> ManyRows => new()
    {
        { "groovy", "rows = [1, 2, row, [\"action\": \"insert\"]]\n" },
        { "jython", "rows = [1, 2, row, {\"action\": \"insert\"}]\n" },
    };

    [Theory]
    [MemberData(nameof(DropAndEnrich))]
    public async Task FileTransform_ChangesRows_AndDropsTheOnesSetToNull(string engine, string script)
    {
        var run = await RunAsync(engine, script, concurrent: 1);

        Assert.True(run.Result.Failure is null, run.Describe);
        Assert.Equal(["{\"id\":\"1\",\"name\":\"john\",\"email\":\"john@kestra.io\"}", "{\"id\":\"2\",\"name\":\"jane\",\"email\":\"jane@kestra.io\"}"], run.RowsOut.Select(Compact));
        Assert.Contains((TaskLogLevel.Info, "row: {id=1, name=john}"), run.Logs.Lines);
    }

    [Theory]
    [MemberData(nameof(ManyRows))]
    public async Task FileTransform_EmitsEveryRowOfRows(string engine, string script)
    {
        var run = await RunAsync(engine, script, concurrent: 1, "{\"id\":\"1\",\"name\":\"john\"}");

        Assert.True(run.Result.Failure is null, run.Describe);
        Assert.Equal(["1", "2", "{\"id\":\"1\",\"name\":\"john\"}", "{\"action\":\"insert\"}"], run.RowsOut.Select(Compact));
    }

    [Theory]
    [InlineData("groovy", "sleep(300)\nrow.put('seen', true)\n")]
    [InlineData("jython", "import time\ntime.sleep(0.3)\nrow['seen'] = True\n")]
    public async Task FileTransform_RunsConcurrentRowsAtOnce_AndKeepsTheirOrder(string engine, string script)
    {
        var rows = Enumerable.Range(1, 10).Select(i => $"{{\"id\":{i}}}").ToArray();
        var sequential = System.Diagnostics.Stopwatch.StartNew();

        var run = await RunAsync(engine, script, concurrent: 10, rows);

        Assert.True(run.Result.Failure is null, run.Describe);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"{{\"id\":{i},\"seen\":true}}"), run.RowsOut.Select(Compact));
        // Ten rows of 0.3 s each, one at a time, would take 3 s on top of the interpreter's start.
        Assert.True(sequential.Elapsed < TimeSpan.FromSeconds(2.5) + StartUp(engine), $"took {sequential.Elapsed}");
    }

    [Fact]
    public async Task FileTransform_ThatThrowsOnARow_Fails()
    {
        var run = await RunAsync("groovy", "if (row.id == '2') throw new IllegalArgumentException('bad row ' + row.id)", concurrent: 2);

        Assert.NotEqual(0, run.Result.ExitCode);
        Assert.Contains(run.Logs.Lines, l => l.Message.Contains("bad row 2", StringComparison.Ordinal));
    }

    private static TimeSpan StartUp(string engine) => engine == "jython" ? TimeSpan.FromSeconds(8) : TimeSpan.FromSeconds(4);

    private Task<JvmRun> RunAsync(string engine, string script, int concurrent, params string[] rows)
    {
        var jvm = JvmScriptEngines.All.Single(e => e.Name == engine);
        Interpreters.Require(jvm.Tool.Executable);
        return JvmRun.RunAsync(JvmRun.Transform(jvm, _dir.Path, script, rows.Length == 0 ? People : rows) with { Concurrent = concurrent });
    }

    // Groovy's and Python's JSON writers differ in spacing only.
    private static string Compact(string json) => System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(json).RootElement);
}
