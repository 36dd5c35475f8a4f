using Harrier.Scripts.Tests.Support;

namespace Harrier.Scripts.Tests.Helpers;

public sealed class GroovyHelperTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ImportHarrier_PrintsOutputsMetricsAndLogs()
    {
        var script = """
            import harrier.Harrier
            Harrier.outputs(text: System.getenv('TRICKY'), int: 2)
            Harrier.counter('count', 1, [tag1: 'i', tag2: 'win'])
            Harrier.timer('timer1') { (1..200000).sum() }
            Harrier.timer('timer2', 2.12)
            Harrier.log('warn', 'careful')
            """;

        var run = await HelperRun.RunScriptAsync("groovy", "main.groovy", script, _dir.Path);

        HelperRun.AssertStandardResults(run);
    }
}
