using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.CoreTasks.Storage;

/// <summary>A storage task over a large file stops at its timeout instead of reading to the end.</summary>
public sealed class StorageTimeoutTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void FilterItems_over_a_large_file_stops_at_its_timeout()
    {
        // A million records take FilterItems seconds; its half-second timeout must cut it short.
        var run = FlowRun.Of(_dir.Path, """
            id: filter_timeout
            namespace: harrier.tests
            tasks:
              - id: make
                type: io.kestra.plugin.scripts.shell.Commands
                taskRunner:
                  type: io.kestra.plugin.core.runner.Process
                commands:
                  - awk 'BEGIN { for (n = 1; n <= 1000000; n++) printf "{id:%d}\n", n }' > rows.ion
                outputFiles: [rows.ion]
              - id: filter
                type: io.kestra.plugin.core.storage.FilterItems
                timeout: PT0.5S
                from: "{{ outputs.make.outputFiles['rows.ion'] }}"
                filterCondition: "{{ id % 7 == 0 }}"
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Contains("Timeout after 00:00:00.500", run.Errors("filter"), StringComparison.Ordinal);
    }
}
