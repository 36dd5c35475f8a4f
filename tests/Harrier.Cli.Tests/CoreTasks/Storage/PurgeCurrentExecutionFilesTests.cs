using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.CoreTasks.Storage;

/// <summary>Kestra's <c>storage.PurgeCurrentExecutionFiles</c>: every file of this execution deleted.</summary>
public sealed class PurgeCurrentExecutionFilesTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Purge_deletes_the_inputs_and_every_task_file_of_the_execution_and_lists_them()
    {
        var input = _dir.Combine("orders.csv");
        File.WriteAllText(input, "1\n2\n3\n");
        var run = FlowRun.Of(_dir.Path, """
            id: purge
            namespace: harrier.tests
            inputs:
              - id: orders
                type: FILE
            tasks:
              - id: split
                type: io.kestra.plugin.core.storage.Split
                from: "{{ inputs.orders }}"
                rows: 2
              - id: purge
                type: io.kestra.plugin.core.storage.PurgeCurrentExecutionFiles
              - id: after
                type: io.kestra.plugin.core.storage.Size
                uri: "{{ outputs.split.uris[0] }}"
            """, "--input", $"orders=@{input}");

        Assert.Equal("FAILED", run.State);
        Assert.Equal("SUCCESS", run.StateOf("purge"));
        var inputUri = run.Execution.GetProperty("inputs").GetProperty("orders").GetString()!;
        var purged = run.Uris("purge");
        Assert.Equal(new[] { inputUri }.Concat(run.Uris("split")).Order(StringComparer.Ordinal), purged.Order(StringComparer.Ordinal));
        Assert.All(purged, uri => Assert.False(StorageFlow.Exists(_dir.Path, uri), uri));
        Assert.Contains("there is no file at", run.Errors("after"), StringComparison.Ordinal);
    }

    [Fact]
    public void Purge_of_an_execution_without_files_succeeds_with_no_uris()
    {
        var run = FlowRun.Of(_dir.Path, """
            id: purge_nothing
            namespace: harrier.tests
            tasks:
              - id: purge
                type: io.kestra.plugin.core.storage.PurgeExecution
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Empty(run.Uris("purge"));
    }
}
