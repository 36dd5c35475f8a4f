using Harrier.Core.Logs;
using Harrier.Scripts.Jvm;
using Harrier.Scripts.Tests.Support;

namespace Harrier.Scripts.Tests.Jvm;

public sealed class GroovyEvalTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task GroovyEval_ReturnsTheListedOutputs_AndTheScriptsLastValue()
    {
        Interpreters.Require("groovy");
        var request = new JvmScriptRequest(new GroovyEngine(), JvmScriptMode.Eval, _dir.Path, "map = [test: 'here']\nnumber = 42\nlocalOnly = 1\n'last'")
        {
            Outputs = ["map", "number", "missing"],
        };

        var run = await JvmRun.RunAsync(request);

        Assert.True(run.Result.Failure is null, run.Describe);
        Assert.Equal("last", run.Result.Result);
        Assert.Equal("here", Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(run.Result.Outputs["map"])["test"]);
        Assert.Equal(42L, run.Result.Outputs["number"]);
        Assert.Null(run.Result.Outputs["missing"]);
        Assert.False(run.Result.Outputs.ContainsKey("localOnly"));
    }

    [Fact]
    public async Task GroovyEval_BindsKestrasVariables_LoggerAndMetrics()
    {
        Interpreters.Require("groovy");
        var script = """
            import io.kestra.core.models.executions.metrics.Counter
            logger.info('executionId: {}', runContext.render('{{ execution.id }}'))
            logger.warn('flow {} in {}', flow.id, flow.namespace)
            runContext.metric(Counter.of('total', 666, 'name', 'bla'))
            """;
        var request = new JvmScriptRequest(new GroovyEngine(), JvmScriptMode.Eval, _dir.Path, script)
        {
            Bindings = new Dictionary<string, object?>
            {
                ["execution"] = new Dictionary<string, object?> { ["id"] = "exec1" },
                ["flow"] = new Dictionary<string, object?> { ["id"] = "f", ["namespace"] = "company.team" },
            },
        };

        var run = await JvmRun.RunAsync(request);

        Assert.True(run.Result.Failure is null, run.Describe);
        Assert.Contains((TaskLogLevel.Info, "executionId: exec1"), run.Logs.Lines);
        Assert.Contains((TaskLogLevel.Warn, "flow f in company.team"), run.Logs.Lines);
        var metric = Assert.Single(run.Result.Metrics);
        Assert.Equal(("total", 666.0, "bla"), (metric.Name, metric.Value, metric.Tags["name"]));
    }

    [Fact]
    public async Task GroovyEval_PutFile_AnswersAUriUnderTheTaskRunPrefix_AndKeepsACopyToUpload()
    {
        Interpreters.Require("groovy");
        var script = """
            File tempFile = runContext.workingDir().createTempFile().toFile()
            tempFile.text = '555\n666\n'
            out = runContext.storage().putFile(tempFile)
            tempFile.delete()
            """;
        var request = new JvmScriptRequest(new GroovyEngine(), JvmScriptMode.Eval, _dir.Path, script) { Outputs = ["out"], StoragePrefix = "harrier:///ns/f/executions/e/tasks/t/r" };

        var run = await JvmRun.RunAsync(request);

        Assert.True(run.Result.Failure is null, run.Describe);
        var (name, path) = Assert.Single(run.Result.Files);
        Assert.Equal($"harrier:///ns/f/executions/e/tasks/t/r/{name}", run.Result.Outputs["out"]);
        Assert.Equal("555\n666\n", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task GroovyEval_GetFile_ReadsTheStorageFilesHarrierCopiedIn()
    {
        Interpreters.Require("groovy");
        var local = Path.Combine(_dir.Path, "copy.txt");
        await File.WriteAllTextAsync(local, "stored text");
        var request = new JvmScriptRequest(new GroovyEngine(), JvmScriptMode.Eval, _dir.Path, "content = runContext.storage().getFile(new URI('kestra:///ns/f/a.txt')).text")
        {
            Outputs = ["content"],
            StorageFiles = new Dictionary<string, string> { ["harrier:///ns/f/a.txt"] = local },
        };

        var run = await JvmRun.RunAsync(request);

        Assert.True(run.Result.Failure is null, run.Describe);
        Assert.Equal("stored text", run.Result.Outputs["content"]);
    }

    [Fact]
    public async Task GroovyEval_ThatThrows_FailsWithTheExceptionLogged()
    {
        Interpreters.Require("groovy");
        var run = await JvmRun.RunAsync(new JvmScriptRequest(new GroovyEngine(), JvmScriptMode.Eval, _dir.Path, "throw new IllegalStateException('deliberate failure')"));

        Assert.Equal(1, run.Result.ExitCode);
        Assert.StartsWith("The Groovy script failed (exit code 1)", run.Result.Failure, StringComparison.Ordinal);
        Assert.Contains(run.Logs.Lines, l => l.Level == TaskLogLevel.Error && l.Message.Contains("deliberate failure", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GroovyEval_WithoutGroovy_FailsAtOnce_NamingWhatToInstall()
    {
        var run = await JvmRun.RunAsync(new JvmScriptRequest(new GroovyEngine(), JvmScriptMode.Eval, _dir.Path, "1"), path: "/nonexistent");

        Assert.Equal(127, run.Result.ExitCode);
        Assert.Contains("apt-get install groovy", run.Result.Failure, StringComparison.Ordinal);
    }
}
