using System.Globalization;
using Harrier.Cli.Tests.Running;

namespace Harrier.Cli.Tests.Scale;

/// <summary>
/// ForEach iterations that end out of order: the first value sleeps while the later ones end, so the ForEach's memo holds
/// finished iterations beyond its first unfinished one, and (its body being runnable only) planning passes do not read
/// its unchanged running children. Every iteration must still run once, the limit must hold, and a failure must end it.
/// </summary>
public sealed class OutOfOrderForEachTests
{
    private static string Flow(string marks, int limit, string failing = "none") => $$$"""
        id: out_of_order
        namespace: tests.scale
        tasks:
          - id: each
            type: io.kestra.plugin.core.flow.ForEach
            values: "{{ range(1, 12) }}"
            concurrencyLimit: {{{limit}}}
            tasks:
              - id: item
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - echo "start {{ taskrun.value }} $(date +%s%N)" >> {{{marks}}}
                  - "sleep {{ taskrun.value == '1' ? 1.2 : 0.05 }}"
                  - echo "end {{ taskrun.value }} $(date +%s%N)" >> {{{marks}}}
                  - test "{{ taskrun.value }}" != "{{{failing}}}"
        """;

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Iterations_EndingOutOfOrder_EachRunOnce_AndTheForEachSucceeds(int limit)
    {
        using var runs = new FlowRuns();
        var marks = runs.File("marks", "");

        var result = runs.Run(Flow(marks, limit), "--workers", "4");

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Equal("SUCCESS", result.StateOf("each"));
        var events = Events(marks);
        Assert.Equal(Enumerable.Range(1, 12), events.Where(e => e.Kind == "start").Select(e => e.Value).Order());
        Assert.Equal(Enumerable.Range(1, 12), events.Where(e => e.Kind == "end").Select(e => e.Value).Order());
        Assert.True(events.FindIndex(e => e is { Kind: "end", Value: 1 }) > events.FindIndex(e => e is { Kind: "end", Value: 12 }),
            "the first iteration was meant to end last; the test no longer proves out-of-order ends");
        if (limit > 0)
        {
            Assert.True(MostAtOnce(events) <= limit, $"more than {limit} iterations ran at once: {MostAtOnce(events)}");
        }
    }

    [Fact]
    public void AFailedIteration_WhileAnEarlierOneStillRuns_EndsTheForEachFailed_OnceEveryStartedOneEnded()
    {
        using var runs = new FlowRuns();
        var marks = runs.File("marks", "");

        var result = runs.Run(Flow(marks, 2, failing: "2"), "--workers", "4");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("FAILED", result.StateOf("each"));
        var events = Events(marks);
        // 1 and 2 start together; 2 fails while 1 sleeps, so no iteration after those two starts, and 1 still ends.
        Assert.Equal([1, 2], events.Where(e => e.Kind == "start").Select(e => e.Value).Order());
        Assert.Contains(events, e => e is { Kind: "end", Value: 1 });
        Assert.Equal("SUCCESS", result.StateOf("item", "1"));
    }

    private static List<(string Kind, int Value, long At)> Events(string marks) =>
        [.. File.ReadAllLines(marks).Where(l => l.Length > 0).Select(line => line.Split(' '))
            .Select(p => (p[0], int.Parse(p[1], CultureInfo.InvariantCulture), long.Parse(p[2], CultureInfo.InvariantCulture)))
            .OrderBy(e => e.Item3)];

    private static int MostAtOnce(List<(string Kind, int Value, long At)> events)
    {
        var running = 0;
        var most = 0;
        foreach (var (kind, _, _) in events)
        {
            running += kind == "start" ? 1 : -1;
            most = Math.Max(most, running);
        }

        return most;
    }
}
