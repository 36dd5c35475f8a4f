using Harrier.Core.Logs;
using Harrier.Scripts.Jvm;
using Harrier.Scripts.Tests.Support;

namespace Harrier.Scripts.Tests.Jvm;

public sealed class JythonEvalTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task JythonEval_RunsKestrasExampleScript_OutputsMetricLogAndFile()
    {
        Interpreters.Require("jython");
        var script = """
            from io.kestra.core.models.executions.metrics import Counter
            import tempfile
            from java.io import File

            logger.info('executionId: {}', runContext.render('{{ execution.id }}'))
            runContext.metric(Counter.of('total', 666, 'name', 'bla'))

            map = {'test': 'here'}
            tempFile = tempfile.NamedTemporaryFile()
            tempFile.write('555\n666\n')
            tempFile.flush()

            out = runContext.storage().putFile(File(tempFile.name))
            """;
        var request = new JvmScriptRequest(new JythonEngine(), JvmScriptMode.Eval, _dir.Path, script)
        {
            Outputs = ["out", "map"],
            Bindings = new Dictionary<string, object?> { ["execution"] = new Dictionary<string, object?> { ["id"] = "exec1" } },
            StoragePrefix = "harrier:///ns/f/executions/e/tasks/t/r",
        };

        var run = await JvmRun.RunAsync(request);

        Assert.True(run.Result.Failure is null, run.Describe);
        Assert.Contains((TaskLogLevel.Info, "executionId: exec1"), run.Logs.Lines);
        Assert.Equal(("total", 666.0), (run.Result.Metrics.Single().Name, run.Result.Metrics.Single().Value));
        Assert.Equal("here", Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(run.Result.Outputs["map"])["test"]);
        Assert.StartsWith("harrier:///ns/f/executions/e/tasks/t/r/", Assert.IsType<string>(run.Result.Outputs["out"]), StringComparison.Ordinal);
        Assert.Equal("555\n666\n", await File.ReadAllTextAsync(run.Result.Files.Single().Path));
    }

    [Fact]
    public async Task JythonEval_ThatRaises_FailsWithTheTraceback()
    {
        Interpreters.Require("jython");
        var run = await JvmRun.RunAsync(new JvmScriptRequest(new JythonEngine(), JvmScriptMode.Eval, _dir.Path, "raise ValueError('deliberate failure')"));

        Assert.NotEqual(0, run.Result.ExitCode);
        Assert.Contains(run.Logs.Lines, l => l.Level == TaskLogLevel.Error && l.Message.Contains("ValueError: deliberate failure", StringComparison.Ordinal));
    }
}
