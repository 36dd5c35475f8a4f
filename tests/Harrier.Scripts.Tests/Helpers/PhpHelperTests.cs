using Harrier.Scripts.Tests.Support;

namespace Harrier.Scripts.Tests.Helpers;

public sealed class PhpHelperTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RequireHarrier_FromTheIncludePath_PrintsOutputsMetricsAndLogs()
    {
        var script = """
            <?php
            require 'harrier.php';
            Harrier::outputs(['text' => getenv('TRICKY'), 'int' => 2]);
            Harrier::counter('count', 1, ['tag1' => 'i', 'tag2' => 'win']);
            Harrier::timer('timer1', function () { return array_sum(range(1, 200000)); });
            Harrier::timer('timer2', 2.12);
            Harrier::log('WARN', 'careful');
            """;

        var run = await HelperRun.RunScriptAsync("php", "main.php", script, _dir.Path);

        HelperRun.AssertStandardResults(run);
    }
}
