using Harrier.Cli.Tests.Running;
using Harrier.Core.Executions;
using Harrier.Persistence.Sqlite;
using Harrier.TestKit.Processes;

namespace Harrier.Cli.Tests.Durability;

/// <summary>
/// Several <c>harrier run</c> processes at once on one data directory: each runs its own execution to its end, none
/// touches another's, nothing is lost or overwritten. Ten trials of 2, 4 and 8 processes here; <c>scripts/stress</c> runs more.
/// </summary>
public sealed class ConcurrentRunsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private const string Flow = """
        id: shared
        namespace: tests.concurrent
        tasks:
          - id: a
            type: io.kestra.plugin.scripts.shell.Commands
            commands: ["echo a"]
          - id: fan
            type: io.kestra.plugin.core.flow.Parallel
            tasks:
              - id: b
                type: io.kestra.plugin.core.log.Log
                message: b
              - id: c
                type: io.kestra.plugin.scripts.shell.Commands
                commands: ["echo c"]
          - id: each
            type: io.kestra.plugin.core.flow.ForEach
            values: [1, 2, 3]
            tasks:
              - id: d
                type: io.kestra.plugin.core.log.Log
                message: "d {{ taskrun.value }}"
          - id: e
            type: io.kestra.plugin.core.debug.Return
            format: "{{ execution.id }}"
        """;

    /// <summary>Ten trials of 2, 4 and 8 processes in turn, or <c>HARRIER_STRESS_TRIALS</c> of them (<c>scripts/stress</c>).</summary>
    public static TheoryData<int, int> Trials
    {
        get
        {
            var data = new TheoryData<int, int>();
            for (var trial = 1; trial <= StressTrials.Count(10); trial++)
            {
                data.Add(new[] { 2, 4, 8 }[trial % 3], trial);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Trials))]
    public async Task ConcurrentRuns_OnOneDataDirectory_EachEndSuccessfully_WithNothingOverwritten(int processes, int trial)
    {
        _ = trial;
        using var folder = new TempFolder();
        var flow = folder.File("shared.yml", Flow);
        var data = Path.Combine(folder.Path, "data");

        var runs = Enumerable.Range(0, processes).Select(_ => HarrierProcess.Start(folder.Path, "run", flow, "--data-dir", data)).ToList();
        try
        {
            var exits = await Task.WhenAll(runs.Select(r => r.WaitForExitAsync(Patience)));
            Assert.True(exits.All(e => e == 0), string.Join("\n---\n", runs.Select(r => r.Output)));
        }
        finally
        {
            runs.ForEach(r => r.Dispose());
        }

        await using var store = await SqliteStore.OpenAsync(data, TimeProvider.System, CancellationToken.None);
        var executions = await store.Executions.ListExecutionsAsync(new Core.Store.ExecutionQuery(), CancellationToken.None);
        Assert.Equal(processes, executions.Count);
        foreach (var execution in executions)
        {
            Assert.Equal(State.Success, execution.State);
            var taskRuns = await store.Executions.GetTaskRunsAsync(execution.Id, CancellationToken.None);
            Assert.Equal(["a", "b", "c", "d", "d", "d", "e", "each", "fan"], taskRuns.Select(r => r.TaskId).Order(StringComparer.Ordinal));
            Assert.All(taskRuns, r => Assert.Equal((State.Success, 1), (r.State, r.Attempts.Count)));
            Assert.Equal(execution.Id, taskRuns.Single(r => r.TaskId == "e").Outputs["value"]);
            var lines = await store.Logs.ReadAsync(execution.Id, 0, 1000, CancellationToken.None);
            Assert.Equal(["a", "b", "c", "d 1", "d 2", "d 3"], lines.Select(l => l.Message).Order(StringComparer.Ordinal));
        }
    }
}
