using Harrier.Core.Logs;
using Harrier.Scripts.Tests.Support;

namespace Harrier.Scripts.Tests.Helpers;

public sealed class PythonHelperTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ImportHarrier_PrintsOutputsMetricsAndLogs()
    {
        var script = """
            import os, harrier
            harrier.outputs({"text": os.environ["TRICKY"], "int": 2})
            harrier.counter("count", 1, {"tag1": "i", "tag2": "win"})
            harrier.timer("timer1", lambda: sum(range(200000)))
            harrier.timer("timer2", 2.12)
            harrier.log("WARN", "careful")
            """;

        var run = await HelperRun.RunScriptAsync("python3", "main.py", script, _dir.Path);

        HelperRun.AssertStandardResults(run);
    }

    [Fact]
    public async Task FromKestraImportKestra_OffersKestrasApi()
    {
        // §12.3 #22
        var script = """
            from kestra import Kestra
            Kestra.outputs({'test': 'value', 'int': 2, 'bool': True, 'float': 3.65})
            Kestra.counter('count', 1, {'tag1': 'i', 'tag2': 'win'})
            Kestra.counter('count2', 2)
            Kestra.timer('timer1', lambda: sum(range(200000)), {'tag1': 'i', 'tag2': 'lost'})
            Kestra.timer('timer2', 2.12, {'tag1': 'i', 'tag2': 'destroy'})
            Kestra.gauge('g', 0.5)
            """;

        var run = await HelperRun.RunScriptAsync("python3", "main.py", script, _dir.Path);

        var vars = run.Collector.Outputs;
        Assert.Equal(("value", 2L, true, 3.65), (vars["test"], vars["int"], vars["bool"], vars["float"]));
        var metrics = run.Collector.Metrics.ToDictionary(m => m.Name);
        Assert.Equal(2, metrics["count"].Tags.Count);
        Assert.Equal((2.0, 0), (metrics["count2"].Value, metrics["count2"].Tags.Count));
        Assert.True(metrics["timer1"].Value > 0);
        Assert.Equal((2.12, "destroy"), (metrics["timer2"].Value, metrics["timer2"].Tags["tag2"]));
        Assert.Equal(0.5, metrics["g"].Value);
    }

    [Fact]
    public async Task KestraLogger_RecordsBecomeLogLines_WarningsOnStderr()
    {
        var script = """
            from kestra import Kestra
            log = Kestra.logger()
            log.debug("d")
            log.info("hello %s", "there")
            log.warning("w")
            log.error("e")
            """;

        var run = await HelperRun.RunScriptAsync("python3", "main.py", script, _dir.Path);

        Assert.Equal([(TaskLogLevel.Debug, "d"), (TaskLogLevel.Info, "hello there")], run.Logs.Lines.Where(l => l.Level < TaskLogLevel.Warn));
        Assert.Contains((TaskLogLevel.Warn, "w"), run.Logs.Lines);
        Assert.Contains((TaskLogLevel.Error, "e"), run.Logs.Lines);
        Assert.Equal((2, 2), (run.Collector.StdOutLineCount, run.Collector.StdErrLineCount));
    }
}
