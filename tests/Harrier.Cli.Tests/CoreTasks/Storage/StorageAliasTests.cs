using Harrier.Cli.Tests.Support;
using static Harrier.Cli.Tests.CoreTasks.Storage.StorageFlow;

namespace Harrier.Cli.Tests.CoreTasks.Storage;

/// <summary>The storage tasks under the names older Kestra flows use (<c>io.kestra.core.tasks.storages.*</c>).</summary>
public sealed class StorageAliasTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Storage_tasks_run_under_their_old_io_kestra_core_tasks_storages_names()
    {
        var run = Run(_dir.Path, "old_names", "rows.ion", ["{a:1}", "{a:2}", "{a:1}"], """
              - id: split
                type: io.kestra.core.tasks.storages.Split
                from: "{{ outputs.make.outputFiles['rows.ion'] }}"
                rows: 2
              - id: concat
                type: io.kestra.core.tasks.storages.Concat
                files: "{{ outputs.split.uris }}"
                extension: .ion
              - id: size
                type: io.kestra.core.tasks.storages.Size
                uri: "{{ outputs.concat.uri }}"
              - id: reverse
                type: io.kestra.core.tasks.storages.Reverse
                from: "{{ outputs.concat.uri }}"
              - id: filter
                type: io.kestra.core.tasks.storages.FilterItems
                from: "{{ outputs.reverse.uri }}"
                filterCondition: "{{ a == 1 }}"
              - id: dedup
                type: io.kestra.core.tasks.storages.DeduplicateItems
                from: "{{ outputs.reverse.uri }}"
                expr: "{{ a }}"
              - id: delete
                type: io.kestra.core.tasks.storages.Delete
                uri: "{{ outputs.concat.uri }}"
              - id: purge
                type: io.kestra.core.tasks.storages.PurgeExecution
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(18, run.Long("size", "size"));
        Assert.Equal(1, run.Long("filter", "droppedItemsTotal"));
        Assert.Equal(2, run.Long("dedup", "numKeys"));
        Assert.True(run.Outputs("delete").GetProperty("deleted").GetBoolean());
        Assert.NotEmpty(run.Uris("purge"));
    }
}
