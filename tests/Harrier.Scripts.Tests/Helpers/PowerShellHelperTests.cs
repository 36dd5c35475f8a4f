using Harrier.Scripts.Tests.Support;

namespace Harrier.Scripts.Tests.Helpers;

public sealed class PowerShellHelperTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task AutoloadedModule_PrintsOutputsMetricsAndLogs()
    {
        // No Import-Module: the module is found on PSModulePath and loads on first use.
        var script = """
            Write-HarrierOutputs ([ordered]@{ text = $env:TRICKY; int = 2 })
            Write-HarrierCounter -Name count -Value 1 -Tags @{ tag1 = 'i'; tag2 = 'win' }
            Write-HarrierTimer -Name timer1 -ScriptBlock { $x = 0; foreach ($i in 1..20000) { $x += $i } }
            Write-HarrierTimer -Name timer2 -Seconds 2.12
            Write-HarrierLog -Level WARN -Message careful
            """;

        var run = await HelperRun.RunScriptAsync("pwsh", "main.ps1", script, _dir.Path, "-NoProfile", "-NonInteractive", "-File");

        HelperRun.AssertStandardResults(run);
    }
}
