using Harrier.Cli.Tests.Running;

namespace Harrier.Cli.Tests.Scale;

/// <summary>ForEach loops far larger than a planning pass reads at once (values are read 64 at a time beyond what a pass needs).</summary>
public sealed class LargeForEachTests
{
    [Theory]
    [InlineData(1, 300)]
    [InlineData(0, 4500)]
    public void ForEach_OverMoreValuesThanAReadWindow_RunsEveryIterationOnce(int concurrencyLimit, int values)
    {
        using var runs = new FlowRuns();

        var flow = """
            id: large
            namespace: tests.scale
            tasks:
              - id: each
                type: io.kestra.plugin.core.flow.ForEach
                values: "{{ range(1, VALUES) }}"
                concurrencyLimit: LIMIT
                tasks:
                  - id: item
                    type: io.kestra.plugin.core.debug.Return
                    format: "{{ taskrun.value }}"
            """;
        var result = runs.Run(flow
            .Replace("VALUES", values.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("LIMIT", concurrencyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        Assert.True(result.ExitCode == 0, result.Error);
        var items = result.TaskRuns.Where(r => r.GetProperty("taskId").GetString() == "item").ToList();
        Assert.Equal(values, items.Count);
        Assert.Equal(
            Enumerable.Range(1, values),
            items.Select(r => int.Parse(r.GetProperty("outputs").GetProperty("value").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).Order());
    }
}
