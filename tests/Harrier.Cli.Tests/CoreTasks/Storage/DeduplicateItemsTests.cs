using Harrier.Cli.Tests.Support;
using static Harrier.Cli.Tests.CoreTasks.Storage.StorageFlow;

namespace Harrier.Cli.Tests.CoreTasks.Storage;

/// <summary>Kestra's <c>storage.DeduplicateItems</c>: the last record of each key of an ION file.</summary>
public sealed class DeduplicateItemsTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void DeduplicateItems_keeps_the_last_record_of_each_key_where_that_record_stands()
    {
        var run = Run(_dir.Path, "dedup", "rows.ion",
            ["{key:\"k1\",v:1}", "{key:\"k2\",v:1}", "{key:\"k3\",v:1}", "{key:\"k1\",v:2}", "", "{key:\"k2\",v:2}", "{key:\"k2\",v:null}", "{\"key\":\"k3\",\"v\":2}", "{key:\"k1\",v:3}"], """
              - id: dedup
                type: io.kestra.plugin.core.storage.DeduplicateItems
                from: "{{ outputs.make.outputFiles['rows.ion'] }}"
                expr: " {{ key }} "
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal("{key:\"k2\",v:null}\n{\"key\":\"k3\",\"v\":2}\n{key:\"k1\",v:3}\n", Read(_dir.Path, run.Uri("dedup")));
        Assert.Equal(3, run.Long("dedup", "numKeys"));
        Assert.Equal(8, run.Long("dedup", "processedItemsTotal"));
        Assert.Equal(5, run.Long("dedup", "droppedItemsTotal"));
    }

    [Fact]
    public void DeduplicateItems_keys_by_the_whole_rendered_text_of_expr()
    {
        var run = Run(_dir.Path, "dedup_two_fields", "rows.ion",
            ["{a:\"x\",b:1,n:1}", "{a:\"x\",b:2,n:2}", "{a:\"x\",b:1,n:3}", "{a:\"y\",b:1,n:4}"], """
              - id: dedup
                type: io.kestra.plugin.core.storage.DeduplicateItems
                from: "{{ outputs.make.outputFiles['rows.ion'] }}"
                expr: "{{ a }}-{{ b }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal("{a:\"x\",b:2,n:2}\n{a:\"x\",b:1,n:3}\n{a:\"y\",b:1,n:4}\n", Read(_dir.Path, run.Uri("dedup")));
        Assert.Equal(3, run.Long("dedup", "numKeys"));
    }

    [Fact]
    public void DeduplicateItems_whose_key_fails_on_a_record_fails_naming_expr_and_the_line()
    {
        var run = Run(_dir.Path, "dedup_fail", "rows.ion", ["{key:\"k1\"}", "{other:\"k2\"}"], """
              - id: dedup
                type: io.kestra.plugin.core.storage.DeduplicateItems
                from: "{{ outputs.make.outputFiles['rows.ion'] }}"
                expr: "{{ key }}"
            """);

        Assert.Equal("FAILED", run.State);
        var errors = run.Errors("dedup");
        Assert.Contains("tasks[1].expr (line 15): ", errors, StringComparison.Ordinal);
        Assert.Contains("(for the record on line 2)", errors, StringComparison.Ordinal);
    }
}
