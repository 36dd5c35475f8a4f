using Harrier.Cli.Tests.Flows;
using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.Corpus;

/// <summary>A data directory holding one finished execution, so "nothing stored changed" is checked against real content.</summary>
public sealed class StoredExecutionFixture : IDisposable
{
    private readonly ScratchDirectory _scratch = new("harrier-corpus-");

    public StoredExecutionFixture()
    {
        var flow = _scratch.Combine("stored.yml");
        File.WriteAllText(flow, "id: stored\nnamespace: company.team\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: stored before the corpus ran\n");
        var run = CliRun.Of("run", flow, "--data-dir", DataDirectory);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"the fixture's execution failed: {run.Output}{run.Error}");
        }
    }

    public string DataDirectory => _scratch.Combine("data");

    public void Dispose() => _scratch.Dispose();
}
