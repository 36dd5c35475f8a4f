using Harrier.Scripts.Tests.Support;

namespace Harrier.Scripts.Tests.Helpers;

public sealed class RubyHelperTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RequireHarrier_PrintsOutputsMetricsAndLogs()
    {
        var script = """
            require 'harrier'
            Harrier.outputs(text: ENV.fetch('TRICKY'), int: 2)
            Harrier.counter('count', 1, tag1: 'i', tag2: 'win')
            Harrier.timer('timer1') { (1..200_000).sum }
            Harrier.timer('timer2', 2.12)
            Harrier.log('warn', 'careful')
            """;

        var run = await HelperRun.RunScriptAsync("ruby", "main.rb", script, _dir.Path);

        HelperRun.AssertStandardResults(run);
    }
}
