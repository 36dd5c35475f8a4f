using Harrier.Core.Logs;
using Harrier.Scripts.Tests.Support;

namespace Harrier.Scripts.Tests.Helpers;

public sealed class NodeHelperTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RequireHarrier_PrintsOutputsMetricsAndLogs()
    {
        var script = """
            const harrier = require('harrier');
            harrier.outputs({ text: process.env.TRICKY, int: 2 });
            harrier.counter('count', 1, { tag1: 'i', tag2: 'win' });
            harrier.timer('timer1', (done) => { let x = 0; for (let i = 0; i < 1e6; i++) x += i; done(); });
            harrier.timer('timer2', 2.12);
            harrier.logger().warn('careful');
            """;

        var run = await HelperRun.RunScriptAsync("node", "main.js", script, _dir.Path);

        HelperRun.AssertStandardResults(run);
    }

    [Fact]
    public async Task RequireKestraLibs_OffersKestrasApi_AndEscapesLineSeparators()
    {
        var script = """
            const Kestra = require('@kestra-io/libs');
            Kestra.outputs({ sep: 'a\u2028b', float: 3.65 });
            Kestra.gauge('g', 3);
            const logger = Kestra.logger();
            logger.info('one', 'two');
            logger.trace('t');
            logger.error('bad');
            """;

        var run = await HelperRun.RunScriptAsync("node", "main.js", script, _dir.Path);

        Assert.Equal("a\u2028b", run.Collector.Outputs["sep"]);
        Assert.Equal(3.65, run.Collector.Outputs["float"]);
        Assert.Equal(3.0, Assert.Single(run.Collector.Metrics).Value);
        Assert.Equal(
            [(TaskLogLevel.Info, "one"), (TaskLogLevel.Info, "two"), (TaskLogLevel.Trace, "t"), (TaskLogLevel.Error, "bad")],
            run.Logs.Lines);
    }
}
