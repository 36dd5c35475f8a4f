using Harrier.Scripts.Tests.Support;

namespace Harrier.Scripts.Tests.Helpers;

public sealed class LuaHelperTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RequireHarrier_PrintsOutputsMetricsAndLogs()
    {
        var script = """
            local harrier = require('harrier')
            harrier.outputs({ text = os.getenv('TRICKY'), int = 2 })
            harrier.counter('count', 1, { tag1 = 'i', tag2 = 'win' })
            harrier.timer('timer1', function() local x = 0; for i = 1, 3000000 do x = x + i end; return x end)
            harrier.timer('timer2', 2.12)
            harrier.log('warn', 'careful')
            """;

        var run = await HelperRun.RunScriptAsync("lua", "main.lua", script, _dir.Path);

        HelperRun.AssertStandardResults(run);
    }
}
