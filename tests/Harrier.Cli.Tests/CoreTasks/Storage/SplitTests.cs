using Harrier.Cli.Tests.Support;
using static Harrier.Cli.Tests.CoreTasks.Storage.StorageFlow;

namespace Harrier.Cli.Tests.CoreTasks.Storage;

/// <summary>Kestra's <c>storage.Split</c>: one file cut by rows, bytes, partitions or a regex key.</summary>
public sealed class SplitTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Split_by_rows_writes_one_file_per_N_lines_keeping_the_extension()
    {
        var run = Run(_dir.Path, "split_rows", "data.csv", Numbers(1, 10), """
              - id: split
                type: io.kestra.plugin.core.storage.Split
                from: "{{ outputs.make.outputFiles['data.csv'] }}"
                rows: 3
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        var uris = run.Uris("split");
        Assert.Equal(["1\n2\n3\n", "4\n5\n6\n", "7\n8\n9\n", "10\n"], uris.Select(uri => Read(_dir.Path, uri)));
        Assert.All(uris, uri => Assert.EndsWith(".csv", uri, StringComparison.Ordinal));
    }

    [Fact]
    public void Split_by_bytes_starts_a_new_file_once_the_current_one_holds_the_size()
    {
        // Kestra's rule: a line goes to the current file while it holds less than the size, so a file may pass it.
        var run = Run(_dir.Path, "split_bytes", "data.csv", ["aaaa", "bbbb", "cccc", "dddd", "eeee"], """
              - id: split
                type: io.kestra.plugin.core.storage.Split
                from: "{{ outputs.make.outputFiles['data.csv'] }}"
                bytes: "8"
              - id: in_kb
                type: io.kestra.plugin.core.storage.Split
                from: "{{ outputs.make.outputFiles['data.csv'] }}"
                bytes: 1KB
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["aaaa\nbbbb\n", "cccc\ndddd\n", "eeee\n"], run.Uris("split").Select(uri => Read(_dir.Path, uri)));
        Assert.Single(run.Uris("in_kb"));
    }

    [Fact]
    public void Split_by_partitions_deals_lines_round_robin_and_leaves_out_empty_partitions()
    {
        var run = Run(_dir.Path, "split_partitions", "data.csv", Numbers(1, 7), """
              - id: three
                type: io.kestra.plugin.core.storage.Split
                from: "{{ outputs.make.outputFiles['data.csv'] }}"
                partitions: 3
              - id: ten
                type: io.kestra.plugin.core.storage.Split
                from: "{{ outputs.make.outputFiles['data.csv'] }}"
                partitions: "{{ 5 * 2 }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["1\n4\n7\n", "2\n5\n", "3\n6\n"], run.Uris("three").Select(uri => Read(_dir.Path, uri)));
        Assert.Equal(7, run.Uris("ten").Count);
    }

    [Fact]
    public void Split_into_more_partitions_than_files_kept_open_still_writes_every_line_to_its_partition()
    {
        var run = Run(_dir.Path, "split_many", "data.csv", Numbers(1, 300), """
              - id: split
                type: io.kestra.plugin.core.storage.Split
                from: "{{ outputs.make.outputFiles['data.csv'] }}"
                partitions: 100
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        var parts = run.Uris("split").Select(uri => Read(_dir.Path, uri)).ToList();
        Assert.Equal(100, parts.Count);
        Assert.Equal("1\n101\n201\n", parts[0]);
        Assert.Equal("100\n200\n300\n", parts[99]);
    }

    [Fact]
    public void Split_by_regexPattern_groups_lines_by_the_captured_value_in_order_of_first_appearance()
    {
        var run = Run(_dir.Path, "split_regex", "data.csv", ["[b] 1", "[a] 2", "no key", "[b] 3", "[c] 4", "[a] 5"], """
              - id: split
                type: io.kestra.plugin.core.storage.Split
                from: "{{ outputs.make.outputFiles['data.csv'] }}"
                regexPattern: '\[(\w+)\]'
                separator: ";"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["[b] 1;[b] 3;", "[a] 2;[a] 5;", "[c] 4;"], run.Uris("split").Select(uri => Read(_dir.Path, uri)));
    }

    [Fact]
    public void Split_without_bytes_partitions_rows_or_regexPattern_fails_saying_which_to_give()
    {
        var run = Run(_dir.Path, "split_none", "data.csv", Numbers(1, 3), """
              - id: split
                type: io.kestra.plugin.core.storage.Split
                from: "{{ outputs.make.outputFiles['data.csv'] }}"
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Contains("Split needs one of bytes, partitions, rows or regexPattern", run.Errors("split"), StringComparison.Ordinal);
    }

    [Fact]
    public void Split_with_two_ways_to_cut_fails_naming_both()
    {
        var run = Run(_dir.Path, "split_two", "data.csv", Numbers(1, 3), """
              - id: split
                type: io.kestra.plugin.core.storage.Split
                from: "{{ outputs.make.outputFiles['data.csv'] }}"
                rows: 2
                bytes: 10KB
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Contains("bytes, rows are set; Split cuts a file one way: keep only one of them", run.Errors("split"), StringComparison.Ordinal);
    }

    [Fact]
    public void Split_ignores_a_way_to_cut_whose_expression_renders_nothing()
    {
        // A flow may choose how to cut with expressions (inputs, for one): only the way that renders a value counts.
        var run = Run(_dir.Path, "split_chosen", "data.csv", Numbers(1, 4), """
              - id: split
                type: io.kestra.plugin.core.storage.Split
                from: "{{ outputs.make.outputFiles['data.csv'] }}"
                rows: "{{ null }}"
                partitions: "{{ flow.id == 'split_chosen' ? 2 : null }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(["1\n3\n", "2\n4\n"], run.Uris("split").Select(uri => Read(_dir.Path, uri)));
    }

    [Theory]
    [InlineData("bytes: 10 parsecs", "tasks[1].bytes (line 15): '10 parsecs' is not a size")]
    [InlineData("rows: 0", "tasks[1].rows (line 15): must be a whole number of 1 or more")]
    [InlineData("partitions: -2", "tasks[1].partitions (line 15): must be a whole number of 1 or more")]
    [InlineData("regexPattern: 'no group'", "tasks[1].regexPattern (line 15): 'no group' has no capture group")]
    [InlineData("regexPattern: '(unclosed'", "tasks[1].regexPattern (line 15): '(unclosed' is not a valid regular expression")]
    public void Split_with_a_bad_value_fails_naming_the_property_and_its_line(string property, string expected)
    {
        var run = Run(_dir.Path, "split_bad", "data.csv", Numbers(1, 3), """
              - id: split
                type: io.kestra.plugin.core.storage.Split
                from: "{{ outputs.make.outputFiles['data.csv'] }}"
                PROPERTY
            """.Replace("PROPERTY", property, StringComparison.Ordinal));

        Assert.Equal("FAILED", run.State);
        Assert.Contains(expected, run.Errors("split"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("harrier:///harrier/tests/other_flow/executions/someone/tasks/t/r/data.csv", "belongs to another execution")]
    [InlineData("kestra:///harrier/tests/../../../etc/passwd", "'.' and '..' are not allowed in storage paths")]
    [InlineData("/etc/passwd", "is not a harrier://, kestra://, nsfile:// or file:// URI")]
    [InlineData("file:///etc/passwd", "reading local files is not allowed on this server")]
    public void Split_of_a_file_outside_this_execution_fails_naming_from(string uri, string expected)
    {
        var run = Run(_dir.Path, "split_escape", "data.csv", Numbers(1, 3), """
              - id: split
                type: io.kestra.plugin.core.storage.Split
                from: "URI"
                rows: 1
            """.Replace("URI", uri, StringComparison.Ordinal));

        Assert.Equal("FAILED", run.State);
        var errors = run.Errors("split");
        Assert.Contains("tasks[1].from (line 14):", errors, StringComparison.Ordinal);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_of_a_file_that_is_not_there_fails_saying_so()
    {
        var run = Run(_dir.Path, "split_missing", "data.csv", Numbers(1, 3), """
              - id: split
                type: io.kestra.plugin.core.storage.Split
                from: "{{ outputs.make.outputFiles['data.csv'] }}.gone"
                rows: 1
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Contains("there is no file at 'harrier:///", run.Errors("split"), StringComparison.Ordinal);
    }
}
