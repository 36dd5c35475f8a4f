using Harrier.Scripts.Helpers;
using Harrier.Scripts.Tests.Support;

namespace Harrier.Scripts.Tests.Helpers;

public sealed class ShellHelperTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("/bin/sh")]
    [InlineData("bash")]
    public async Task SourcedFunctions_PrintOutputsMetricsAndLogs(string shell)
    {
        var script = $$"""
            . "${{HelperEnvironment.ShellHelperVariable}}"
            harrier_output text "$TRICKY"
            harrier_output_json int 2
            harrier_counter count 1 tag1=i tag2=win
            harrier_timer timer1 0.25
            harrier_timer timer2 2.12
            harrier_log WARN careful
            """;

        var run = await HelperRun.RunAsync([Interpreters.Require(shell.TrimStart('/').Replace("bin/", "", StringComparison.Ordinal)), "-c", script], _dir.Path);

        HelperRun.AssertStandardResults(run);
    }
}
