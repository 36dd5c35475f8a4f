using Harrier.Cli.Tests.Support;
using static Harrier.Cli.Tests.CoreTasks.Storage.StorageFlow;

namespace Harrier.Cli.Tests.CoreTasks.Storage;

/// <summary>Kestra's <c>storage.Concat</c>, <c>storage.Size</c> and <c>storage.Delete</c>.</summary>
public sealed class ConcatSizeDeleteTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Concat_joins_the_files_in_order_writing_the_separator_after_each()
    {
        var run = Run(_dir.Path, "concat_list", "data.csv", Numbers(1, 5), """
              - id: split
                type: io.kestra.plugin.core.storage.Split
                from: "{{ outputs.make.outputFiles['data.csv'] }}"
                rows: 2
              - id: concat
                type: io.kestra.plugin.core.storage.Concat
                files:
                  - "{{ outputs.split.uris[2] }}"
                  - "{{ outputs.split.uris[0] }}"
                separator: "--\n"
                extension: .csv
              - id: default_extension
                type: io.kestra.plugin.core.storage.Concat
                files: "{{ outputs.split.uris }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        var joined = run.Uri("concat");
        Assert.EndsWith("/concat.csv", joined, StringComparison.Ordinal);
        Assert.Equal("5\n--\n1\n2\n--\n", Read(_dir.Path, joined));
        Assert.EndsWith(".tmp", run.Uri("default_extension"), StringComparison.Ordinal);
        Assert.Equal("1\n2\n3\n4\n5\n", Read(_dir.Path, run.Uri("default_extension")));
    }

    [Fact]
    public void Concat_reads_files_given_as_a_JSON_text_of_a_list()
    {
        var run = Run(_dir.Path, "concat_json", "data.csv", ["a", "b"], """
              - id: concat
                type: io.kestra.plugin.core.storage.Concat
                files: '["{{ outputs.make.outputFiles["data.csv"] }}", "{{ outputs.make.outputFiles["data.csv"] }}"]'
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal("a\nb\na\nb\n", Read(_dir.Path, run.Uri("concat")));
    }

    [Theory]
    [InlineData("files: not a list", "tasks[1].files (line 14): 'not a list' is not a JSON list")]
    [InlineData("files: [\"harrier:///harrier/tests/other/executions/x/a.csv\"]", "tasks[1].files[0] (line 14): 'harrier:///harrier/tests/other/executions/x/a.csv' belongs to another execution")]
    [InlineData("files: '{\"a\": 1}'", "tasks[1].files (line 14): must be a list of storage URIs")]
    [InlineData("files: [\"{{ outputs.make.outputFiles['data.csv'] }}\"]\n    extension: /../x", "tasks[1].extension (line 15): 'concat/../x' holds a separator")]
    public void Concat_with_a_bad_property_fails_naming_it(string properties, string expected)
    {
        var run = Run(_dir.Path, "concat_bad", "data.csv", ["a"], """
              - id: concat
                type: io.kestra.plugin.core.storage.Concat
                PROPERTIES
            """.Replace("PROPERTIES", properties, StringComparison.Ordinal));

        Assert.Equal("FAILED", run.State);
        Assert.Contains(expected, run.Errors("concat"), StringComparison.Ordinal);
    }

    [Fact]
    public void Size_gives_the_length_of_the_file_in_bytes()
    {
        var run = Run(_dir.Path, "size", "data.csv", ["héllo", "world"], """
              - id: size
                type: io.kestra.plugin.core.storage.Size
                uri: "{{ outputs.make.outputFiles['data.csv'] }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(13, run.Long("size", "size"));
    }

    [Fact]
    public void Size_of_a_file_that_is_not_there_fails_naming_uri()
    {
        var run = Run(_dir.Path, "size_missing", "data.csv", ["a"], """
              - id: size
                type: io.kestra.plugin.core.storage.Size
                uri: "{{ outputs.make.outputFiles['data.csv'] }}.gone"
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Contains("tasks[1].uri (line 14): there is no file at 'harrier:///", run.Errors("size"), StringComparison.Ordinal);
    }

    [Fact]
    public void Delete_removes_the_file_and_says_deleted_then_false_when_it_is_already_gone()
    {
        var run = Run(_dir.Path, "delete", "data.csv", ["a"], """
              - id: delete
                type: io.kestra.plugin.core.storage.Delete
                uri: "{{ outputs.make.outputFiles['data.csv'] }}"
              - id: again
                type: io.kestra.plugin.core.storage.Delete
                uri: "{{ outputs.make.outputFiles['data.csv'] }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        var uri = run.Outputs("make").GetProperty("outputFiles").GetProperty("data.csv").GetString()!;
        Assert.True(run.Outputs("delete").GetProperty("deleted").GetBoolean());
        Assert.Equal(uri, run.Uri("delete"));
        Assert.False(run.Outputs("again").GetProperty("deleted").GetBoolean());
        Assert.False(Exists(_dir.Path, uri));
    }

    [Fact]
    public void Delete_of_a_missing_file_fails_with_errorOnMissing()
    {
        var run = Run(_dir.Path, "delete_missing", "data.csv", ["a"], """
              - id: delete
                type: io.kestra.plugin.core.storage.Delete
                uri: "{{ outputs.make.outputFiles['data.csv'] }}.gone"
                errorOnMissing: true
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Contains("there is no file at", run.Errors("delete"), StringComparison.Ordinal);
        Assert.Contains("set errorOnMissing: false", run.Errors("delete"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("harrier:///harrier/tests/delete_outside/_files/script.py", "is not a file of this execution")]
    [InlineData("kestra:///harrier/tests/other_flow/executions/x/tasks/t/r/a.csv", "is not a file of this execution")]
    [InlineData("harrier:///harrier/tests/delete_outside/executions/../../../../x", "'.' and '..' are not allowed")]
    [InlineData("nsfile:///script.py", "is not an internal storage URI")]
    public void Delete_refuses_anything_but_a_file_of_this_execution(string uri, string expected)
    {
        var run = Run(_dir.Path, "delete_outside", "data.csv", ["a"], """
              - id: delete
                type: io.kestra.plugin.core.storage.Delete
                uri: "URI"
            """.Replace("URI", uri, StringComparison.Ordinal));

        Assert.Equal("FAILED", run.State);
        Assert.Contains("tasks[1].uri (line 14): ", run.Errors("delete"), StringComparison.Ordinal);
        Assert.Contains(expected, run.Errors("delete"), StringComparison.Ordinal);
    }
}
