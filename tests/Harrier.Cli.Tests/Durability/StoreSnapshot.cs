using Harrier.Core.Executions;
using Harrier.Persistence.Sqlite;

namespace Harrier.Cli.Tests.Durability;

/// <summary>What a data directory holds at one moment, read by the test process beside the Harrier processes using it.</summary>
internal sealed record StoreSnapshot(Execution? Execution, IReadOnlyList<TaskRun> TaskRuns, IReadOnlyList<LogEntry> Logs)
{
    public static async Task<StoreSnapshot> ReadAsync(string dataDirectory)
    {
        if (!File.Exists(Path.Combine(dataDirectory, "harrier.db")))
        {
            return new StoreSnapshot(null, [], []);
        }

        await using var store = await SqliteStore.OpenAsync(dataDirectory, TimeProvider.System, CancellationToken.None);
        var executions = await store.Executions.ListExecutionsAsync(new Core.Store.ExecutionQuery { Limit = 1 }, CancellationToken.None);
        if (executions.Count == 0)
        {
            return new StoreSnapshot(null, [], []);
        }

        var execution = executions[0];
        var runs = await store.Executions.GetTaskRunsAsync(execution.Id, CancellationToken.None);
        var logs = await store.Logs.ReadAsync(execution.Id, 0, 100_000, CancellationToken.None);
        return new StoreSnapshot(execution, runs, logs);
    }

    /// <summary>The line a step's run appends to the marks file (see <see cref="CrashFlow"/>), or null for flowables and logs.</summary>
    public static string? MarkOf(TaskRun run) => run.TaskId switch
    {
        "item" => $"item {run.Value}",
        "fan" or "each" or "last" => null,
        _ => run.TaskId,
    };
}
