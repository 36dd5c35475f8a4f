using Harrier.Cli.Tests.Support;
using static Harrier.Cli.Tests.CoreTasks.Storage.StorageFlow;

namespace Harrier.Cli.Tests.CoreTasks.Storage;

/// <summary>Kestra's <c>storage.FilterItems</c>: the records of an ION file kept or dropped by a condition rendered per record.</summary>
public sealed class FilterItemsTests : IDisposable
{
    private static readonly string[] Valid = ["{key:\"k1\",value:1}", "{\"key\":\"k2\",\"value\":2}", "{key:\"k3\",value:3}", "{key:\"k4\",value:4}"];
    private static readonly string[] Invalid = ["{key:\"k1\",value:1}", "{key:\"k2\",value:\"dummy\"}", "{key:\"k3\",value:3}", "{key:\"k4\",value:4}"];
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void FilterItems_with_INCLUDE_keeps_the_records_whose_condition_is_true_as_they_were_written()
    {
        var run = Filter("filter_include", Valid, """
                filterCondition: " {{ value % 2 == 0 }} "
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal("{\"key\":\"k2\",\"value\":2}\n{key:\"k4\",value:4}\n", Read(_dir.Path, run.Uri("filter")));
        Assert.EndsWith("/filter.ion", run.Uri("filter"), StringComparison.Ordinal);
        Assert.Equal(4, run.Long("filter", "processedItemsTotal"));
        Assert.Equal(2, run.Long("filter", "droppedItemsTotal"));
    }

    [Fact]
    public void FilterItems_with_EXCLUDE_drops_the_records_whose_condition_is_true()
    {
        var run = Filter("filter_exclude", Valid, """
                filterCondition: "{{ value % 2 == 0 }}"
                filterType: EXCLUDE
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal("{key:\"k1\",value:1}\n{key:\"k3\",value:3}\n", Read(_dir.Path, run.Uri("filter")));
        Assert.Equal(2, run.Long("filter", "droppedItemsTotal"));
    }

    [Fact]
    public void FilterItems_fails_by_default_when_the_condition_fails_on_a_record_naming_its_line()
    {
        var run = Filter("filter_fail", Invalid, """
                filterCondition: "{{ value % 2 == 0 }}"
            """);

        Assert.Equal("FAILED", run.State);
        var errors = run.Errors("filter");
        Assert.Contains("tasks[1].filterCondition (line 15): ", errors, StringComparison.Ordinal);
        Assert.Contains("(for the record on line 2); set errorOrNullBehavior: INCLUDE or EXCLUDE", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("INCLUDE", "EXCLUDE", "k2,k4", 2)]
    [InlineData("EXCLUDE", "INCLUDE", "k4", 3)]
    [InlineData("INCLUDE", "INCLUDE", "k2,k4", 2)]
    public void FilterItems_keeps_or_drops_a_record_whose_condition_fails_as_errorOrNullBehavior_says_whatever_the_filterType(
        string onError, string filterType, string kept, long dropped)
    {
        // The condition matches the records filterType keeps: even values for INCLUDE, odd ones for EXCLUDE.
        var run = Filter("filter_on_error", Invalid, """
                filterCondition: "{{ value % 2 OPERATOR 0 }}"
                filterType: TYPE
                errorOrNullBehavior: ON_ERROR
            """.Replace("OPERATOR", filterType == "INCLUDE" ? "==" : "!=", StringComparison.Ordinal)
               .Replace("TYPE", filterType, StringComparison.Ordinal)
               .Replace("ON_ERROR", onError, StringComparison.Ordinal));

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal(kept, string.Join(',', Keys(run)));
        Assert.Equal(dropped, run.Long("filter", "droppedItemsTotal"));
        Assert.Equal(4, run.Long("filter", "processedItemsTotal"));
    }

    [Fact]
    public void FilterItems_reads_a_condition_that_is_not_a_boolean_as_Kestra_does_false_0_and_empty_are_false()
    {
        var run = Filter("filter_truth", ["{key:\"a\",v:0}", "{key:\"b\",v:7}", "{key:\"c\",v:\"\"}", "{key:\"d\",v:\"false\"}", "{key:\"e\",v:\"no\"}", "{key:\"f\",v:-0}"], """
                filterCondition: "{{ v }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal("b,e", string.Join(',', Keys(run)));
    }

    [Fact]
    public void FilterItems_treats_a_null_condition_with_errorOrNullBehavior_failing_by_default()
    {
        var records = new[] { "{key:\"a\",v:true}", "{key:\"b\",v:null}" };
        var failing = Filter("filter_null", records, """
                filterCondition: "{{ v }}"
            """);
        Assert.Equal("FAILED", failing.State);
        Assert.Contains("tasks[1].filterCondition gives null for the record on line 2; set errorOrNullBehavior: INCLUDE or EXCLUDE to keep or drop such records instead of failing", failing.Errors("filter"), StringComparison.Ordinal);
        var errors = failing.Errors("filter");
        Assert.Equal(errors.IndexOf("set errorOrNullBehavior", StringComparison.Ordinal), errors.LastIndexOf("set errorOrNullBehavior", StringComparison.Ordinal));

        var excluding = Filter("filter_null_excluded", records, """
                filterCondition: "{{ v }}"
                errorOrNullBehavior: EXCLUDE
            """);
        Assert.True(excluding.ExitCode == 0, excluding.Describe);
        Assert.Equal("a", string.Join(',', Keys(excluding)));
    }

    [Fact]
    public void FilterItems_compares_text_fields_as_numbers_with_the_number_filter()
    {
        // CSV converted to ION gives every field as text, as in Kestra's own example.
        var run = Filter("filter_number", ["{key:\"a\",product_id:\"20\"}", "{key:\"b\",product_id:\"7\"}", "{key:\"c\",product_id:\"20.0\"}"], """
                filterCondition: "{{ (product_id | number) == 20 }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal("a,c", string.Join(',', Keys(run)));
    }

    [Fact]
    public void FilterItems_sees_the_flow_variables_besides_the_fields_and_skips_blank_lines()
    {
        var run = Filter("filter_vars", ["{key:\"k1\"}", "", "{key:\"filter_vars\"}", "   "], """
                filterCondition: "{{ key == flow.id }}"
            """);

        Assert.True(run.ExitCode == 0, run.Describe);
        Assert.Equal("filter_vars", string.Join(',', Keys(run)));
        Assert.Equal(2, run.Long("filter", "processedItemsTotal"));
    }

    [Theory]
    [InlineData("{\"key\": \"unterminated}", "line 2 is not ION or JSON")]
    [InlineData("[1, 2]", "line 2 is not one record ({field: value, …}) but '[1, 2]'")]
    public void FilterItems_of_a_line_that_is_not_a_record_fails_naming_from_and_the_line(string line, string expected)
    {
        var run = Filter("filter_not_ion", ["{key:\"k1\"}", line], """
                filterCondition: "{{ true }}"
            """);

        Assert.Equal("FAILED", run.State);
        Assert.Contains("tasks[1].from (line 14): " + expected, run.Errors("filter"), StringComparison.Ordinal);
    }

    private FlowRun Filter(string id, IEnumerable<string> records, string properties) =>
        Run(_dir.Path, id, "rows.ion", records, """
              - id: filter
                type: io.kestra.plugin.core.storage.FilterItems
                from: "{{ outputs.make.outputFiles['rows.ion'] }}"
            """ + "\n" + properties);

    private IEnumerable<string> Keys(FlowRun run) =>
        Read(_dir.Path, run.Uri("filter")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 2)..line.IndexOf('"', line.IndexOf(':', StringComparison.Ordinal) + 2)]);
}
