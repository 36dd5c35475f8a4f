using Harrier.Cli.Tests.Running;
using Harrier.Cli.Tests.Support;
using Harrier.Core.Executions;
using Harrier.TestKit.Processes;
using Xunit.Abstractions;

namespace Harrier.Cli.Tests.Durability;

/// <summary>
/// <c>kill -9</c> of <c>harrier run</c> in the middle of a ForEach with <c>concurrencyLimit: 0</c>, where the worker's
/// completions are gathered before each planning pass (the hand-off waits <c>PlanningBatchWindow</c> while holding the
/// planning lease), then <c>recover</c>: every iteration runs, none that had finished runs again, and an iteration that
/// ran twice was interrupted once (its attempts say so).
/// </summary>
public sealed class AllAtOnceForEachKillTests(ITestOutputHelper output)
{
    private const int Values = 300;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task KillNine_WhileIterationsAreGathered_ThenRecover_RunsEachIteration_AndNoFinishedOneAgain(int trial)
    {
        using var folder = new TempFolder();
        var marks = Path.Combine(folder.Path, "marks");
        var flow = folder.File("all.yml", """
            id: all_at_once
            namespace: tests.crash
            tasks:
              - id: each
                type: io.kestra.plugin.core.flow.ForEach
                values: "{{ range(1, VALUES) }}"
                concurrencyLimit: 0
                tasks:
                  - id: mark
                    type: io.kestra.plugin.scripts.shell.Commands
                    commands:
                      - echo "{{ taskrun.value }}" >> MARKS
            """.Replace("VALUES", Values.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
               .Replace("MARKS", marks, StringComparison.Ordinal));
        var data = Path.Combine(folder.Path, "data");

        using var run = HarrierProcess.Start(folder.Path, "run", flow, "--data-dir", data);
        Assert.True(await Eventually.TrueAsync(() => File.Exists(marks) && File.ReadAllLines(marks).Length >= 20 * trial, Patience), run.Output);
        var before = await StoreSnapshot.ReadAsync(data);
        run.KillHard();
        var finishedBefore = before.TaskRuns.Where(r => r.TaskId == "mark" && r.State == State.Success).Select(r => r.Value!).ToList();
        output.WriteLine($"trial {trial}: killed with {finishedBefore.Count} iterations finished, {File.ReadAllLines(marks).Length} marks");

        var (exit, recoverOutput) = await HarrierProcess.RunAsync(folder.Path, Patience, "executions", "recover", "--data-dir", data);

        Assert.True(exit == 0, $"recover exited {exit}:\n{recoverOutput}");
        var after = await StoreSnapshot.ReadAsync(data);
        Assert.Equal(State.Success, after.Execution!.State);
        var counts = File.ReadAllLines(marks).Where(l => l.Length > 0).GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
        var expected = Enumerable.Range(1, Values).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), counts.Keys.Order(StringComparer.Ordinal));
        Assert.All(finishedBefore, value => Assert.True(counts[value] == 1, $"iteration {value} had finished before the kill and ran again"));
        var iterations = after.TaskRuns.Where(r => r.TaskId == "mark").ToList();
        Assert.Equal(Values, iterations.Count);
        Assert.All(iterations, r => Assert.True(r.State == State.Success && counts[r.Value!] <= r.Attempts.Count, $"{r.Value}: {r.State}, ran {counts[r.Value!]} times in {r.Attempts.Count} attempts"));
    }
}
