using Harrier.TestKit.Contracts;

namespace Harrier.Persistence.Tests.Sqlite;

/// <summary>The server's seams of a real SQLite store in a fresh data directory, for the contract suites.</summary>
internal static class SqliteServerSeams
{
    public static async Task<ServerSeams> CreateAsync(TempDataDirectory directory, TimeProvider time)
    {
        var store = await directory.OpenAsync(time);
        var engine = new StoreSubject(store.Executions, store.Jobs, store.Planning, store.Commits, store.Kills, store.Processes, store.Ownership, store.Logs);
        return new ServerSeams(engine, store.Flows, store.KeyValues, store.ExecutionSearch, store.Deletions, store.QueueStatistics, store.LogSearch, store.Triggers, store.LogPurges);
    }
}
